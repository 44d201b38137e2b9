using SC2Mid.Deep.Tests.Support;
using SC2Mid.Plugins.Deep;

namespace SC2Mid.Deep.Tests;

/// <summary>
/// Reading the input name, layout and batch dimension from a model's metadata, and the errors that list the
/// model's real inputs, on tiny models written by <see cref="TinyOnnxModel"/>.
/// </summary>
public sealed class ModelInputTests
{
    [Fact]
    public void BindInput_DynamicNchw_ReadsMetadata()
    {
        using DeepModel model = Open(TinyOnnxModel.ReluPoolNchw("pixels"));

        ModelInput input = model.BindInput(Read(PreprocessingJson.Identity()));

        Assert.Equal("pixels", input.Name);
        Assert.Equal(TensorLayout.Nchw, input.Layout);
        Assert.Null(input.BatchSize);
    }

    [Fact]
    public void BindInput_Nhwc_ReadsLayoutFromShape()
    {
        using DeepModel model = Open(TinyOnnxModel.IdentityNhwc());

        ModelInput input = model.BindInput(Read(PreprocessingJson.Identity()));

        Assert.Equal("pixels", input.Name);
        Assert.Equal(TensorLayout.Nhwc, input.Layout);
        Assert.Equal(1, input.BatchSize);
    }

    [Fact]
    public void BindInput_WrongInputName_ListsRealInputs()
    {
        using DeepModel model = Open(TinyOnnxModel.ReluPoolNchw("x"));

        var exception = Assert.Throws<ArgumentException>(
            () => model.BindInput(Read(PreprocessingJson.Identity(extra: "\"input\": \"image\""))));

        Assert.Contains("has no input named 'image'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Its inputs: 'x' Float [N, 3, 8, 8]", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BindInput_WrongLayout_ListsRealInputs()
    {
        using DeepModel model = Open(TinyOnnxModel.ReluPoolNchw("x"));

        var exception = Assert.Throws<ArgumentException>(
            () => model.BindInput(Read(PreprocessingJson.Identity(extra: "\"layout\": \"NHWC\""))));

        Assert.Contains("input 'x' is NCHW, but the preprocessing expects NHWC", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'x' Float [N, 3, 8, 8]", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BindInput_WrongSize_ListsRealInputs()
    {
        using DeepModel model = Open(TinyOnnxModel.IdentityNhwc());

        var exception = Assert.Throws<ArgumentException>(
            () => model.BindInput(Read(PreprocessingJson.Identity(size: 16))));

        Assert.Contains("takes 8x8 pixels", exception.Message, StringComparison.Ordinal);
        Assert.Contains("makes 16x16", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'pixels' Float [1, 8, 8, 3]", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BindInput_TwoInputsUnnamed_ListsBoth()
    {
        using DeepModel model = Open(TinyOnnxModel.TwoInputs());

        var exception = Assert.Throws<ArgumentException>(() => model.BindInput(Read(PreprocessingJson.Identity())));

        Assert.Contains("has 2 inputs; name the image input", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'a' Float [1, 3, 8, 8]", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'b' Float [1, 3, 8, 8]", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BindInput_AmbiguousShape_NeedsDeclaredLayout()
    {
        using DeepModel model = Open(TinyOnnxModel.AmbiguousLayout());

        var exception = Assert.Throws<ArgumentException>(
            () => model.BindInput(Read(PreprocessingJson.Identity(size: 3))));
        ModelInput declared = model.BindInput(Read(PreprocessingJson.Identity(extra: "\"layout\": \"NHWC\"", size: 3)));

        Assert.Contains("cannot be told from its shape", exception.Message, StringComparison.Ordinal);
        Assert.Equal(TensorLayout.Nhwc, declared.Layout);
    }

    [Fact]
    public void Run_BatchOfFour_EqualsSingleRuns()
    {
        using DeepModel model = Open(TinyOnnxModel.ReluPoolNchw(), layer: "relu_out");
        ModelInput input = model.BindInput(Read(PreprocessingJson.Identity()));
        const int plane = 3 * 8 * 8;
        var random = new Random(20261204);
        float[] batch = Enumerable.Range(0, 4 * plane).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();

        LayerOutput[] together = model.Run(input, null, batch, 4, CancellationToken.None);

        Assert.Equal(4, together.Length);
        for (int n = 0; n < 4; n++)
        {
            float[] single = batch[(n * plane)..((n + 1) * plane)];
            LayerOutput alone = model.Run(input, null, single, 1, CancellationToken.None)[0];
            Assert.Equal(alone.Shape, together[n].Shape);
            Assert.Equal(alone.Values, together[n].Values);
        }
    }

    private static DeepModel Open(byte[] model, string layer = LayerNames.FinalOutput) =>
        DeepModel.Open(TinyOnnxModel.Save(model, "tiny"), layer, 1);

    private static Plugins.Deep.Preprocessing Read(string path) => PreprocessingFile.Read(path);
}
