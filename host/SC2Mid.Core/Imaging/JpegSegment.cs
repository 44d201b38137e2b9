namespace SC2Mid.Core.Imaging;

/// <summary>One marker segment of a JPEG file before the first scan.</summary>
/// <param name="Marker">The marker code after 0xFF, for example 0xE1 for APP1 or 0xC0 for SOF0.</param>
/// <param name="DataOffset">Offset of the first byte after the 2-byte length field.</param>
/// <param name="Length">Number of data bytes, without the length field.</param>
internal readonly record struct JpegSegment(byte Marker, int DataOffset, int Length)
{
    /// <summary>
    /// Reads the segments from SOI up to the start of scan (SOS), where entropy-coded data begins. Stops early,
    /// without an error, at a segment that runs past the end of the data.
    /// </summary>
    /// <remarks>
    /// Each segment is 0xFF, a marker code and a big-endian length that counts itself. Extra 0xFF fill bytes may
    /// precede a marker, and TEM (0x01) and RSTn (0xD0 to 0xD7) have no length field.
    /// </remarks>
    public static List<JpegSegment> ReadHeaderSegments(ReadOnlySpan<byte> bytes)
    {
        var segments = new List<JpegSegment>();
        var position = 2;
        while (position + 1 < bytes.Length && bytes[position] == 0xFF)
        {
            var marker = bytes[position + 1];
            position += 2;
            if (marker == 0xFF)
            {
                position -= 1;
                continue;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                continue;
            }

            if (marker is 0xD9 or 0xDA || position + 2 > bytes.Length)
            {
                break;
            }

            var length = (bytes[position] << 8) | bytes[position + 1];
            if (length < 2 || position + length > bytes.Length)
            {
                break;
            }

            segments.Add(new JpegSegment(marker, position + 2, length - 2));
            position += length;
        }

        return segments;
    }
}
