using OpenCvSharp;
using SC2Mid.Plugins.Deep;

namespace SC2Mid.Deep.Tests;

/// <summary>
/// The published preprocessing of each preset on a uniform colour, against values computed by hand from the
/// formulas of Keras applications (vgg16 "caffe", xception "tf", densenet121 "torch").
/// </summary>
public sealed class PresetTests
{
    // The tensor is float32, and the hand-computed values are double.
    private const double FloatTolerance = 1e-5;

    // Blue, green and red of the uniform test image, on the 0–255 scale.
    private const double Blue = 50;
    private const double Green = 100;
    private const double Red = 200;

    public static TheoryData<string, int, double, double, double> Presets => new()
    {
        // BGR order, minus the ImageNet BGR mean: 50 - 103.939, 100 - 116.779, 200 - 123.68.
        { "vgg16", 224, -53.939, -16.779, 76.32 },

        // RGB order, x / 127.5 - 1: 200 / 127.5 - 1, 100 / 127.5 - 1, 50 / 127.5 - 1.
        { "xception", 299, 0.5686274509803921, -0.21568627450980393, -0.607843137254902 },

        // RGB order, (x / 255 - mean) / std: (200/255 - 0.485) / 0.229, (100/255 - 0.456) / 0.224,
        // (50/255 - 0.406) / 0.225.
        { "densenet121", 224, 1.3070468362017296, -0.285014005602241, -0.9329847494553378 },
    };

    [Theory]
    [MemberData(nameof(Presets))]
    public void WriteTensor_UniformColourNchw_MatchesHandValues(
        string preset,
        int size,
        double channel0,
        double channel1,
        double channel2)
    {
        Preprocessing preprocessing = ModelPreset.All[preset].LoadPreprocessing(AppContext.BaseDirectory);
        using Mat image = Uniform(size);
        float[] tensor = new float[3 * size * size];

        preprocessing.WriteTensor(image, TensorLayout.Nchw, tensor, 0);

        Assert.Equal(size, preprocessing.Width);
        Assert.Equal(size, preprocessing.Height);
        int plane = size * size;
        foreach (int position in new[] { 0, size + 1, plane - 1 })
        {
            Assert.Equal(channel0, tensor[position], FloatTolerance);
            Assert.Equal(channel1, tensor[plane + position], FloatTolerance);
            Assert.Equal(channel2, tensor[2 * plane + position], FloatTolerance);
        }
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void WriteTensor_UniformColourNhwc_InterleavesChannels(
        string preset,
        int size,
        double channel0,
        double channel1,
        double channel2)
    {
        Preprocessing preprocessing = ModelPreset.All[preset].LoadPreprocessing(AppContext.BaseDirectory);
        using Mat image = Uniform(size);
        float[] tensor = new float[3 * size * size];

        preprocessing.WriteTensor(image, TensorLayout.Nhwc, tensor, 0);

        int last = 3 * (size * size - 1);
        Assert.Equal(channel0, tensor[last], FloatTolerance);
        Assert.Equal(channel1, tensor[last + 1], FloatTolerance);
        Assert.Equal(channel2, tensor[last + 2], FloatTolerance);
    }

    [Fact]
    public void Custom_WithoutPreprocessingFile_RejectedWithFix()
    {
        var exception = Assert.Throws<ArgumentException>(
            () => ModelPreset.All[ModelPreset.CustomName].LoadPreprocessing(AppContext.BaseDirectory));

        Assert.Contains("deep.preprocessing=FILE.json", exception.Message, StringComparison.Ordinal);
    }

    private static Mat Uniform(int size) => new(size, size, MatType.CV_32FC3, new Scalar(Blue, Green, Red));
}
