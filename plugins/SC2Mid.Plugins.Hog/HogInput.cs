using System.Runtime.InteropServices;
using OpenCvSharp;

namespace SC2Mid.Plugins.Hog;

/// <summary>The image that the HOG describes, as doubles on the grey scale of the sample.</summary>
/// <param name="Pixels">Pixels row by row.</param>
/// <param name="Rows">Rows.</param>
/// <param name="Columns">Columns.</param>
internal sealed record HogInput(double[] Pixels, int Rows, int Columns)
{
    /// <summary>
    /// Builds the <c>paper36</c> input: the grey image multiplied by the mask indicator (0 outside the object),
    /// cropped to the mask's bounding box and resized to 16 x 16 with OpenCV's <c>INTER_AREA</c> in double
    /// precision. Returns null when the mask is empty.
    /// </summary>
    public static HogInput? Paper36(Mat grey, Mat mask)
    {
        using Mat? masked = MaskedBox(grey, mask);
        if (masked is null)
        {
            return null;
        }

        // INTER_AREA averages the source pixels under each target pixel when shrinking, so no detail between
        // samples is skipped. A box under 16 px is enlarged with the same flag, as the reference data does too.
        using var resized = new Mat();
        var size = new Size(HogSettings.Paper36Size, HogSettings.Paper36Size);
        Cv2.Resize(masked, resized, size, 0, 0, InterpolationFlags.Area);
        return FromDoubleMat(resized);
    }

    /// <summary>
    /// Builds the <c>general</c> input: the grey image multiplied by the mask indicator and cropped to the mask's
    /// bounding box (<paramref name="maskRegion"/> true), or the whole grey image. Returns null for an empty mask
    /// with the mask region.
    /// </summary>
    public static HogInput? General(Mat grey, Mat mask, bool maskRegion)
    {
        if (!maskRegion)
        {
            using var whole = new Mat();
            grey.ConvertTo(whole, MatType.CV_64FC1);
            return FromDoubleMat(whole);
        }

        using Mat? masked = MaskedBox(grey, mask);
        return masked is null ? null : FromDoubleMat(masked);
    }

    private static Mat? MaskedBox(Mat grey, Mat mask)
    {
        Rect box = Cv2.BoundingRect(mask);
        if (box.Width == 0 || box.Height == 0)
        {
            return null;
        }

        // Masking before the conversion gives the same doubles as masking after it, and touches a quarter or
        // an eighth of the bytes.
        using var greyBox = new Mat(grey, box);
        using var maskBox = new Mat(mask, box);
        using var maskedGrey = new Mat(box.Size, grey.Type(), Scalar.All(0));
        greyBox.CopyTo(maskedGrey, maskBox);
        var masked = new Mat();
        maskedGrey.ConvertTo(masked, MatType.CV_64FC1);
        return masked;
    }

    private static HogInput FromDoubleMat(Mat image)
    {
        int rows = image.Rows;
        int columns = image.Cols;
        var pixels = new double[rows * columns];
        for (int r = 0; r < rows; r++)
        {
            Marshal.Copy(image.Ptr(r), pixels, r * columns, columns);
        }

        GC.KeepAlive(image);
        return new HogInput(pixels, rows, columns);
    }
}
