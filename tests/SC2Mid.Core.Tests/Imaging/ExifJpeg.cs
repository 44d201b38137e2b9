namespace SC2Mid.Core.Tests.Imaging;

/// <summary>Adds an EXIF orientation tag to JPEG bytes, as a camera would write it.</summary>
internal static class ExifJpeg
{
    /// <summary>
    /// Inserts an APP1 segment after SOI: "Exif\0\0", a big-endian TIFF header, and IFD0 with one entry,
    /// Orientation (tag 0x0112, type SHORT, count 1).
    /// </summary>
    public static byte[] WithOrientation(byte[] jpeg, ushort orientation)
    {
        byte[] exif =
        [
            (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
            (byte)'M', (byte)'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08,
            0x00, 0x01,
            0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, (byte)(orientation >> 8), (byte)orientation, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00,
        ];
        var length = exif.Length + 2;
        byte[] segment = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. exif];
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }
}
