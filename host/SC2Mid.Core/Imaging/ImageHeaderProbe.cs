using System.Buffers.Binary;

namespace SC2Mid.Core.Imaging;

/// <summary>
/// Reads the pixel dimensions from a file header so that oversized images are rejected before OpenCV allocates
/// memory for their pixels.
/// </summary>
internal static class ImageHeaderProbe
{
    /// <summary>
    /// Returns width and height from the header of a PNG, JPEG or BMP file or from the chosen TIFF directory, or
    /// null for other formats and for headers that cannot be read (OpenCV then reports the damage).
    /// </summary>
    public static (long Width, long Height)? TryReadSize(string format, ReadOnlySpan<byte> bytes, TiffDirectory? page)
    {
        return format switch
        {
            ImageFormats.Png => TryReadPngSize(bytes),
            ImageFormats.Jpeg => TryReadJpegSize(bytes),
            ImageFormats.Bmp => TryReadBmpSize(bytes),
            ImageFormats.Tiff when page is { Width: long width, Height: long height } => (width, height),
            _ => null,
        };
    }

    private static (long Width, long Height)? TryReadPngSize(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var header = PngHeader.Read(bytes);
            return (header.Width, header.Height);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Reads the start-of-frame segment: precision (1 byte), then height and width (2 bytes each).</summary>
    private static (long Width, long Height)? TryReadJpegSize(ReadOnlySpan<byte> bytes)
    {
        foreach (var segment in JpegSegment.ReadHeaderSegments(bytes))
        {
            var isStartOfFrame = segment.Marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);
            if (isStartOfFrame && segment.Length >= 5)
            {
                var frame = bytes.Slice(segment.DataOffset, segment.Length);
                var height = BinaryPrimitives.ReadUInt16BigEndian(frame[1..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(frame[3..]);
                return (width, height);
            }
        }

        return null;
    }

    /// <summary>
    /// Reads the DIB header after the 14-byte file header: 16-bit sizes in the 12-byte OS/2 core header,
    /// signed 32-bit sizes otherwise, where a negative height marks a top-down bitmap.
    /// </summary>
    private static (long Width, long Height)? TryReadBmpSize(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 26)
        {
            return null;
        }

        var dibHeaderSize = BinaryPrimitives.ReadUInt32LittleEndian(bytes[14..]);
        if (dibHeaderSize == 12)
        {
            var coreWidth = BinaryPrimitives.ReadUInt16LittleEndian(bytes[18..]);
            var coreHeight = BinaryPrimitives.ReadUInt16LittleEndian(bytes[20..]);
            return (coreWidth, coreHeight);
        }

        var width = BinaryPrimitives.ReadInt32LittleEndian(bytes[18..]);
        var height = BinaryPrimitives.ReadInt32LittleEndian(bytes[22..]);
        return (Math.Abs((long)width), Math.Abs((long)height));
    }
}
