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

    /// <summary>
    /// Loads <paramref name="item"/>, stretches its grey values linearly from their minimum to their maximum onto
    /// 0–255 (so 16-bit micrographs become visible), and shrinks it with area interpolation to at most
    /// <see cref="MaxSide"/> pixels per side. The mask, when present, is shrunk the same way and thresholded at half.
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

        using var stretched = new Mat();
        Cv2.Normalize(image.Grey, stretched, 0, 255, NormTypes.MinMax, (int)MatType.CV_8U);
        using var small = new Mat();
        Cv2.Resize(stretched, small, target, interpolation: InterpolationFlags.Area);
        var grey = new byte[target.Width * target.Height];
        small.GetArray(out byte[] greyPixels);
        Array.Copy(greyPixels, grey, grey.Length);

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
}
