using SC2Mid.Deep.Tests.Support;
using SC2Mid.Plugins.Deep;

namespace SC2Mid.Deep.Tests;

/// <summary>Reading and checking preprocessing JSON files.</summary>
public sealed class PreprocessingFileTests
{
    [Fact]
    public void Read_TorchvisionExample_ReadsEveryField()
    {
        string path = PreprocessingJson.Save(
            """
            {
              "width": 224, "height": 200,
              "channelOrder": "rgb",
              "scale": 0.00392156862745098,
              "mean": [0.485, 0.456, 0.406],
              "std": [0.229, 0.224, 0.225],
              "layout": "NCHW",
              "input": "input"
            }
            """);

        Plugins.Deep.Preprocessing preprocessing = PreprocessingFile.Read(path);

        Assert.Equal(224, preprocessing.Width);
        Assert.Equal(200, preprocessing.Height);
        Assert.Equal(ChannelOrder.Rgb, preprocessing.Order);
        Assert.Equal(0.00392156862745098, preprocessing.Scale);
        Assert.Equal([0.485, 0.456, 0.406], preprocessing.Mean);
        Assert.Equal([0.229, 0.224, 0.225], preprocessing.Std);
        Assert.Equal(TensorLayout.Nchw, preprocessing.Layout);
        Assert.Equal("input", preprocessing.InputName);
    }

    [Fact]
    public void Read_MinimalFile_DefaultsScaleAndStd()
    {
        Plugins.Deep.Preprocessing preprocessing = PreprocessingFile.Read(PreprocessingJson.Identity("bgr"));

        Assert.Equal(1, preprocessing.Scale);
        Assert.Equal([1.0, 1, 1], preprocessing.Std);
        Assert.Null(preprocessing.Layout);
        Assert.Null(preprocessing.InputName);
    }

    [Theory]
    [InlineData("""{ "width": 8, "height": 8, "channelOrder": "grb", "mean": [0, 0, 0] }""", "expected \"rgb\" or \"bgr\"")]
    [InlineData("""{ "width": 8, "height": 8, "channelOrder": "rgb" }""", "mean is missing")]
    [InlineData("""{ "width": 8, "height": 8, "channelOrder": "rgb", "mean": [0, 0] }""", "3 finite numbers")]
    [InlineData("""{ "width": 8, "height": 8, "channelOrder": "rgb", "mean": [0, 0, 0], "std": [1, 0, 1] }""", "std none of them 0")]
    [InlineData("""{ "width": 0, "height": 8, "channelOrder": "rgb", "mean": [0, 0, 0] }""", "from 1 to 8192")]
    [InlineData("""{ "width": 8, "height": 8, "channelOrder": "rgb", "mean": [0, 0, 0], "layout": "CHW" }""", "expected \"NCHW\" or \"NHWC\"")]
    [InlineData("""{ "width": 8, "height": 8, "channelOrder": "rgb", "mean": [0, 0, 0], "size": 8 }""", "invalid preprocessing JSON")]
    public void Read_InvalidValue_RejectedWithReason(string json, string expected)
    {
        string path = PreprocessingJson.Save(json);

        var exception = Assert.Throws<ArgumentException>(() => PreprocessingFile.Read(path));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.StartsWith(path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFile_NamesPath()
    {
        var exception = Assert.Throws<ArgumentException>(() => PreprocessingFile.Read("/nonexistent/prep.json"));

        Assert.Contains("'/nonexistent/prep.json' was not found", exception.Message, StringComparison.Ordinal);
    }
}
