using System.Buffers.Binary;
using OpenCvSharp;
using SC2Mid.Core.Imaging;

namespace SC2Mid.Core.Tests.Imaging;

public sealed class TiffPageTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();
    private readonly string _twoPages;

    /// <summary>Page 1: 5 x 3, 8-bit, all 10. Page 2: 6 x 4, 16-bit, all 1000. Written by OpenCV.</summary>
    public TiffPageTests()
    {
        using var first = new Mat(3, 5, MatType.CV_8UC1, Scalar.All(10));
        using var second = new Mat(4, 6, MatType.CV_16UC1, Scalar.All(1000));
        _twoPages = _scratch.Combine("two-pages.tif");
        Assert.True(Cv2.ImWrite(_twoPages, [first, second]));
    }

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void LoadImage_NoPage_WarnsAndReadsFirst()
    {
        using var image = new ImageLoader(new ImageLoadOptions()).LoadImage(_twoPages);

        Assert.Equal(2, image.PageCount);
        Assert.Equal(1, image.PageUsed);
        Assert.Equal(new Size(5, 3), image.Grey.Size());
        Assert.Equal(10, image.Grey.At<byte>(0, 0));
        Assert.Contains(image.Warnings, w => w.Contains("The file has 2 pages; page 1 was read"));
    }

    [Fact]
    public void LoadImage_PageTwo_ReadsSecondPage()
    {
        using var image = new ImageLoader(new ImageLoadOptions(Page: 2)).LoadImage(_twoPages);

        Assert.Equal(2, image.PageCount);
        Assert.Equal(2, image.PageUsed);
        Assert.Equal(new Size(6, 4), image.Grey.Size());
        Assert.Equal(16, image.BitDepth);
        Assert.Equal(1000, image.Grey.At<ushort>(3, 5));
        Assert.Empty(image.Warnings);
    }

    [Fact]
    public void LoadImage_PageOne_AddsNoWarning()
    {
        using var image = new ImageLoader(new ImageLoadOptions(Page: 1)).LoadImage(_twoPages);

        Assert.Equal(1, image.PageUsed);
        Assert.Empty(image.Warnings);
    }

    [Fact]
    public void LoadImage_PageBeyondLast_NamesPageCount()
    {
        var loader = new ImageLoader(new ImageLoadOptions(Page: 3));

        var error = Assert.Throws<ImageLoadException>(() => loader.LoadImage(_twoPages));

        Assert.Contains(_twoPages, error.Message);
        Assert.Contains("Page 3 was requested, but the TIFF file has 2 pages", error.Message);
        Assert.Contains("Choose a page from 1 to 2", error.Message);
    }

    [Fact]
    public void LoadMask_PageTwo_ReadsSecondPage()
    {
        var loader = new ImageLoader(new ImageLoadOptions(Page: 2));

        using var mask = loader.LoadMask(_twoPages, new Size(6, 4));

        Assert.Equal(24, Cv2.CountNonZero(mask.Mask));
        Assert.Equal("value > 0 (lossless)", mask.ForegroundRule);
    }

    [Fact]
    public void LoadImage_BigEndianBigTiff_ReadsPages()
    {
        var path = ImagingTestFiles.TestData("bigtiff-bigendian-2pages.tif");

        using var first = new ImageLoader(new ImageLoadOptions()).LoadImage(path);
        using var second = new ImageLoader(new ImageLoadOptions(Page: 2)).LoadImage(path);

        Assert.Equal(2, first.PageCount);
        Assert.Equal(new Size(5, 3), first.Grey.Size());
        Assert.Equal(10, first.Grey.At<byte>(2, 4));
        Assert.Equal(new Size(6, 4), second.Grey.Size());
        Assert.Equal(16, second.BitDepth);
        Assert.Equal(23_000, second.Grey.At<ushort>(3, 5));
    }

    [Fact]
    public void LoadImage_BrokenPageChain_Warns()
    {
        var bytes = File.ReadAllBytes(_twoPages);
        var firstDirectory = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4));
        var entryCount = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(firstDirectory));
        var nextOffsetField = firstDirectory + 2 + (entryCount * 12);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(nextOffsetField), 0x7FFF_FFF0);
        var path = _scratch.WriteBytes("broken-chain.tif", bytes);

        using var image = new ImageLoader(new ImageLoadOptions()).LoadImage(path);

        Assert.Equal(1, image.PageCount);
        Assert.Equal(new Size(5, 3), image.Grey.Size());
        Assert.Contains(image.Warnings, w => w.Contains("TIFF page chain is damaged"));
    }

    [Fact]
    public void TiffStructure_TwoPages_ReadsSizes()
    {
        var structure = TiffStructure.TryRead(File.ReadAllBytes(_twoPages));

        Assert.NotNull(structure);
        Assert.Null(structure.ChainError);
        Assert.Equal(2, structure.Directories.Count);
        Assert.Equal(5, structure.Directories[0].Width);
        Assert.Equal(3, structure.Directories[0].Height);
        Assert.Equal(6, structure.Directories[1].Width);
        Assert.Equal(4, structure.Directories[1].Height);
    }
}
