namespace SC2Mid.Core.Imaging;

/// <summary>Settings that <see cref="ImageLoader"/> applies to every image and mask it reads.</summary>
/// <param name="Page">
/// 1-based page to read from a multi-page TIFF, or null for the first page. Files of other formats have one page,
/// so any value other than null or 1 makes loading them fail.
/// </param>
/// <param name="MaxPixels">
/// Largest accepted width × height. Larger files are rejected before their pixels are decoded when the header
/// gives the size (PNG, TIFF, JPEG, BMP) and after decoding otherwise. OpenCV 4.13 itself refuses images of more
/// than 2^30 pixels unless the <c>OPENCV_IO_MAX_IMAGE_PIXELS</c> environment variable raises that limit.
/// </param>
public sealed record ImageLoadOptions(int? Page = null, long MaxPixels = 250_000_000);
