using OpenCvSharp;
using SC2Mid.Core.Scaling;

namespace SC2Mid.Core.Imaging;

/// <summary>Loads images and ground-truth masks from disk through one decoding path.</summary>
/// <remarks>
/// Both kinds of file are read into memory with <see cref="File.ReadAllBytes"/> and decoded with
/// <see cref="Cv2.ImDecode(byte[], ImreadModes)"/>, keeping bit depth and channels and ignoring EXIF orientation,
/// so a mask always lines up with its image pixel for pixel. The loader keeps no state besides its options, so
/// one instance may be used from several threads at once.
/// </remarks>
public sealed class ImageLoader
{
    private readonly ImageLoadOptions _options;

    /// <summary>Creates a loader that applies <paramref name="options"/> to every file.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <see cref="ImageLoadOptions.Page"/> is below 1 or <see cref="ImageLoadOptions.MaxPixels"/> is below 1.
    /// </exception>
    public ImageLoader(ImageLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Page is int page)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(page, 1, nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxPixels, 1, nameof(options));
        _options = options;
    }

    /// <summary>
    /// Loads an image and its grey version. Grey files keep their values; colour files are converted with the
    /// BT.601 luma weights at their own bit depth.
    /// </summary>
    /// <param name="path">Path of the image file; the format is detected from the content, not the extension.</param>
    /// <exception cref="ImageLoadException">
    /// The file is missing, empty, not a supported image, larger than the pixel limit, lacks the requested page or
    /// has pixels other than 8- or 16-bit integers.
    /// </exception>
    public LoadedImage LoadImage(string path)
    {
        var file = ImageFile.Read(path);
        var decoded = ImageDecoder.Decode(file, _options);
        try
        {
            var (grey, conversion) = GreyConverter.ToGrey(decoded.Pixels);
            return new LoadedImage(
                file.Path,
                file.Sha256,
                file.Format,
                decoded.Pixels,
                grey,
                decoded.PageCount,
                decoded.PageUsed,
                decoded.Warnings,
                conversion,

                // The tags are read here, from the bytes already in memory, so calibration never reads the file again.
                file.Format == "tiff" ? TiffPixelSize.Read(file.Bytes) : TiffPixelSize.None);
        }
        catch
        {
            decoded.Pixels.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Loads a ground-truth mask and reduces it to foreground (255) and background (0). Palette PNGs: foreground
    /// is palette index != 0, whatever the colours. Other lossless files: value &gt; 0. JPEG: value &gt; 127, with
    /// a warning. Colour files: any of R, G, B above that threshold, alpha ignored. The same page option as for
    /// images applies to multi-page TIFF masks.
    /// </summary>
    /// <param name="path">Path of the mask file.</param>
    /// <param name="expectedSize">Size of the image the mask belongs to.</param>
    /// <exception cref="ImageLoadException">
    /// Any failure of <see cref="LoadImage"/>, or the mask size differs from <paramref name="expectedSize"/>.
    /// </exception>
    public LoadedMask LoadMask(string path, Size expectedSize)
    {
        var file = ImageFile.Read(path);
        var decoded = ImageDecoder.Decode(file, _options);
        using var pixels = decoded.Pixels;
        if (pixels.Size() != expectedSize)
        {
            throw new ImageLoadException(
                file.Path,
                $"The mask is {pixels.Width} x {pixels.Height} pixels but its image is {expectedSize.Width} x "
                + $"{expectedSize.Height}; a mask must have the same width and height as its image.");
        }

        var warnings = new List<string>(decoded.Warnings);
        var (mask, rule) = IsPalettePng(file)
            ? PaletteForeground(file, expectedSize)
            : MaskRule.Apply(pixels, file.Format, warnings);
        MaskRule.WarnIfEmpty(mask, rule, warnings);
        return new LoadedMask(file.Path, file.Sha256, mask, rule, warnings);
    }

    private static bool IsPalettePng(ImageFile file)
    {
        if (file.Format != ImageFormats.Png)
        {
            return false;
        }

        try
        {
            return PngHeader.Read(file.Bytes).ColourType == PngHeader.IndexedColourType;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static (Mat Mask, string Rule) PaletteForeground(ImageFile file, Size expectedSize)
    {
        Mat indices;
        try
        {
            indices = PalettePngDecoder.DecodeIndices(file.Bytes, PngHeader.Read(file.Bytes));
        }
        catch (InvalidDataException e)
        {
            throw new ImageLoadException(
                file.Path,
                $"The palette indices of this indexed-colour PNG could not be decoded: {e.Message} "
                + "Re-save the mask as a grey PNG with 0 for background.",
                e);
        }

        using (indices)
        {
            if (indices.Size() != expectedSize)
            {
                throw new ImageLoadException(
                    file.Path,
                    $"The palette indices decode to {indices.Width} x {indices.Height} pixels, but OpenCV decoded "
                    + $"{expectedSize.Width} x {expectedSize.Height}; the PNG header is inconsistent.");
            }

            var mask = new Mat();
            Cv2.Compare(indices, Scalar.All(0), mask, CmpTypes.NE);
            return (mask, "palette index != 0");
        }
    }
}
