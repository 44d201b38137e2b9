using SC2Mid.Plugins.Deep.Onnx;

namespace SC2Mid.Plugins.Deep;

/// <summary>An intermediate or final value of a model that the plugin can tap, pool and draw.</summary>
/// <param name="ValueName">Name of the node output in the ONNX graph, as <c>deep.layer</c> accepts it.</param>
/// <param name="Segment">The name's form in feature names, in the alphabet [a-z0-9_] (see <see cref="LayerNames"/>).</param>
/// <param name="OpType">Operator of the node that produces the value, for example <c>Relu</c>.</param>
/// <param name="NodeName">Name of that node; may be empty.</param>
/// <param name="Shape">Declared shape of the value, or null when the graph does not declare one.</param>
internal sealed record TappableLayer(
    string ValueName,
    string Segment,
    string OpType,
    string NodeName,
    OnnxValueInfo? Shape)
{
    /// <summary>One line for listings: segment, value name, operator and shape.</summary>
    public string Describe() =>
        $"{Segment}: value '{ValueName}' of {OpType} node '{NodeName}', shape {Shape?.ShapeText ?? "[unknown]"}";
}
