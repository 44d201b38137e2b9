using SC2Mid.Core.Datasets;
using SC2Mid.Core.Tests.Imaging;

namespace SC2Mid.Core.Tests.Datasets;

public sealed class DatasetFolderTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [InlineData("cell_GT.png")]
    [InlineData("cell_gt.png")]
    [InlineData("cell_mask.png")]
    [InlineData("cell_ground_truth.png")]
    [InlineData("cell_GT.tif")]
    [InlineData("cell_mask.tiff")]
    [InlineData("cell_gt.bmp")]
    [InlineData("masks/cell.png")]
    [InlineData("gt/cell.png")]
    [InlineData("masks/cell.jpg")]
    public void Read_MaskConvention_PairsMask(string maskName)
    {
        var image = Touch("cell.png");
        var mask = Touch(maskName);

        var dataset = DatasetReader.Read(_scratch.Path);

        var item = Assert.Single(dataset.Items);
        Assert.Equal("cell.png", item.ImageId);
        Assert.Equal(image, item.ImagePath);
        Assert.Equal(mask, item.MaskPath);
        Assert.Null(item.Calibration);
        Assert.Empty(dataset.Warnings);
        Assert.Equal(_scratch.Path, dataset.Source);
    }

    [Fact]
    public void Read_ImageWithoutMask_ListsItWithWarning()
    {
        Touch("a.png");
        Touch("a_GT.png");
        Touch("b.tif");

        var dataset = DatasetReader.Read(_scratch.Path);

        Assert.Equal(["a.png", "b.tif"], dataset.Items.Select(i => i.ImageId));
        Assert.NotNull(dataset.Items[0].MaskPath);
        Assert.Null(dataset.Items[1].MaskPath);
        var warning = Assert.Single(dataset.Warnings);
        Assert.Contains("1 of 2 images have no mask", warning);
        Assert.Contains("b.tif", warning);
    }

    [Fact]
    public void Read_TwoCandidateMasks_NamesBoth()
    {
        Touch("cell.png");
        var first = Touch("cell_GT.png");
        var second = Touch("masks/cell.png");

        var error = Assert.Throws<DatasetException>(() => DatasetReader.Read(_scratch.Path));

        Assert.Contains(first, error.Message);
        Assert.Contains(second, error.Message);
        Assert.Contains("Several mask files match this image", error.Message);
        Assert.Null(error.Line);
    }

    [Fact]
    public void Read_TwoMasksOfOtherExtensions_NamesBoth()
    {
        Touch("cell.png");
        var first = Touch("cell_mask.tif");
        var second = Touch("cell_mask.jpg");

        var error = Assert.Throws<DatasetException>(() => DatasetReader.Read(_scratch.Path));

        Assert.Contains(first, error.Message);
        Assert.Contains(second, error.Message);
    }

    [Fact]
    public void Read_SameNameTwoFormats_PairsByExtension()
    {
        var tiff = Touch("slice.tif");
        var png = Touch("slice.png");
        var tiffMask = Touch("slice_ground_truth.tif");
        var pngMask = Touch("slice_ground_truth.png");

        var dataset = DatasetReader.Read(_scratch.Path);

        Assert.Equal(["slice.png", "slice.tif"], dataset.Items.Select(i => i.ImageId));
        Assert.Equal(png, dataset.Items[0].ImagePath);
        Assert.Equal(pngMask, dataset.Items[0].MaskPath);
        Assert.Equal(tiff, dataset.Items[1].ImagePath);
        Assert.Equal(tiffMask, dataset.Items[1].MaskPath);
    }

    [Fact]
    public void Read_TiffSpelling_MatchesTif()
    {
        Touch("slice.tiff");
        Touch("slice.png");
        var tiffMask = Touch("slice_GT.tif");
        Touch("slice_GT.png");

        var dataset = DatasetReader.Read(_scratch.Path);

        Assert.Equal(tiffMask, dataset.Items.Single(i => i.ImageId == "slice.tiff").MaskPath);
    }

    [Fact]
    public void Read_Items_SortedByOrdinalImageId()
    {
        foreach (var name in new[] { "b.png", "B.png", "a.png", "a10.png", "a2.png", "_z.png" })
        {
            Touch(name);
        }

        var dataset = DatasetReader.Read(_scratch.Path);

        Assert.Equal(["B.png", "_z.png", "a.png", "a10.png", "a2.png", "b.png"], dataset.Items.Select(i => i.ImageId));
    }

    [Fact]
    public void Read_OtherFilesAndSubfolders_AreIgnored()
    {
        Touch("cell.png");
        Touch("notes.txt");
        Touch("results.csv");
        Touch("raw/other.png");

        var dataset = DatasetReader.Read(_scratch.Path);

        Assert.Equal(["cell.png"], dataset.Items.Select(i => i.ImageId));
    }

    [Fact]
    public void Read_UpperCaseExtension_IsAnImage()
    {
        Touch("CELL.PNG");
        var mask = Touch("CELL_GT.TIF");

        var dataset = DatasetReader.Read(_scratch.Path);

        var item = Assert.Single(dataset.Items);
        Assert.Equal("CELL.PNG", item.ImageId);
        Assert.Equal(mask, item.MaskPath);
    }

    [Fact]
    public void Read_MaskWithoutImage_IsIgnoredWithWarning()
    {
        Touch("cell.png");
        Touch("cell_GT.png");
        Touch("orphan_mask.png");
        Touch("masks/stray.png");

        var dataset = DatasetReader.Read(_scratch.Path);

        Assert.Single(dataset.Items);
        var warning = Assert.Single(dataset.Warnings);
        Assert.Contains("2 mask files match no image and are ignored", warning);
        Assert.Contains("orphan_mask.png", warning);
        Assert.Contains("stray.png", warning);
    }

    [Fact]
    public void Read_HiddenFiles_AreSkippedWithWarning()
    {
        Touch("cell.png");
        Touch("._cell.png");
        Touch("masks/._cell.png");

        var dataset = DatasetReader.Read(_scratch.Path);

        var item = Assert.Single(dataset.Items);
        Assert.Equal("cell.png", item.ImageId);
        Assert.Null(item.MaskPath);
        Assert.Contains(dataset.Warnings, w => w.Contains("2 hidden files"));
    }

    [Fact]
    public void Read_ManyUnmaskedImages_ListsTenNames()
    {
        for (var i = 0; i < 12; i++)
        {
            Touch($"image{i:D2}.png");
        }

        var dataset = DatasetReader.Read(_scratch.Path);

        var warning = Assert.Single(dataset.Warnings);
        Assert.Contains("12 of 12 images have no mask", warning);
        Assert.Contains("image09.png and 2 more", warning);
        Assert.DoesNotContain("image10.png", warning);
    }

    [Fact]
    public void Read_OnlyMasks_ReportsNoImages()
    {
        Touch("cell_GT.png");

        var error = Assert.Throws<DatasetException>(() => DatasetReader.Read(_scratch.Path));

        Assert.Contains("No images found", error.Message);
        Assert.Contains(".png, .tif, .tiff, .jpg, .jpeg, .bmp", error.Message);
    }

    [Fact]
    public void Read_MissingPath_ReportsNotFound()
    {
        var path = _scratch.Combine("absent");

        var error = Assert.Throws<DatasetException>(() => DatasetReader.Read(path));

        Assert.Equal(path, error.Path);
        Assert.Contains("Not found", error.Message);
    }

    [Fact]
    public void Read_NonCsvFile_ReportsExpectedInputs()
    {
        var path = Touch("cell.png");

        var error = Assert.Throws<DatasetException>(() => DatasetReader.Read(path));

        Assert.Contains("neither a folder nor a .csv manifest", error.Message);
    }

    [Fact]
    public void Read_CryoEtSamples_PairsByExtension()
    {
        var dataset = DatasetReader.Read(ImagingTestFiles.CryoEtFolder);

        Assert.Equal(["TS_001.133.png", "TS_001.133.tif"], dataset.Items.Select(i => i.ImageId));
        Assert.Equal(ImagingTestFiles.CryoEtMaskPng, dataset.Items[0].MaskPath);
        Assert.Equal(ImagingTestFiles.CryoEtMaskTiff, dataset.Items[1].MaskPath);
        Assert.Empty(dataset.Warnings);
    }

    /// <summary>Creates an empty file and returns its full path. The reader looks only at names.</summary>
    private string Touch(string relativePath) => _scratch.WriteBytes(relativePath, []);
}
