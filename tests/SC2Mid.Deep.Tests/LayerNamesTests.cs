using SC2Mid.Plugins.Deep;
using SC2Mid.Plugins.Deep.Onnx;

namespace SC2Mid.Deep.Tests;

/// <summary>The mapping of ONNX value names to the feature-name alphabet [a-z0-9_] and its de-duplication.</summary>
public sealed class LayerNamesTests
{
    [Theory]
    [InlineData("ReLU261_Output_0", "relu261_output_0")]
    [InlineData("/layer1/conv.1/Relu:0", "layer1_conv_1_relu_0")]
    [InlineData("block5_pool", "block5_pool")]
    [InlineData("__x__", "x")]
    [InlineData("Conv--2", "conv_2")]
    [InlineData("Äbc", "bc")]
    [InlineData("::", "layer")]
    public void Sanitize_Name_MapsToFeatureAlphabet(string name, string expected)
    {
        Assert.Equal(expected, LayerNames.Sanitize(name));
    }

    [Fact]
    public void List_CollidingNames_GetFirstFreeSuffix()
    {
        var graph = new OnnxGraphInfo(
            [],
            [],
            [
                new OnnxNodeInfo("a", "Relu", ["conv.1"]),
                new OnnxNodeInfo("b", "Relu", ["conv_1_2"]),
                new OnnxNodeInfo("c", "Relu", ["conv_1"]),
                new OnnxNodeInfo("d", "Split", ["Conv:1", string.Empty]),
            ],
            new Dictionary<string, OnnxValueInfo>());

        IReadOnlyList<TappableLayer> layers = LayerNames.List(graph);

        Assert.Equal(["conv.1", "conv_1_2", "conv_1", "Conv:1"], layers.Select(layer => layer.ValueName));
        Assert.Equal(["conv_1", "conv_1_2", "conv_1_3", "conv_1_4"], layers.Select(layer => layer.Segment));
    }
}
