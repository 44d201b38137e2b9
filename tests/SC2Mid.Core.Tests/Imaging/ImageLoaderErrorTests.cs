using System.Buffers.Binary;
using OpenCvSharp;
using SC2Mid.Core.Imaging;

namespace SC2Mid.Core.Tests.Imaging;

public sealed class ImageLoaderErrorTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();
    private readonly ImageLoader _loader = new(new ImageLoadOptions());

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void LoadImage_MissingFile_ReportsNotFound()
    {
        var path = _scratch.Combine("absent.png");

        var error = Assert.Throws<ImageLoadException>(() => _loader.LoadImage(path));

        Assert.Equal(path, error.Path);
        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains("not found", error.Message);
    }

    [Fact]
    public void LoadImage_Folder_ReportsFolder()
    {
        var error = Assert.Throws<ImageLoadException>(() => _loader.LoadImage(_scratch.Path));

        Assert.Contains("folder", error.Message);
    }

    [Fact]
    public void LoadImage_EmptyFile_ReportsEmpty()
    {
        var path = _scratch.WriteBytes("empty.png", []);

        var error = Assert.Throws<ImageLoadException>(() => _loader.LoadImage(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("empty (0 bytes)", error.Message);
    }

    [Fact]
    public void LoadImage_UnknownBytes_ListsAcceptedFormats()
    {
        var path = _scratch.WriteBytes("notes.png", "these are not pixels"u8.ToArray());

        var error = Assert.Throws<ImageLoadException>(() => _loader.LoadImage(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("not in a supported image format", error.Message);
        Assert.Contains("Accepted formats: PNG, TIFF, JPEG, BMP", error.Message);
    }

    [Fact]
    public void LoadImage_TruncatedPng_ReportsDamage()
    {
        using var source = ImageLoaderTests.Ramp(MatType.CV_8UC1, 64, 64, step: 7);
        Cv2.ImEncode(".png", source, out var bytes);
        var path = _scratch.WriteBytes("truncated.png", bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<ImageLoadException>(() => _loader.LoadImage(path));

        Assert.Contains("PNG data could not be decoded", error.Message);
        Assert.Contains("truncated", error.Message);
        Assert.Contains("Accepted formats:", error.Message);
    }

    [Fact]
    public void LoadImage_FloatTiff_RejectsPixelType()
    {
        using var source = new Mat(3, 4, MatType.CV_32FC1, Scalar.All(0.5));
        var path = ImagingTestFiles.Write(_scratch.Path, "float.tif", source);

        var error = Assert.Throws<ImageLoadException>(() => _loader.LoadImage(path));

        Assert.Contains("CV_32FC1", error.Message);
        Assert.Contains("only 8- and 16-bit unsigned integer pixels", error.Message);
    }

    [Fact]
    public void LoadImage_OverPixelLimit_Throws()
    {
        using var source = new Mat(10, 20, MatType.CV_8UC1, Scalar.All(0));
        var path = ImagingTestFiles.Write(_scratch.Path, "large.png", source);
        var loader = new ImageLoader(new ImageLoadOptions(MaxPixels: 199));

        var error = Assert.Throws<ImageLoadException>(() => loader.LoadImage(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("20 x 10 = 200 pixels", error.Message);
        Assert.Contains("limit of 199", error.Message);
    }

    [Fact]
    public void LoadImage_AtPixelLimit_Loads()
    {
        using var source = new Mat(10, 20, MatType.CV_8UC1, Scalar.All(0));
        var path = ImagingTestFiles.Write(_scratch.Path, "exact.png", source);
        var loader = new ImageLoader(new ImageLoadOptions(MaxPixels: 200));

        using var image = loader.LoadImage(path);

        Assert.Equal(200, image.Grey.Width * image.Grey.Height);
    }

    [Fact]
    public void LoadImage_PpmOverLimit_ThrowsAfterDecoding()
    {
        using var source = new Mat(10, 20, MatType.CV_8UC3, Scalar.All(9));
        var path = ImagingTestFiles.Write(_scratch.Path, "large.ppm", source);
        var loader = new ImageLoader(new ImageLoadOptions(MaxPixels: 100));

        var error = Assert.Throws<ImageLoadException>(() => loader.LoadImage(path));

        Assert.Contains("20 x 10 = 200 pixels", error.Message);
    }

    [Fact]
    public void LoadImage_HugePngHeader_RejectedBeforeDecoding()
    {
        // The header claims 100000 x 100000 pixels over a few bytes of data. Decoding would fail with a
        // "damaged" message, so the size message shows that the header was checked first.
        using var source = new Mat(2, 2, MatType.CV_8UC1, Scalar.All(0));
        Cv2.ImEncode(".png", source, out var bytes);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), 100_000);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), 100_000);
        var path = _scratch.WriteBytes("huge-header.png", bytes);

        var error = Assert.Throws<ImageLoadException>(() => _loader.LoadImage(path));

        Assert.Contains("100000 x 100000 = 10,000,000,000 pixels", error.Message);
        Assert.Contains("limit of 250,000,000", error.Message);
    }

    [Fact]
    public void LoadImage_PngPageTwo_Throws()
    {
        using var source = new Mat(2, 2, MatType.CV_8UC1, Scalar.All(0));
        var path = ImagingTestFiles.Write(_scratch.Path, "single.png", source);
        var loader = new ImageLoader(new ImageLoadOptions(Page: 2));

        var error = Assert.Throws<ImageLoadException>(() => loader.LoadImage(path));

        Assert.Contains("Page 2 was requested", error.Message);
        Assert.Contains("PNG file has only 1 page", error.Message);
    }

    [Theory]
    [InlineData(0, 1000L)]
    [InlineData(-1, 1000L)]
    [InlineData(null, 0L)]
    public void Constructor_InvalidOptions_Throws(int? page, long maxPixels)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImageLoader(new ImageLoadOptions(page, maxPixels)));
    }
}
