using OpenCvSharp;
using SC2Mid.Core.Imaging;

namespace SC2Mid.Core.Tests.Imaging;

public sealed class MaskLoadingTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();
    private readonly ImageLoader _loader = new(new ImageLoadOptions());

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void LoadMask_BinaryPng_UsesValueAboveZero()
    {
        using var source = Square(MatType.CV_8UC1, foreground: Scalar.All(255));
        var path = ImagingTestFiles.Write(_scratch.Path, "binary.png", source);

        using var mask = _loader.LoadMask(path, source.Size());

        Assert.Equal("value > 0 (lossless)", mask.ForegroundRule);
        Assert.Equal(MatType.CV_8UC1, mask.Mask.Type());
        Assert.Equal(SquareArea, Cv2.CountNonZero(mask.Mask));
        Assert.Equal(0, ImageLoaderTests.CountDifferences(source, mask.Mask));
        Assert.Empty(mask.Warnings);
    }

    [Fact]
    public void LoadMask_ValueOne_CountsAsForeground()
    {
        using var source = Square(MatType.CV_8UC1, foreground: Scalar.All(1));
        var path = ImagingTestFiles.Write(_scratch.Path, "ones.png", source);

        using var mask = _loader.LoadMask(path, source.Size());

        Assert.Equal(SquareArea, Cv2.CountNonZero(mask.Mask));
        Assert.Equal(255, mask.Mask.At<byte>(10, 10));
    }

    [Fact]
    public void LoadMask_LabelImage_WarnsThatLabelsMerge()
    {
        using var source = Square(MatType.CV_8UC1, foreground: Scalar.All(1));
        source[new Rect(0, 0, 2, 2)].SetTo(Scalar.All(2));
        var path = ImagingTestFiles.Write(_scratch.Path, "labels.png", source);

        using var mask = _loader.LoadMask(path, source.Size());

        Assert.Equal(SquareArea + 4, Cv2.CountNonZero(mask.Mask));
        Assert.Contains(mask.Warnings, w => w.Contains("several values, from 1 to 2"));
    }

    [Fact]
    public void LoadMask_SixteenBit_UsesValueAboveZero()
    {
        using var source = Square(MatType.CV_16UC1, foreground: Scalar.All(1));
        source.Set(0, 0, (ushort)65535);
        var path = ImagingTestFiles.Write(_scratch.Path, "mask16.png", source);

        using var mask = _loader.LoadMask(path, source.Size());

        Assert.Equal("value > 0 (lossless)", mask.ForegroundRule);
        Assert.Equal(MatType.CV_8UC1, mask.Mask.Type());
        Assert.Equal(SquareArea + 1, Cv2.CountNonZero(mask.Mask));
    }

    [Fact]
    public void LoadMask_Jpeg_UsesValueAbove127AndWarns()
    {
        using var source = Square(MatType.CV_8UC1, foreground: Scalar.All(255));
        var path = ImagingTestFiles.Write(_scratch.Path, "mask.jpg", source, (int)ImwriteFlags.JpegQuality, 75);

        using var mask = _loader.LoadMask(path, source.Size());

        Assert.Equal("value > 127 (JPEG)", mask.ForegroundRule);
        Assert.Contains(mask.Warnings, w => w.Contains("JPEG compression is lossy"));

        // The square's edges are axis-aligned on 8 x 8 block boundaries, so compression noise stays far below
        // the threshold and the area survives exactly.
        Assert.Equal(SquareArea, Cv2.CountNonZero(mask.Mask));
    }

    [Fact]
    public void LoadMask_RedOnBlack_UsesAnyChannel()
    {
        using var source = Square(MatType.CV_8UC3, foreground: new Scalar(0, 0, 255));
        var path = ImagingTestFiles.Write(_scratch.Path, "red.png", source);

        using var mask = _loader.LoadMask(path, source.Size());

        Assert.Equal("any of R, G, B > 0 (lossless colour)", mask.ForegroundRule);
        Assert.Equal(SquareArea, Cv2.CountNonZero(mask.Mask));
        Assert.Contains(mask.Warnings, w => w.Contains($"At {SquareArea} pixels of this colour mask"));
    }

    [Fact]
    public void LoadMask_ColourJpeg_UsesAnyChannelAbove127()
    {
        using var source = Square(MatType.CV_8UC3, foreground: new Scalar(255, 255, 255));
        var path = ImagingTestFiles.Write(_scratch.Path, "colour.jpg", source, (int)ImwriteFlags.JpegQuality, 90);

        using var mask = _loader.LoadMask(path, source.Size());

        Assert.Equal("any of R, G, B > 127 (JPEG colour)", mask.ForegroundRule);
        Assert.Equal(SquareArea, Cv2.CountNonZero(mask.Mask));
        Assert.Contains(mask.Warnings, w => w.Contains("JPEG compression is lossy"));
    }

    [Fact]
    public void LoadMask_GreyAsRgb_AddsNoWarning()
    {
        using var source = Square(MatType.CV_8UC3, foreground: Scalar.All(255));
        var path = ImagingTestFiles.Write(_scratch.Path, "grey-rgb.png", source);

        using var mask = _loader.LoadMask(path, source.Size());

        Assert.Equal(SquareArea, Cv2.CountNonZero(mask.Mask));
        Assert.Empty(mask.Warnings);
    }

    [Fact]
    public void LoadMask_RgbaTransparentForeground_IgnoresAlpha()
    {
        using var source = Square(MatType.CV_8UC4, foreground: new Scalar(255, 255, 255, 0));
        var path = ImagingTestFiles.Write(_scratch.Path, "transparent.png", source);

        using var mask = _loader.LoadMask(path, source.Size());

        Assert.Equal("any of R, G, B > 0 (lossless colour, alpha ignored)", mask.ForegroundRule);
        Assert.Equal(SquareArea, Cv2.CountNonZero(mask.Mask));
    }

    [Fact]
    public void LoadMask_AlphaOnly_WarnsAboutAlpha()
    {
        using var source = Square(MatType.CV_8UC4, foreground: new Scalar(0, 0, 0, 255));
        var path = ImagingTestFiles.Write(_scratch.Path, "alpha-only.png", source);

        using var mask = _loader.LoadMask(path, source.Size());

        Assert.Equal(0, Cv2.CountNonZero(mask.Mask));
        Assert.Contains(mask.Warnings, w => w.Contains("alpha channel varies"));
        Assert.Contains(mask.Warnings, w => w.Contains("no foreground pixels"));
    }

    [Fact]
    public void LoadMask_AllBackground_WarnsEmpty()
    {
        using var source = new Mat(8, 8, MatType.CV_8UC1, Scalar.All(0));
        var path = ImagingTestFiles.Write(_scratch.Path, "empty-mask.png", source);

        using var mask = _loader.LoadMask(path, source.Size());

        Assert.Contains(mask.Warnings, w => w.Contains("no foreground pixels under the rule \"value > 0 (lossless)\""));
    }

    [Fact]
    public void LoadMask_SizeDiffers_GivesBothSizes()
    {
        using var source = new Mat(4, 5, MatType.CV_8UC1, Scalar.All(0));
        var path = ImagingTestFiles.Write(_scratch.Path, "small-mask.png", source);

        var error = Assert.Throws<ImageLoadException>(() => _loader.LoadMask(path, new Size(6, 4)));

        Assert.Equal(path, error.Path);
        Assert.Contains("The mask is 5 x 4 pixels but its image is 6 x 4", error.Message);
    }

    [Fact]
    public void LoadMask_MissingFile_ReportsNotFound()
    {
        var path = _scratch.Combine("absent-mask.png");

        var error = Assert.Throws<ImageLoadException>(() => _loader.LoadMask(path, new Size(1, 1)));

        Assert.Contains("not found", error.Message);
    }

    [Fact]
    public void LoadMask_FloatTiff_RejectsPixelType()
    {
        using var source = new Mat(4, 4, MatType.CV_32FC1, Scalar.All(1));
        var path = ImagingTestFiles.Write(_scratch.Path, "float-mask.tif", source);

        var error = Assert.Throws<ImageLoadException>(() => _loader.LoadMask(path, new Size(4, 4)));

        Assert.Contains("only 8- and 16-bit unsigned integer pixels", error.Message);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(4, 16)]
    [InlineData(8, 40)]
    public void LoadMask_PalettePng_UsesIndexNotColour(int bitDepth, int colourCount)
    {
        var path = ImagingTestFiles.TestData($"palette-{bitDepth}bit.png");

        using var mask = _loader.LoadMask(path, new Size(PaletteFixtures.Width, PaletteFixtures.Height));

        Assert.Equal("palette index != 0", mask.ForegroundRule);
        for (var y = 0; y < PaletteFixtures.Height; y++)
        {
            for (var x = 0; x < PaletteFixtures.Width; x++)
            {
                // Index 0 is red and index 1 is black in these files, so a colour rule would get both wrong.
                var expected = PaletteFixtures.Index(x, y, colourCount) != 0 ? 255 : 0;
                Assert.Equal(expected, mask.Mask.At<byte>(y, x));
            }
        }
    }

    [Fact]
    public void LoadImage_PalettePng_ExpandsToColour()
    {
        var path = ImagingTestFiles.TestData("palette-2bit.png");

        using var image = new ImageLoader(new ImageLoadOptions()).LoadImage(path);

        Assert.Equal(3, image.Original.Channels());
        Assert.Equal(new Vec3b(0, 0, 255), image.Original.At<Vec3b>(0, 0));
    }

    private const int SquareArea = 16 * 16;

    /// <summary>A 40 x 32 image, background 0, with a 16 x 16 foreground square at (8, 8).</summary>
    private static Mat Square(MatType type, Scalar foreground)
    {
        var mat = new Mat(32, 40, type, Scalar.All(0));
        mat[new Rect(8, 8, 16, 16)].SetTo(foreground);
        return mat;
    }
}
