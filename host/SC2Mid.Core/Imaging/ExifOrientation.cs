namespace SC2Mid.Core.Imaging;

/// <summary>
/// Reads the EXIF or TIFF orientation tag (274). The loader ignores it when decoding and only reports it, so that
/// pixel coordinates of images and masks always refer to the stored pixel order.
/// </summary>
internal static class ExifOrientation
{
    /// <summary>Returns the orientation, 1 to 8, or null when the file has none that can be read.</summary>
    /// <param name="format">Format name from <see cref="ImageFormats"/>.</param>
    /// <param name="bytes">The whole file.</param>
    /// <param name="page">The TIFF directory being decoded, for TIFF files.</param>
    public static int? Read(string format, byte[] bytes, TiffDirectory? page)
    {
        return format switch
        {
            ImageFormats.Tiff => page?.Orientation,
            ImageFormats.Jpeg => ReadFromJpeg(bytes),
            ImageFormats.Png => ReadFromPng(bytes),
            _ => null,
        };
    }

    /// <summary>Reads the APP1 segment that starts with "Exif\0\0" and continues as a TIFF structure.</summary>
    private static int? ReadFromJpeg(byte[] bytes)
    {
        foreach (var segment in JpegSegment.ReadHeaderSegments(bytes))
        {
            var data = bytes.AsMemory(segment.DataOffset, segment.Length);
            if (segment.Marker == 0xE1 && data.Span.StartsWith("Exif\0\0"u8))
            {
                return FirstDirectoryOrientation(data[6..]);
            }
        }

        return null;
    }

    /// <summary>PNG stores the same TIFF-structured block in an eXIf chunk.</summary>
    private static int? ReadFromPng(byte[] bytes)
    {
        try
        {
            var chunk = PngHeader.Read(bytes).Chunks.FirstOrDefault(c => c.Type == "eXIf");
            return chunk.Type is null
                ? null
                : FirstDirectoryOrientation(bytes.AsMemory(chunk.DataOffset, chunk.Length));
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static int? FirstDirectoryOrientation(ReadOnlyMemory<byte> tiffBlock)
    {
        var structure = TiffStructure.TryRead(tiffBlock);
        return structure is { Directories.Count: > 0 } ? structure.Directories[0].Orientation : null;
    }
}
