using OpenCvSharp;
using SC2Mid.Core.Imaging;

namespace SC2Mid.Core.Tests.Imaging;

public sealed class ExifOrientationTests : IDisposable
{
    private const int Width = 24;
    private const int Height = 16;

    private readonly ScratchFolder _scratch = new();
    private readonly ImageLoader _loader = new(new ImageLoadOptions());
    private readonly byte[] _plainJpeg;
    private readonly byte[] _rotatedJpeg;

    /// <summary>A 24 x 16 JPEG, dark on the left half and bright on the right, tagged with orientation 6.</summary>
    public ExifOrientationTests()
    {
        using var source = new Mat(Height, Width, MatType.CV_8UC1, Scalar.All(0));
        source[new Rect(Width / 2, 0, Width / 2, Height)].SetTo(Scalar.All(255));
        Cv2.ImEncode(".jpg", source, out _plainJpeg, [(int)ImwriteFlags.JpegQuality, 100]);
        _rotatedJpeg = ExifJpeg.WithOrientation(_plainJpeg, orientation: 6);
    }

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void OpenCv_ColourFlag_AppliesTheTag()
    {
        // Guards the other tests: if OpenCV did not honour this tag, they would pass without proving anything.
        using var rotated = Cv2.ImDecode(_rotatedJpeg, ImreadModes.Color);

        Assert.Equal(new Size(Height, Width), rotated.Size());
    }

    [Fact]
    public void LoadImage_OrientationTag_KeepsStoredPixelOrder()
    {
        var path = _scratch.WriteBytes("rotated.jpg", _rotatedJpeg);

        using var image = _loader.LoadImage(path);

        Assert.Equal(new Size(Width, Height), image.Original.Size());
        Assert.True(image.Grey.At<byte>(Height / 2, 2) < 64, "left half should stay dark");
        Assert.True(image.Grey.At<byte>(Height / 2, Width - 3) > 192, "right half should stay bright");
        Assert.Contains(image.Warnings, w => w.Contains("EXIF orientation 6, which is ignored"));
    }

    [Fact]
    public void LoadMask_OrientationTag_KeepsStoredPixelOrder()
    {
        var path = _scratch.WriteBytes("rotated-mask.jpg", _rotatedJpeg);

        using var mask = _loader.LoadMask(path, new Size(Width, Height));

        Assert.Equal(0, mask.Mask.At<byte>(Height / 2, 2));
        Assert.Equal(255, mask.Mask.At<byte>(Height / 2, Width - 3));
        Assert.Contains(mask.Warnings, w => w.Contains("EXIF orientation 6"));
    }

    [Fact]
    public void LoadImage_OrientationOne_AddsNoWarning()
    {
        var path = _scratch.WriteBytes("upright.jpg", ExifJpeg.WithOrientation(_plainJpeg, orientation: 1));

        using var image = _loader.LoadImage(path);

        Assert.DoesNotContain(image.Warnings, w => w.Contains("orientation"));
    }
}
