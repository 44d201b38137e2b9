using OpenCvSharp;
using SC2Mid.Sdk;

namespace SC2Mid.Plugins.Deep;

/// <summary>Turns a sample into the BGR float image, on the 0–255 scale and of the model's input size.</summary>
internal static class ModelImage
{
    /// <summary>
    /// Crops, converts to three channels on the 0–255 scale and resizes one sample.
    /// </summary>
    /// <remarks>
    /// A 16-bit image is scaled by 255 / (2^BitDepth − 1) without rounding. Shrinking uses area averaging
    /// (<c>INTER_AREA</c>) and enlarging bilinear interpolation (<c>INTER_LINEAR</c>), as OpenCV recommends; the
    /// Keras and torchvision loaders the presets come from resize with PIL, so values differ slightly from theirs.
    /// </remarks>
    /// <returns>A CV_32FC3 image of <paramref name="width"/> × <paramref name="height"/>; the caller disposes it.</returns>
    public static Mat Prepare(Sample sample, DeepSettings settings, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(settings);
        Rect region = settings.Crop == DeepSettings.WholeImage
            ? new Rect(0, 0, sample.Grey.Width, sample.Grey.Height)
            : Cv2.BoundingRect(sample.Mask);

        using Mat colour = ToBgrFloat(sample, settings.Channels, region);
        if (settings.Crop == DeepSettings.MaskedBoundingBox)
        {
            using var outside = new Mat();
            using Mat maskRegion = sample.Mask[region];
            Cv2.BitwiseNot(maskRegion, outside);
            colour.SetTo(Scalar.All(0), outside);
        }

        using Mat squared = settings.Resize == DeepSettings.PadToSquare ? PadToSquare(colour) : colour.Clone();
        var resized = new Mat();
        InterpolationFlags interpolation = squared.Width > width || squared.Height > height
            ? InterpolationFlags.Area
            : InterpolationFlags.Linear;
        Cv2.Resize(squared, resized, new Size(width, height), 0, 0, interpolation);
        return resized;
    }

    private static Mat ToBgrFloat(Sample sample, string channels, Rect region)
    {
        bool useOriginal = channels != DeepSettings.ReplicateGrey && sample.Original.Channels() >= 3;
        using Mat source = useOriginal ? sample.Original[region] : sample.Grey[region];
        double maximum = source.Depth() == MatType.CV_16U ? Math.Pow(2, sample.BitDepth) - 1 : 255;
        using var scaled = new Mat();
        source.ConvertTo(scaled, MatType.MakeType(MatType.CV_32F, source.Channels()), 255 / maximum);

        var bgr = new Mat();
        switch (scaled.Channels())
        {
            case 1:
                Cv2.CvtColor(scaled, bgr, ColorConversionCodes.GRAY2BGR);
                break;
            case 4:
                Cv2.CvtColor(scaled, bgr, ColorConversionCodes.BGRA2BGR);
                break;
            default:
                scaled.CopyTo(bgr);
                break;
        }

        return bgr;
    }

    private static Mat PadToSquare(Mat image)
    {
        int side = Math.Max(image.Width, image.Height);
        int left = (side - image.Width) / 2;
        int top = (side - image.Height) / 2;
        var padded = new Mat();
        Cv2.CopyMakeBorder(
            image,
            padded,
            top,
            side - image.Height - top,
            left,
            side - image.Width - left,
            BorderTypes.Constant,
            Scalar.All(0));
        return padded;
    }
}
