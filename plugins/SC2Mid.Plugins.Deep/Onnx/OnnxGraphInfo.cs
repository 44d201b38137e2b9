namespace SC2Mid.Plugins.Deep.Onnx;

/// <summary>The parts of an ONNX model's main graph that the plugin reads: inputs, outputs, nodes and shapes.</summary>
/// <param name="Inputs">Graph inputs that are not initializers (the tensors a caller feeds).</param>
/// <param name="Outputs">Graph outputs in declaration order.</param>
/// <param name="Nodes">Nodes in graph order, which ONNX requires to be topological.</param>
/// <param name="ValueShapes">Declared shapes of inputs, outputs and intermediate values, by value name.</param>
internal sealed record OnnxGraphInfo(
    IReadOnlyList<OnnxValueInfo> Inputs,
    IReadOnlyList<OnnxValueInfo> Outputs,
    IReadOnlyList<OnnxNodeInfo> Nodes,
    IReadOnlyDictionary<string, OnnxValueInfo> ValueShapes);
