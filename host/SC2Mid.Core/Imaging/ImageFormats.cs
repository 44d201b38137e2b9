namespace SC2Mid.Core.Imaging;

/// <summary>Recognises image formats by their leading bytes (file signatures), independent of the extension.</summary>
internal static class ImageFormats
{
    /// <summary>The formats that the bundled OpenCV 4.13 build decodes to 8- or 16-bit pixels, for messages.</summary>
    public const string AcceptedDescription =
        "PNG, TIFF, JPEG, BMP, WebP, JPEG 2000, GIF, PBM/PGM/PPM/PAM or Sun raster with 8- or 16-bit integer pixels";

    public const string Png = "png";
    public const string Tiff = "tiff";
    public const string Jpeg = "jpeg";
    public const string Bmp = "bmp";
    public const string WebP = "webp";
    public const string Jpeg2000 = "jpeg2000";
    public const string Gif = "gif";
    public const string Pnm = "pnm";
    public const string SunRaster = "sunraster";

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> Jp2Signature =>
        [0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A];

    private static ReadOnlySpan<byte> J2kCodestreamSignature => [0xFF, 0x4F, 0xFF, 0x51];

    private static ReadOnlySpan<byte> SunRasterSignature => [0x59, 0xA6, 0x6A, 0x95];

    /// <summary>Returns the format name of <paramref name="bytes"/>, or null when no accepted format matches.</summary>
    public static string? Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(PngSignature))
        {
            return Png;
        }

        if (IsTiff(bytes))
        {
            return Tiff;
        }

        if (bytes.StartsWith(JpegSignature))
        {
            return Jpeg;
        }

        if (bytes.StartsWith("BM"u8))
        {
            return Bmp;
        }

        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }

        if (bytes.StartsWith(Jp2Signature) || bytes.StartsWith(J2kCodestreamSignature))
        {
            return Jpeg2000;
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        if (bytes.Length >= 2 && bytes[0] == (byte)'P' && bytes[1] is >= (byte)'1' and <= (byte)'7')
        {
            return Pnm;
        }

        if (bytes.StartsWith(SunRasterSignature))
        {
            return SunRaster;
        }

        return null;
    }

    /// <summary>Whether the format always compresses with loss, so exact mask values do not survive.</summary>
    /// <remarks>WebP and JPEG 2000 have lossless modes as well and are not counted here.</remarks>
    public static bool IsLossy(string format) => format == Jpeg;

    /// <summary>Whether the bytes start with a classic TIFF or BigTIFF header in either byte order.</summary>
    public static bool IsTiff(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("II*\0"u8) || bytes.StartsWith("MM\0*"u8)
        || bytes.StartsWith("II+\0"u8) || bytes.StartsWith("MM\0+"u8);
}
