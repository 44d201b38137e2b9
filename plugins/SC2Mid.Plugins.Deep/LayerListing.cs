using System.Globalization;
using SC2Mid.Sdk;

namespace SC2Mid.Plugins.Deep;

/// <summary>
/// The features of <c>deep.mode=layers</c>: one per tappable value, <c>deep.layers.&lt;segment&gt;</c>, valued by
/// the value's declared channel count.
/// </summary>
internal static class LayerListing
{
    /// <summary>Declares one feature per tappable value; each definition names the value, operator and shape.</summary>
    public static IReadOnlyList<FeatureDeclaration> Describe(IReadOnlyList<TappableLayer> layers, TensorLayout? layout) =>
        layers.Select(layer => new FeatureDeclaration(
                "deep.layers." + layer.Segment,
                FeatureDimension.Count,
                $"Channel count of value '{layer.ValueName}' ({layer.OpType} node '{layer.NodeName}'), "
                + $"declared shape {layer.Shape?.ShapeText ?? "[unknown]"}, channel axis "
                + (layout == TensorLayout.Nhwc ? "last." : "1.")))
            .ToArray();

    /// <summary>Adds the declared channel count of every value, or null where the graph leaves it open.</summary>
    public static void Add(FeatureSet features, IReadOnlyList<TappableLayer> layers, TensorLayout? layout)
    {
        foreach (TappableLayer layer in layers)
        {
            string name = "deep.layers." + layer.Segment;
            IReadOnlyList<string>? dimensions = layer.Shape?.Dimensions;
            string? channels = dimensions is null || dimensions.Count < 2
                ? null
                : layout == TensorLayout.Nhwc ? dimensions[^1] : dimensions[1];
            if (long.TryParse(channels, NumberStyles.None, CultureInfo.InvariantCulture, out long count))
            {
                features.Add(name, count);
            }
            else
            {
                features.AddNull(
                    name,
                    $"The graph declares the shape of '{layer.ValueName}' as {layer.Shape?.ShapeText ?? "[unknown]"}, "
                    + "so its channel count is known only after a run.");
            }
        }
    }
}
