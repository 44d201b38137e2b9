using System.Globalization;
using OpenCvSharp;
using SC2Mid.Core.Datasets;
using SC2Mid.Core.Imaging;

namespace SC2Mid.Ui.Imaging;

/// <summary>Loads a dataset image and its mask through <see cref="ImageLoader"/> and reduces them for display.</summary>
internal static class PreviewLoader
{
    /// <summary>Largest width or height of a preview in pixels; terminals show far fewer.</summary>
    public const int MaxSide = 480;

    /// <summary>Share of the darkest and of the brightest preview pixels that are clipped by the contrast stretch.</summary>
    public const double ClippedFraction = 0.005;

    /// <summary>
    /// Loads <paramref name="item"/>, shrinks it with area interpolation to at most <see cref="MaxSide"/> pixels per
    /// side, and stretches its grey values linearly so that the 0.5th percentile becomes 0 and the 99.5th becomes
    /// 255. The stretch makes 16-bit and low-contrast micrographs visible, and the clipping keeps a few extreme
    /// pixels (dead or hot pixels, gold fiducials) from flattening it. The mask, when present, is shrunk the same
    /// way and thresholded at half.
    /// </summary>
    /// <exception cref="ImageLoadException">The image or the mask could not be read.</exception>
    public static PreviewBitmap Load(DatasetItem item, ImageLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(item);
        var loader = new ImageLoader(options);
        using var image = loader.LoadImage(item.ImagePath);
        var size = image.Grey.Size();
        var scale = Math.Min(1.0, (double)MaxSide / Math.Max(size.Width, size.Height));
        var target = new Size(Math.Max(1, (int)Math.Round(size.Width * scale)), Math.Max(1, (int)Math.Round(size.Height * scale)));

        using var floating = new Mat();
        image.Grey.ConvertTo(floating, MatType.CV_32F);
        using var small = new Mat();
        Cv2.Resize(floating, small, target, interpolation: InterpolationFlags.Area);
        small.GetArray(out float[] values);
        var grey = Stretch(values);

        var description = string.Create(
            CultureInfo.InvariantCulture,
            $"{item.ImageId}: {size.Width} x {size.Height} px, {image.BitDepth}-bit {image.Format}");
        bool[]? foreground = null;
        if (item.MaskPath is not null)
        {
            using var mask = loader.LoadMask(item.MaskPath, size);
            using var smallMask = new Mat();
            Cv2.Resize(mask.Mask, smallMask, target, interpolation: InterpolationFlags.Area);
            smallMask.GetArray(out byte[] maskPixels);
            foreground = maskPixels.Select(value => value >= 128).ToArray();
            description += $"; mask foreground {mask.ForegroundRule}";
        }
        else
        {
            description += "; no mask";
        }

        return new PreviewBitmap(target.Width, target.Height, grey, foreground, description);
    }

    /// <summary>Maps the <see cref="ClippedFraction"/> percentile to 0 and its mirror to 255, clamping the rest.</summary>
    internal static byte[] Stretch(float[] values)
    {
        var sorted = (float[])values.Clone();
        Array.Sort(sorted);
        var low = sorted[(int)((sorted.Length - 1) * ClippedFraction)];
        var high = sorted[(int)((sorted.Length - 1) * (1 - ClippedFraction))];
        var scale = high > low ? 255.0 / (high - low) : 0;
        var grey = new byte[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            grey[i] = (byte)Math.Clamp(Math.Round((values[i] - low) * scale), 0, 255);
        }

        return grey;
    }
}
