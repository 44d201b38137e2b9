using Microsoft.ML.OnnxRuntime;
using SC2Mid.Deep.Tests.Support;
using SC2Mid.Plugins.Deep.Onnx;

namespace SC2Mid.Deep.Tests.Onnx;

/// <summary>Reading graphs and appending graph outputs at the protobuf level.</summary>
public sealed class OnnxProtobufTests
{
    [Fact]
    public void ReadGraph_TinyModel_ReadsStructure()
    {
        OnnxGraphInfo graph = OnnxProtobuf.ReadGraph(TinyOnnxModel.ReluPoolNchw());

        OnnxValueInfo input = Assert.Single(graph.Inputs);
        Assert.Equal("x", input.Name);
        Assert.Equal("[N, 3, 8, 8]", input.ShapeText);
        Assert.Equal("y", Assert.Single(graph.Outputs).Name);
        Assert.Equal(["Relu", "GlobalAveragePool"], graph.Nodes.Select(node => node.OpType));
        Assert.Equal(["relu_out"], graph.Nodes[0].Outputs);
    }

    [Fact]
    public void AppendGraphOutputs_Relu_BecomesSessionOutput()
    {
        byte[] edited = OnnxProtobuf.AppendGraphOutputs(TinyOnnxModel.ReluPoolNchw(), ["relu_out"]);

        OnnxGraphInfo graph = OnnxProtobuf.ReadGraph(edited);
        using var session = new InferenceSession(edited);

        Assert.Equal(["y", "relu_out"], graph.Outputs.Select(output => output.Name));
        Assert.Equal(["y", "relu_out"], session.OutputMetadata.Keys);
        Assert.Equal([-1, 3, 8, 8], session.OutputMetadata["relu_out"].Dimensions);
    }

    [Fact]
    public void ReadGraph_NotOnnx_RaisesInvalidData()
    {
        var exception = Assert.Throws<InvalidDataException>(() => OnnxProtobuf.ReadGraph([0x08, 0x07]));

        Assert.Contains("no ONNX graph", exception.Message, StringComparison.Ordinal);
    }
}
