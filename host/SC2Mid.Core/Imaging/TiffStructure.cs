using System.Buffers.Binary;

namespace SC2Mid.Core.Imaging;

/// <summary>
/// The chain of image file directories of a classic TIFF or BigTIFF file, read without decoding pixels. Also
/// parses the TIFF-structured EXIF block of JPEG and PNG files.
/// </summary>
/// <remarks>
/// Layout from the TIFF 6.0 specification (Adobe, 1992), section 2, and the BigTIFF design in the libtiff
/// documentation. An 8-byte header (16 bytes in BigTIFF) contains the byte order and the offset of the first
/// directory. Each directory contains an entry count, 12-byte entries (20 in BigTIFF) and the offset of the next
/// directory, which is 0 after the last one.
/// </remarks>
internal sealed class TiffStructure
{
    private const ushort ImageWidthTag = 256;
    private const ushort ImageLengthTag = 257;
    private const ushort OrientationTag = 274;

    /// <summary>Directories beyond this count are not read; it guards against corrupt chains, not real files.</summary>
    private const int MaxDirectories = 100_000;

    private readonly ReadOnlyMemory<byte> _data;
    private readonly bool _bigEndian;
    private readonly bool _bigTiff;

    private TiffStructure(ReadOnlyMemory<byte> data, bool bigEndian, bool bigTiff)
    {
        _data = data;
        _bigEndian = bigEndian;
        _bigTiff = bigTiff;
        (Directories, ChainError) = ReadDirectoryChain();
    }

    private int EntrySize => _bigTiff ? 20 : 12;

    private int OffsetSize => _bigTiff ? 8 : 4;

    /// <summary>The directories of the main chain in file order; page N is element N − 1.</summary>
    public IReadOnlyList<TiffDirectory> Directories { get; }

    /// <summary>Why the chain ended before a 0 offset (out-of-range offset, loop), or null when it is intact.</summary>
    public string? ChainError { get; }

    /// <summary>Parses the header and directory chain, or returns null when the data has no TIFF header.</summary>
    public static TiffStructure? TryRead(ReadOnlyMemory<byte> data)
    {
        var span = data.Span;
        if (!ImageFormats.IsTiff(span))
        {
            return null;
        }

        var bigEndian = span[0] == (byte)'M';
        var bigTiff = span[2] == (byte)'+' || span[3] == (byte)'+';
        var headerSize = bigTiff ? 16 : 8;
        return span.Length < headerSize ? null : new TiffStructure(data, bigEndian, bigTiff);
    }

    /// <summary>
    /// Returns a copy of the file whose header points at directory <paramref name="index"/>, so that a decoder
    /// which reads only the first page reads that one. The other directories and pixel data stay in place.
    /// </summary>
    public byte[] WithFirstDirectory(int index)
    {
        var copy = _data.ToArray();
        var offset = Directories[index].Offset;
        if (_bigTiff)
        {
            WriteUInt64(copy.AsSpan(8, 8), (ulong)offset);
        }
        else
        {
            WriteUInt32(copy.AsSpan(4, 4), (uint)offset);
        }

        return copy;
    }

    private (IReadOnlyList<TiffDirectory> Directories, string? ChainError) ReadDirectoryChain()
    {
        var directories = new List<TiffDirectory>();
        var visited = new HashSet<long>();
        var offset = _bigTiff ? (long)ReadUInt64(8) : ReadUInt32(4);
        while (offset != 0)
        {
            if (directories.Count == MaxDirectories)
            {
                return (directories, $"the file has more than {MaxDirectories} directories");
            }

            if (!visited.Add(offset))
            {
                return (directories, $"directory {directories.Count + 1} points back to offset {offset} (a loop)");
            }

            var entryCount = TryReadEntryCount(offset);
            if (entryCount is null)
            {
                return (directories, $"directory {directories.Count + 1} at offset {offset} lies outside the file");
            }

            directories.Add(ReadDirectory(offset, entryCount.Value));
            offset = ReadNextOffset(offset, entryCount.Value);
        }

        return (directories, null);
    }

    private long? TryReadEntryCount(long offset)
    {
        var countSize = _bigTiff ? 8 : 2;
        if (offset < 0 || offset > _data.Length - countSize)
        {
            return null;
        }

        var count = _bigTiff ? ReadUInt64(offset) : ReadUInt16(offset);
        if (count > (ulong)(_data.Length / EntrySize))
        {
            return null;
        }

        var end = offset + countSize + ((long)count * EntrySize) + OffsetSize;
        return end > _data.Length ? null : (long)count;
    }

    private TiffDirectory ReadDirectory(long offset, long entryCount)
    {
        long? width = null;
        long? height = null;
        int? orientation = null;
        var firstEntry = offset + (_bigTiff ? 8 : 2);
        for (long i = 0; i < entryCount; i++)
        {
            var entry = firstEntry + (i * EntrySize);
            var tag = ReadUInt16(entry);
            switch (tag)
            {
                case ImageWidthTag:
                    width = ReadSingleInteger(entry);
                    break;
                case ImageLengthTag:
                    height = ReadSingleInteger(entry);
                    break;
                case OrientationTag:
                    orientation = ReadSingleInteger(entry) is long value and >= 1 and <= 8 ? (int)value : null;
                    break;
            }
        }

        return new TiffDirectory(offset, width, height, orientation);
    }

    private long ReadNextOffset(long offset, long entryCount)
    {
        var position = offset + (_bigTiff ? 8 : 2) + (entryCount * EntrySize);
        return _bigTiff ? (long)ReadUInt64(position) : ReadUInt32(position);
    }

    /// <summary>Reads an entry's value when it is one BYTE, SHORT, LONG or LONG8, which TIFF stores inline.</summary>
    private long? ReadSingleInteger(long entry)
    {
        var type = ReadUInt16(entry + 2);
        var count = _bigTiff ? (long)ReadUInt64(entry + 4) : ReadUInt32(entry + 4);
        if (count != 1)
        {
            return null;
        }

        var valueField = entry + (_bigTiff ? 12 : 8);
        return type switch
        {
            1 => _data.Span[(int)valueField],
            3 => ReadUInt16(valueField),
            4 => ReadUInt32(valueField),
            16 when _bigTiff => (long)ReadUInt64(valueField),
            _ => null,
        };
    }

    private ushort ReadUInt16(long position)
    {
        var bytes = _data.Span.Slice((int)position, 2);
        return _bigEndian
            ? BinaryPrimitives.ReadUInt16BigEndian(bytes)
            : BinaryPrimitives.ReadUInt16LittleEndian(bytes);
    }

    private uint ReadUInt32(long position)
    {
        var bytes = _data.Span.Slice((int)position, 4);
        return _bigEndian
            ? BinaryPrimitives.ReadUInt32BigEndian(bytes)
            : BinaryPrimitives.ReadUInt32LittleEndian(bytes);
    }

    private ulong ReadUInt64(long position)
    {
        var bytes = _data.Span.Slice((int)position, 8);
        return _bigEndian
            ? BinaryPrimitives.ReadUInt64BigEndian(bytes)
            : BinaryPrimitives.ReadUInt64LittleEndian(bytes);
    }

    private void WriteUInt32(Span<byte> target, uint value)
    {
        if (_bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(target, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(target, value);
        }
    }

    private void WriteUInt64(Span<byte> target, ulong value)
    {
        if (_bigEndian)
        {
            BinaryPrimitives.WriteUInt64BigEndian(target, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt64LittleEndian(target, value);
        }
    }
}
