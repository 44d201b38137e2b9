using System.Security.Cryptography;
using OpenCvSharp;
using SC2Mid.Core.Imaging;

namespace SC2Mid.Core.Tests.Imaging;

public sealed class ImageLoaderTests : IDisposable
{
    /// <summary>
    /// Largest allowed difference, in grey levels, from the exact BT.601 sum rounded half away from zero. About one
    /// colour in 1000 gives a sum exactly half-way between two levels (299 R + 587 G + 114 B ends in 500), and
    /// Cv2.Transform, working in binary floating point, may round those either way.
    /// </summary>
    private const int GreyRoundingTolerance = 1;

    private readonly ScratchFolder _scratch = new();
    private readonly ImageLoader _loader = new(new ImageLoadOptions());

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void LoadImage_Grey8Png_KeepsValues()
    {
        using var source = Ramp(MatType.CV_8UC1, 7, 5, step: 3);
        var path = ImagingTestFiles.Write(_scratch.Path, "grey8.png", source);

        using var image = _loader.LoadImage(path);

        Assert.Equal(MatType.CV_8UC1, image.Grey.Type());
        Assert.Equal(8, image.BitDepth);
        Assert.Equal("none", image.GreyConversion);
        Assert.Same(image.Original, image.Grey);
        Assert.Equal("png", image.Format);
        Assert.Equal(1, image.PageCount);
        Assert.Equal(1, image.PageUsed);
        Assert.Empty(image.Warnings);
        Assert.Equal(0, CountDifferences(source, image.Grey));
    }

    [Fact]
    public void LoadImage_Grey16Tiff_KeepsSixteenBitValues()
    {
        using var source = Ramp(MatType.CV_16UC1, 9, 4, step: 1800);
        var path = ImagingTestFiles.Write(_scratch.Path, "grey16.tif", source);

        using var image = _loader.LoadImage(path);

        Assert.Equal(MatType.CV_16UC1, image.Grey.Type());
        Assert.Equal(16, image.BitDepth);
        Assert.Equal("tiff", image.Format);
        Assert.Equal("none", image.GreyConversion);
        Assert.Equal(0, CountDifferences(source, image.Grey));
    }

    [Fact]
    public void LoadImage_PrimaryColours_GiveBt601Values()
    {
        using var source = new Mat(1, 4, MatType.CV_8UC3);
        source.Set(0, 0, new Vec3b(0, 0, 255));
        source.Set(0, 1, new Vec3b(0, 255, 0));
        source.Set(0, 2, new Vec3b(255, 0, 0));
        source.Set(0, 3, new Vec3b(255, 255, 255));
        var path = ImagingTestFiles.Write(_scratch.Path, "primaries.png", source);

        using var image = _loader.LoadImage(path);

        // 0.299 × 255 = 76.245, 0.587 × 255 = 149.685, 0.114 × 255 = 29.07: none is near a half level.
        Assert.Equal(76, image.Grey.At<byte>(0, 0));
        Assert.Equal(150, image.Grey.At<byte>(0, 1));
        Assert.Equal(29, image.Grey.At<byte>(0, 2));
        Assert.Equal(255, image.Grey.At<byte>(0, 3));
        Assert.Equal("BT.601 luma: 0.299 R + 0.587 G + 0.114 B", image.GreyConversion);
        Assert.Equal(MatType.CV_8UC3, image.Original.Type());
    }

    [Fact]
    public void LoadImage_RandomRgb8_MatchesBt601WithinRounding()
    {
        using var source = RandomColour(MatType.CV_8UC3, 64, 48, seed: 1);
        var path = ImagingTestFiles.Write(_scratch.Path, "random.png", source);

        using var image = _loader.LoadImage(path);

        Assert.Equal(MatType.CV_8UC1, image.Grey.Type());
        Assert.True(
            MaxDifferenceFromBt601(source, image.Grey) <= GreyRoundingTolerance,
            "grey differs from round(0.299 R + 0.587 G + 0.114 B) by more than the rounding tolerance");
    }

    [Fact]
    public void LoadImage_Rgba8_IgnoresAlpha()
    {
        using var colour = RandomColour(MatType.CV_8UC3, 16, 16, seed: 2);
        using var alpha = Ramp(MatType.CV_8UC1, 16, 16, step: 1);
        using var source = new Mat();
        Cv2.Merge([.. colour.Split(), alpha], source);
        var path = ImagingTestFiles.Write(_scratch.Path, "rgba.png", source);

        using var image = _loader.LoadImage(path);

        Assert.Equal(MatType.CV_8UC4, image.Original.Type());
        Assert.Equal("BT.601 luma: 0.299 R + 0.587 G + 0.114 B, alpha ignored", image.GreyConversion);
        Assert.True(MaxDifferenceFromBt601(colour, image.Grey) <= GreyRoundingTolerance);
    }

