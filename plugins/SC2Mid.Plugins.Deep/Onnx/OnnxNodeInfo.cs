namespace SC2Mid.Plugins.Deep.Onnx;

/// <summary>One node of an ONNX graph, reduced to what the layer listing needs.</summary>
/// <param name="Name">Node name; may be empty, because ONNX does not require one.</param>
/// <param name="OpType">Operator, for example <c>Conv</c> or <c>Relu</c>.</param>
/// <param name="Outputs">Names of the values the node produces, in order; empty names mark unused optional outputs.</param>
internal sealed record OnnxNodeInfo(string Name, string OpType, IReadOnlyList<string> Outputs);
