using SC2Mid.Core.Datasets;
using SC2Mid.Core.Tests.Imaging;

namespace SC2Mid.Core.Tests.Datasets;

public sealed class DatasetManifestTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public DatasetManifestTests()
    {
        Touch("a.png");
        Touch("a_mask.png");
        Touch("sub/b.tif");
        Touch("with, comma.png");
    }

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Read_FullManifest_ResolvesPathsAndCalibration()
    {
        var manifest = Write("image,mask,nm_per_px\na.png,a_mask.png,0.85\nsub/b.tif,,\n");

        var dataset = DatasetReader.Read(manifest);

        Assert.Equal(manifest, dataset.Source);
        Assert.Equal(2, dataset.Items.Count);
        var first = dataset.Items[0];
        Assert.Equal("a.png", first.ImageId);
        Assert.Equal(_scratch.Combine("a.png"), first.ImagePath);
        Assert.Equal(_scratch.Combine("a_mask.png"), first.MaskPath);
        Assert.NotNull(first.Calibration);
        Assert.Equal(0.85, first.Calibration.NmPerPixel);
        Assert.Equal("dataset manifest", first.Calibration.Source);
        var second = dataset.Items[1];
        Assert.Equal("sub/b.tif", second.ImageId);
        Assert.Null(second.MaskPath);
        Assert.Null(second.Calibration);
        var warning = Assert.Single(dataset.Warnings);
        Assert.Contains("1 of 2 images have no mask in the manifest: sub/b.tif", warning);
    }

    [Fact]
    public void Read_ImageColumnOnly_Accepted()
    {
        var manifest = Write("image\nsub/b.tif\na.png\n");

        var dataset = DatasetReader.Read(manifest);

        Assert.Equal(["sub/b.tif", "a.png"], dataset.Items.Select(i => i.ImageId));
        Assert.All(dataset.Items, item => Assert.Null(item.MaskPath));
    }

    [Fact]
    public void Read_ColumnsInOtherOrder_Accepted()
    {
        var manifest = Write(" NM_PER_PX , image ,mask\n1.5,a.png,a_mask.png\n");

        var item = Assert.Single(DatasetReader.Read(manifest).Items);

        Assert.Equal(1.5, item.Calibration?.NmPerPixel);
        Assert.Equal(_scratch.Combine("a_mask.png"), item.MaskPath);
    }

    [Fact]
    public void Read_QuotedFieldWithComma_Accepted()
    {
        var manifest = Write("image,mask\n\"with, comma.png\",\"a_mask.png\"\n");

        var item = Assert.Single(DatasetReader.Read(manifest).Items);

        Assert.Equal("with, comma.png", item.ImageId);
    }

    [Fact]
    public void Read_ShortRow_TreatsMissingFieldsAsEmpty()
    {
        var manifest = Write("image,mask,nm_per_px\na.png\n");

        var item = Assert.Single(DatasetReader.Read(manifest).Items);

        Assert.Null(item.MaskPath);
        Assert.Null(item.Calibration);
    }

    [Fact]
    public void Read_CrlfBomAndBlankLines_Accepted()
    {
        var manifest = _scratch.WriteBytes(
            "windows.csv",
            [0xEF, 0xBB, 0xBF, .. "image,nm_per_px\r\n\r\na.png,2e-1\r\n  \r\nsub/b.tif,3\r\n"u8]);

        var dataset = DatasetReader.Read(manifest);

        Assert.Equal(["a.png", "sub/b.tif"], dataset.Items.Select(i => i.ImageId));
        Assert.Equal(0.2, dataset.Items[0].Calibration?.NmPerPixel);
    }

    [Fact]
    public void Read_AbsolutePath_Accepted()
    {
        var manifest = Write($"image\n\"{_scratch.Combine("a.png")}\"\n");

        var item = Assert.Single(DatasetReader.Read(manifest).Items);

        Assert.Equal(_scratch.Combine("a.png"), item.ImagePath);
        Assert.Equal("a.png", item.ImageId);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0,85")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e999")]
    public void Read_InvalidPixelSize_GivesFileLineAndValue(string value)
    {
        var quoted = value.Contains(',') ? $"\"{value}\"" : value;
        var manifest = Write($"image,mask,nm_per_px\na.png,,1\nsub/b.tif,,{quoted}\n");

        var error = Assert.Throws<DatasetException>(() => DatasetReader.Read(manifest));

        Assert.StartsWith($"{manifest}:3: ", error.Message);
        Assert.Equal(3, error.Line);
        Assert.Contains($"nm_per_px '{value}'", error.Message);
    }

    [Fact]
    public void Read_MissingImage_GivesFileLine()
    {
        var manifest = Write("image,mask\na.png,\nmissing.png,\n");

        var error = Assert.Throws<DatasetException>(() => DatasetReader.Read(manifest));

        Assert.StartsWith($"{manifest}:3: ", error.Message);
        Assert.Contains("The image file 'missing.png' was not found", error.Message);
        Assert.Contains(_scratch.Combine("missing.png"), error.Message);
    }

    [Fact]
    public void Read_MissingMask_GivesFileLine()
    {
        var manifest = Write("image,mask\na.png,missing_mask.png\n");

        var error = Assert.Throws<DatasetException>(() => DatasetReader.Read(manifest));

        Assert.StartsWith($"{manifest}:2: ", error.Message);
        Assert.Contains("The mask file 'missing_mask.png' was not found", error.Message);
    }

    [Fact]
    public void Read_EmptyImageField_GivesFileLine()
    {
        var manifest = Write("image,mask\n,a_mask.png\n");

        var error = Assert.Throws<DatasetException>(() => DatasetReader.Read(manifest));

        Assert.StartsWith($"{manifest}:2: ", error.Message);
        Assert.Contains("image column is empty", error.Message);
    }

    [Fact]
    public void Read_UnquotedComma_ReportsFieldCount()
    {
        var manifest = Write("image,mask,nm_per_px\na.png,,0,85\n");

        var error = Assert.Throws<DatasetException>(() => DatasetReader.Read(manifest));

        Assert.StartsWith($"{manifest}:2: ", error.Message);
        Assert.Contains("The row has 4 fields but the header has 3", error.Message);
    }

    [Fact]
    public void Read_UnknownColumn_ListsKnownColumns()
    {
        var manifest = Write("image,nm_per_pixel\na.png,1\n");

        var error = Assert.Throws<DatasetException>(() => DatasetReader.Read(manifest));

        Assert.StartsWith($"{manifest}:1: ", error.Message);
        Assert.Contains("Unknown column 'nm_per_pixel'", error.Message);
        Assert.Contains("image, mask, nm_per_px", error.Message);
    }

    [Fact]
    public void Read_DuplicateColumn_Throws()
    {
        var manifest = Write("image,mask,Mask\na.png,,\n");

        var error = Assert.Throws<DatasetException>(() => DatasetReader.Read(manifest));

        Assert.Contains("Column 'Mask' appears twice", error.Message);
    }

    [Fact]
    public void Read_NoImageColumn_Throws()
    {
        var manifest = Write("mask,nm_per_px\na_mask.png,1\n");

        var error = Assert.Throws<DatasetException>(() => DatasetReader.Read(manifest));

        Assert.Contains("no image column", error.Message);
    }

    [Fact]
    public void Read_DuplicateImage_NamesFirstLine()
    {
        var manifest = Write("image\na.png\nsub/b.tif\n./a.png\n");

        var error = Assert.Throws<DatasetException>(() => DatasetReader.Read(manifest));

        Assert.StartsWith($"{manifest}:4: ", error.Message);
        Assert.Contains("Image 'a.png' is already listed on line 2", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    public void Read_EmptyManifest_Throws(string text)
    {
        var manifest = Write(text);

        var error = Assert.Throws<DatasetException>(() => DatasetReader.Read(manifest));

        Assert.Contains("The manifest is empty", error.Message);
    }

    [Fact]
    public void Read_HeaderOnly_Throws()
    {
        var manifest = Write("image,mask,nm_per_px\n");

        var error = Assert.Throws<DatasetException>(() => DatasetReader.Read(manifest));

        Assert.Contains("lists no images", error.Message);
    }

    [Fact]
    public void Read_UpperCaseCsvExtension_ReadAsManifest()
    {
        var manifest = _scratch.WriteBytes("LIST.CSV", "image\na.png\n"u8.ToArray());

        var dataset = DatasetReader.Read(manifest);

        Assert.Single(dataset.Items);
    }

    [Fact]
    public void Read_SampleStyleManifest_ReadsBundledSamples()
    {
        var samples = Path.Combine(ImagingTestFiles.RepositoryRoot, "samples");
        var manifest = Write(
            "image,mask,nm_per_px\n"
            + $"\"{Path.Combine(samples, "cryoet", "TS_001.133.tif")}\","
            + $"\"{Path.Combine(samples, "cryoet", "TS_001.133_ground_truth.tif")}\",\n"
            + $"\"{ImagingTestFiles.NiaidJpeg}\",,\n");

        var dataset = DatasetReader.Read(manifest);

        Assert.Equal(ImagingTestFiles.CryoEtMaskTiff, dataset.Items[0].MaskPath);
        Assert.Null(dataset.Items[1].MaskPath);
    }

    private string Write(string text) => _scratch.WriteBytes("dataset.csv", System.Text.Encoding.UTF8.GetBytes(text));

    private void Touch(string relativePath) => _scratch.WriteBytes(relativePath, []);
}