    [Fact]
    public void LoadImage_Rgb16_ConvertsToSixteenBitGrey()
    {
        using var source = new Mat(1, 3, MatType.CV_16UC3);
        source.Set(0, 0, new Vec3w(0, 0, 65535));
        source.Set(0, 1, new Vec3w(0, 65535, 0));
        source.Set(0, 2, new Vec3w(65535, 0, 0));
        var path = ImagingTestFiles.Write(_scratch.Path, "rgb16.png", source);

        using var image = _loader.LoadImage(path);

        Assert.Equal(MatType.CV_16UC1, image.Grey.Type());
        Assert.Equal(16, image.BitDepth);

        // 0.299, 0.587 and 0.114 × 65535 = 19594.965, 38469.045 and 7470.99.
        Assert.Equal(19595, image.Grey.At<ushort>(0, 0));
        Assert.Equal(38469, image.Grey.At<ushort>(0, 1));
        Assert.Equal(7471, image.Grey.At<ushort>(0, 2));
    }

    [Fact]
    public void LoadImage_Sha256_HashesFileBytes()
    {
        using var source = Ramp(MatType.CV_8UC1, 4, 4, step: 10);
        var path = ImagingTestFiles.Write(_scratch.Path, "hash.png", source);

        using var image = _loader.LoadImage(path);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), image.Sha256);
        Assert.Matches("^[0-9a-f]{64}$", image.Sha256);
        Assert.Equal(path, image.Path);
    }

    [Fact]
    public void LoadImage_NonAsciiFolder_Loads()
    {
        var folder = _scratch.CreateFolder("données-µ");
        var path = Path.Combine(folder, "coupe-µ.png");
        File.Copy(ImagingTestFiles.CryoEtPng, path);

        using var image = _loader.LoadImage(path);

        Assert.Equal(960, image.Grey.Width);
        Assert.Equal(928, image.Grey.Height);
    }

    [Fact]
    public void LoadImage_WrongExtension_DetectsFormatFromContent()
    {
        using var source = Ramp(MatType.CV_8UC1, 4, 4, step: 10);
        var path = ImagingTestFiles.Write(_scratch.Path, "really-a.png", source);
        var renamed = Path.ChangeExtension(path, ".jpg");
        File.Move(path, renamed);

        using var image = _loader.LoadImage(renamed);

        Assert.Equal("png", image.Format);
        Assert.Equal(0, CountDifferences(source, image.Grey));
    }

    [Theory]
    [InlineData("colour.bmp", "bmp")]
    [InlineData("colour.webp", "webp")]
    [InlineData("colour.ppm", "pnm")]
    [InlineData("colour.ras", "sunraster")]
    public void LoadImage_OtherLosslessFormats_DecodeAndNameFormat(string fileName, string format)
    {
        using var source = RandomColour(MatType.CV_8UC3, 8, 6, seed: 3);
        var parameters = format == "webp" ? new[] { (int)ImwriteFlags.WebPQuality, 101 } : [];
        var path = ImagingTestFiles.Write(_scratch.Path, fileName, source, parameters);

        using var image = _loader.LoadImage(path);

        Assert.Equal(format, image.Format);
        Assert.Equal(0, CountDifferences(source, image.Original));
        Assert.Equal(MatType.CV_8UC1, image.Grey.Type());
    }

    internal static Mat Ramp(MatType type, int width, int height, int step)
    {
        var mat = new Mat(height, width, type);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var value = ((y * width) + x) * step;
                if (type == MatType.CV_16UC1)
                {
                    mat.Set(y, x, (ushort)(value % 65536));
                }
                else
                {
                    mat.Set(y, x, (byte)(value % 256));
                }
            }
        }

        return mat;
    }

    internal static int CountDifferences(Mat expected, Mat actual)
    {
        Assert.Equal(expected.Size(), actual.Size());
        Assert.Equal(expected.Type(), actual.Type());
        using var difference = new Mat();
        Cv2.Compare(expected.Reshape(1), actual.Reshape(1), difference, CmpTypes.NE);
        return Cv2.CountNonZero(difference);
    }

    private static Mat RandomColour(MatType type, int width, int height, int seed)
    {
        var random = new Random(seed);
        var mat = new Mat(height, width, type);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                mat.Set(y, x, new Vec3b((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
            }
        }

        return mat;
    }

    private static int MaxDifferenceFromBt601(Mat bgr, Mat grey)
    {
        var maxDifference = 0;
        var rows = bgr.Rows;
        var columns = bgr.Cols;
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < columns; x++)
            {
                var pixel = bgr.At<Vec3b>(y, x);
                var exact = (0.299 * pixel.Item2) + (0.587 * pixel.Item1) + (0.114 * pixel.Item0);
                var expected = (int)Math.Round(exact, MidpointRounding.AwayFromZero);
                maxDifference = Math.Max(maxDifference, Math.Abs(expected - grey.At<byte>(y, x)));
            }
        }

        return maxDifference;
    }
}
