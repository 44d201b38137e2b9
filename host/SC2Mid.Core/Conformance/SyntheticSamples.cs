using OpenCvSharp;

namespace SC2Mid.Core.Conformance;

/// <summary>
/// Small images and masks built in memory: an ordinary object and the degenerate objects every plugin must survive
/// without throwing (empty mask, one pixel, a one-pixel-wide line, an object touching the image border).
/// </summary>
public static class SyntheticSamples
{
    /// <summary>Width of every synthetic image in pixels.</summary>
    public const int Width = 96;

    /// <summary>Height of every synthetic image in pixels.</summary>
    public const int Height = 80;

    /// <summary>Creates a tilted filled ellipse inside the image, away from the border.</summary>
    public static ConformanceSample Ellipse() =>
        Create(
            "ellipse",
            mask => Cv2.Ellipse(mask, new Point(44, 38), new Size(26, 14), 30, 0, 360, Scalar.All(255), -1));

    /// <summary>Creates a mask without foreground pixels.</summary>
    public static ConformanceSample EmptyMask() => Create("empty-mask", _ => { });

    /// <summary>Creates a mask with one foreground pixel.</summary>
    public static ConformanceSample OnePixel() => Create("one-pixel", mask => mask.Set(40, 48, (byte)255));

    /// <summary>Creates a horizontal line one pixel wide and 41 pixels long.</summary>
    public static ConformanceSample OnePixelLine() =>
        Create("one-pixel-line", mask => Cv2.Line(mask, new Point(20, 40), new Point(60, 40), Scalar.All(255), 1));

    /// <summary>Creates a rectangle that touches the top and left image borders.</summary>
    public static ConformanceSample TouchingBorder() =>
        Create("touching-border", mask => Cv2.Rectangle(mask, new Rect(0, 0, 30, 20), Scalar.All(255), -1));

    /// <summary>The degenerate samples, in report order.</summary>
    public static IEnumerable<Func<ConformanceSample>> Degenerate { get; } =
        [EmptyMask, OnePixel, OnePixelLine, TouchingBorder];

    private static ConformanceSample Create(string name, Action<Mat> drawMask)
    {
        var grey = Texture();
        var mask = new Mat(Height, Width, MatType.CV_8UC1, Scalar.All(0));
        drawMask(mask);
        return new ConformanceSample(name, grey, grey.Clone(), 8, mask);
    }

    /// <summary>
    /// Builds an 8-bit texture without symmetry: a ramp in both directions plus a deterministic pseudo-random term,
    /// so texture features are neither constant nor unchanged by a rotation or a mirror image.
    /// </summary>
    private static Mat Texture()
    {
        var grey = new Mat(Height, Width, MatType.CV_8UC1);
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var noise = (int)((uint)((x * 73856093) ^ (y * 19349663)) % 61);
                grey.At<byte>(y, x) = (byte)Math.Clamp(40 + x + (y / 2) + noise, 0, 255);
            }
        }

        return grey;
    }
}
