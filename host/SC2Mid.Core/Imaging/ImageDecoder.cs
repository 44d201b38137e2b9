using System.Globalization;
using OpenCvSharp;

namespace SC2Mid.Core.Imaging;

/// <summary>
/// The single decoding path for images and masks: selects a TIFF page, checks the size limit, decodes the file
/// bytes with <see cref="Cv2.ImDecode(byte[], ImreadModes)"/> and checks the pixel type.
/// </summary>
internal static class ImageDecoder
{
    /// <summary>
    /// Keeps the stored bit depth and channels, including alpha, and ignores EXIF orientation.
    /// </summary>
    /// <remarks>
    /// <see cref="ImreadModes.Unchanged"/> is −1, so adding <see cref="ImreadModes.IgnoreOrientation"/> sets no
    /// new bit; it is written out to state the intent. OpenCV 4.13 applies EXIF orientation only when that bit is
    /// clear, which the loader tests verify with a JPEG whose orientation tag is 6.
    /// </remarks>
    public const ImreadModes DecodeFlags = ImreadModes.Unchanged | ImreadModes.IgnoreOrientation;

    /// <summary>Decodes the page that <paramref name="options"/> selects.</summary>
    /// <exception cref="ImageLoadException">
    /// The page does not exist, the image exceeds <see cref="ImageLoadOptions.MaxPixels"/>, the data cannot be
    /// decoded or the pixels are not 8- or 16-bit integers with 1, 3 or 4 channels.
    /// </exception>
    public static DecodedPixels Decode(ImageFile file, ImageLoadOptions options)
    {
        var warnings = new List<string>();
        var page = TiffPageSelector.Select(file, options.Page, warnings);

        if (ImageHeaderProbe.TryReadSize(file.Format, page.Bytes, page.Directory) is { } headerSize)
        {
            CheckPixelCount(file, headerSize.Width, headerSize.Height, options.MaxPixels);
        }

        var pixels = DecodeBytes(file, page.Bytes);
        try
        {
            CheckPixelType(file, pixels);
            CheckPixelCount(file, pixels.Width, pixels.Height, options.MaxPixels);
        }
        catch
        {
            pixels.Dispose();
            throw;
        }

        var orientation = ExifOrientation.Read(file.Format, file.Bytes, page.Directory);
        if (orientation is > 1)
        {
            warnings.Add(
                $"The file has EXIF orientation {orientation}, which is ignored: pixels are analysed as stored, "
                + "so the image may look rotated or mirrored compared with photo viewers.");
        }

        return new DecodedPixels(pixels, page.PageCount, page.PageUsed, warnings);
    }

    private static Mat DecodeBytes(ImageFile file, byte[] bytes)
    {
        Mat pixels;
        try
        {
            pixels = Cv2.ImDecode(bytes, DecodeFlags);
        }
        catch (OpenCVException e)
        {
            throw new ImageLoadException(
                file.Path,
                $"OpenCV failed to decode the {Describe(file.Format)} data: {e.Message}",
                e);
        }

        if (pixels.Empty())
        {
            pixels.Dispose();
            throw new ImageLoadException(
                file.Path,
                $"The {Describe(file.Format)} data could not be decoded: the file may be truncated or damaged, "
                + "or use a variant that OpenCV does not read. "
                + $"Accepted formats: {ImageFormats.AcceptedDescription}.");
        }

        return pixels;
    }

    private static void CheckPixelType(ImageFile file, Mat pixels)
    {
        var depth = pixels.Depth();
        if (depth != MatType.CV_8U && depth != MatType.CV_16U)
        {
            throw new ImageLoadException(
                file.Path,
                $"The pixels decode as {pixels.Type()}, but only 8- and 16-bit unsigned integer pixels are "
                + "supported. Convert the file to 8- or 16-bit integers, for example with ImageJ or Fiji.");
        }

        if (pixels.Channels() is not (1 or 3 or 4))
        {
            throw new ImageLoadException(
                file.Path,
                $"The pixels decode with {pixels.Channels()} channels; expected 1 (grey), 3 (RGB) or 4 (RGBA).");
        }
    }

    private static void CheckPixelCount(ImageFile file, long width, long height, long maxPixels)
    {
        var count = width * height;
        if (count > maxPixels)
        {
            var countText = count.ToString("N0", CultureInfo.InvariantCulture);
            var limitText = maxPixels.ToString("N0", CultureInfo.InvariantCulture);
            throw new ImageLoadException(
                file.Path,
                $"The image has {width} x {height} = {countText} pixels, more than the limit of {limitText}. "
                + "Crop or downscale it, or raise ImageLoadOptions.MaxPixels.");
        }
    }

    private static string Describe(string format) => format.ToUpperInvariant();
}
