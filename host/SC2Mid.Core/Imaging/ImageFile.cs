using System.Security.Cryptography;

namespace SC2Mid.Core.Imaging;

/// <summary>The bytes of an image or mask file with their SHA-256 and detected format.</summary>
internal sealed class ImageFile
{
    private ImageFile(string path, byte[] bytes, string format)
    {
        Path = path;
        Bytes = bytes;
        Format = format;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    public string Path { get; }

    public byte[] Bytes { get; }

    /// <summary>Format name from <see cref="ImageFormats"/>, found from the leading bytes.</summary>
    public string Format { get; }

    /// <summary>Lowercase hexadecimal SHA-256 of <see cref="Bytes"/>.</summary>
    public string Sha256 { get; }

    /// <summary>
    /// Reads the whole file. Reading the bytes in .NET and decoding them in memory keeps non-ASCII paths working,
    /// because OpenCV's file functions take <c>char*</c> paths, which break non-ASCII names on Windows.
    /// </summary>
    /// <exception cref="ImageLoadException">The file is missing, unreadable, empty or of an unknown format.</exception>
    public static ImageFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path))
        {
            throw new ImageLoadException(path, "This is a folder; expected an image file.");
        }

        if (!File.Exists(path))
        {
            throw new ImageLoadException(path, "File not found. Check the path and the current folder.");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImageLoadException(path, $"The file could not be read: {e.Message}", e);
        }

        if (bytes.Length == 0)
        {
            throw new ImageLoadException(path, "The file is empty (0 bytes); expected an image.");
        }

        var format = ImageFormats.Detect(bytes)
            ?? throw new ImageLoadException(
                path,
                $"The file is not in a supported image format (first bytes {LeadingBytesHex(bytes)}). "
                + $"Accepted formats: {ImageFormats.AcceptedDescription}.");
        return new ImageFile(path, bytes, format);
    }

    private static string LeadingBytesHex(byte[] bytes) =>
        Convert.ToHexString(bytes, 0, Math.Min(bytes.Length, 8));
}
