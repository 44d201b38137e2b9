using OpenCvSharp;
using SC2Mid.Core.Scaling;

namespace SC2Mid.Core.Imaging;

/// <summary>An image file decoded into its original pixels and a single-channel grey version.</summary>
/// <remarks>
/// The instance owns both matrices and disposes them in <see cref="Dispose"/>. When the file is already grey,
/// <see cref="Grey"/> and <see cref="Original"/> are the same <see cref="Mat"/> instance, so callers must not
/// dispose either one themselves.
/// </remarks>
public sealed class LoadedImage : IDisposable
{
    internal LoadedImage(
        string path,
        string sha256,
        string format,
        Mat original,
        Mat grey,
        int pageCount,
        int pageUsed,
        IReadOnlyList<string> warnings,
        string greyConversion,
        TiffPixelSize tiffPixelSize)
    {
        Path = path;
        Sha256 = sha256;
        Format = format;
        Original = original;
        Grey = grey;
        BitDepth = grey.Depth() == MatType.CV_16U ? 16 : 8;
        PageCount = pageCount;
        PageUsed = pageUsed;
        Warnings = warnings;
        GreyConversion = greyConversion;
        TiffPixelSize = tiffPixelSize;
    }

    /// <summary>The pixel size in the file's TIFF resolution tags; <see cref="TiffPixelSize.None"/> for other formats.</summary>
    public TiffPixelSize TiffPixelSize { get; }

    /// <summary>The path the image was loaded from, as given to <see cref="ImageLoader.LoadImage"/>.</summary>
    public string Path { get; }

    /// <summary>SHA-256 of the file bytes in lowercase hexadecimal, for provenance.</summary>
    public string Sha256 { get; }

    /// <summary>
    /// Format found from the file's leading bytes, not its extension: <c>png</c>, <c>tiff</c>, <c>jpeg</c>,
    /// <c>bmp</c>, <c>webp</c>, <c>jpeg2000</c>, <c>gif</c>, <c>pnm</c> or <c>sunraster</c>.
    /// </summary>
    public string Format { get; }

    /// <summary>
    /// The pixels as decoded: 1, 3 or 4 channels in BGR(A) order, CV_8U or CV_16U, with any EXIF orientation
    /// ignored. Palette images arrive expanded to colour.
    /// </summary>
    public Mat Original { get; }

    /// <summary>CV_8UC1 or CV_16UC1 grey image of the same size and bit depth as <see cref="Original"/>.</summary>
    public Mat Grey { get; }

    /// <summary>Bits per channel: 8 or 16. Grey values range from 0 to 2^BitDepth − 1.</summary>
    public int BitDepth { get; }

    /// <summary>Number of pages in the file: the TIFF directory count, 1 for other formats.</summary>
    public int PageCount { get; }

    /// <summary>1-based page that was decoded.</summary>
    public int PageUsed { get; }

    /// <summary>Conditions that did not stop loading but may affect results, such as unread TIFF pages.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>
    /// How <see cref="Grey"/> was made from <see cref="Original"/>: <c>"none"</c> for grey files, otherwise the
    /// BT.601 luma formula, with a note that alpha was ignored when the file had an alpha channel.
    /// </summary>
    public string GreyConversion { get; }

    /// <summary>Releases the native memory of <see cref="Original"/> and <see cref="Grey"/>.</summary>
    public void Dispose()
    {
        if (!ReferenceEquals(Grey, Original))
        {
            Grey.Dispose();
        }

        Original.Dispose();
    }
}
