using System.Text;
using SC2Mid.Plugins.Deep.Onnx;

namespace SC2Mid.Plugins.Deep;

/// <summary>
/// Maps ONNX value names to the feature-name alphabet [a-z0-9_] and lists the values of a graph that can be tapped.
/// </summary>
/// <remarks>
/// <para>
/// The mapping lower-cases ASCII letters, keeps ASCII digits, replaces every other run of characters with one
/// <c>_</c> and trims <c>_</c> from both ends; a name with nothing left becomes <c>layer</c>. For example
/// <c>ReLU261_Output_0</c> becomes <c>relu261_output_0</c> and <c>/layer1/conv.1/Relu:0</c> becomes
/// <c>layer1_conv_1_relu_0</c>.
/// </para>
/// <para>
/// Different names can map to the same text (<c>conv.1</c> and <c>conv_1</c>). Within one model, the first such
/// value in graph order keeps the plain segment and each later one gets the first of <c>_2</c>, <c>_3</c> … that
/// is still free, so every segment names exactly one value.
/// </para>
/// </remarks>
internal static class LayerNames
{
    /// <summary>Segment that names the model's first graph output, the final pooled vector of a classifier backbone.</summary>
    public const string FinalOutput = "pool";

    /// <summary>Maps one value name to the feature-name alphabet, without the de-duplication suffix.</summary>
    public static string Sanitize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        bool pendingSeparator = false;
        foreach (char character in name)
        {
            char mapped = char.ToLowerInvariant(character);
            if (char.IsAsciiLetterLower(mapped) || char.IsAsciiDigit(mapped))
            {
                if (pendingSeparator && builder.Length > 0)
                {
                    builder.Append('_');
                }

                builder.Append(mapped);
                pendingSeparator = false;
            }
            else
            {
                pendingSeparator = true;
            }
        }

        return builder.Length == 0 ? "layer" : builder.ToString();
    }

    /// <summary>Lists every node output of the graph in graph order, with unique feature-name segments.</summary>
    public static IReadOnlyList<TappableLayer> List(OnnxGraphInfo graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var layers = new List<TappableLayer>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (OnnxNodeInfo node in graph.Nodes)
        {
            foreach (string output in node.Outputs.Where(name => name.Length > 0))
            {
                string plain = Sanitize(output);
                string segment = plain;
                for (int suffix = 2; !used.Add(segment); suffix++)
                {
                    segment = $"{plain}_{suffix}";
                }

                graph.ValueShapes.TryGetValue(output, out OnnxValueInfo? shape);
                layers.Add(new TappableLayer(output, segment, node.OpType, node.Name, shape));
            }
        }

        return layers;
    }
}
