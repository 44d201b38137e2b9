namespace SC2Mid.Plugins.Deep.Onnx;

/// <summary>A named tensor of an ONNX graph (an input, output or intermediate value) and its declared shape.</summary>
/// <param name="Name">Value name as written in the graph.</param>
/// <param name="Dimensions">
/// Declared dimensions, each a number or a symbolic name such as <c>N</c>, or <c>?</c> when undeclared; null when
/// the graph declares no shape for this value.
/// </param>
internal sealed record OnnxValueInfo(string Name, IReadOnlyList<string>? Dimensions)
{
    /// <summary>The shape as text, for example <c>[N, 3, 224, 224]</c>, or <c>[unknown]</c>.</summary>
    public string ShapeText => Dimensions is null ? "[unknown]" : "[" + string.Join(", ", Dimensions) + "]";
}
