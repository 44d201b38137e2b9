using System.Buffers.Binary;
using System.Text;

namespace SC2Mid.Core.Imaging;

/// <summary>The PNG IHDR fields and the chunk list of a PNG file, read without decoding pixels.</summary>
/// <remarks>
/// Layout from the PNG 1.0 specification (RFC 2083, 1997): file structure in chapter 3, IHDR in section 4.1.1.
/// </remarks>
internal sealed class PngHeader
{
    /// <summary>IHDR colour type of an indexed-colour (palette) image.</summary>
    public const byte IndexedColourType = 3;

    private const int SignatureLength = 8;

    private PngHeader(
        int width,
        int height,
        byte bitDepth,
        byte colourType,
        byte compressionMethod,
        byte filterMethod,
        byte interlaceMethod,
        List<PngChunk> chunks)
    {
        CompressionMethod = compressionMethod;
        FilterMethod = filterMethod;
        Width = width;
        Height = height;
        BitDepth = bitDepth;
        ColourType = colourType;
        InterlaceMethod = interlaceMethod;
        Chunks = chunks;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Bits per sample, or per palette index for indexed colour: 1, 2, 4, 8 or 16.</summary>
    public byte BitDepth { get; }

    /// <summary>0 grey, 2 truecolour, 3 indexed, 4 grey with alpha, 6 truecolour with alpha.</summary>
    public byte ColourType { get; }

    /// <summary>0 (zlib deflate) is the only method defined.</summary>
    public byte CompressionMethod { get; }

    /// <summary>0 (adaptive filtering with five filter types) is the only method defined.</summary>
    public byte FilterMethod { get; }

    /// <summary>0 for none, 1 for Adam7.</summary>
    public byte InterlaceMethod { get; }

    /// <summary>Chunks in file order, up to and including IEND.</summary>
    public IReadOnlyList<PngChunk> Chunks { get; }

    /// <summary>Reads the signature, IHDR and the chunk list.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a PNG file or a chunk runs past the end.</exception>
    public static PngHeader Read(ReadOnlySpan<byte> bytes)
    {
        if (ImageFormats.Detect(bytes) != ImageFormats.Png)
        {
            throw new InvalidDataException("The PNG signature is missing.");
        }

        var chunks = ReadChunks(bytes);
        if (chunks.Count == 0 || chunks[0].Type != "IHDR" || chunks[0].Length < 13)
        {
            throw new InvalidDataException("The first chunk is not a 13-byte IHDR.");
        }

        var ihdr = bytes.Slice(chunks[0].DataOffset, 13);
        var width = BinaryPrimitives.ReadInt32BigEndian(ihdr);
        var height = BinaryPrimitives.ReadInt32BigEndian(ihdr[4..]);
        if (width <= 0 || height <= 0)
        {
            throw new InvalidDataException($"IHDR gives an invalid size {width} x {height}.");
        }

        return new PngHeader(
            width,
            height,
            bitDepth: ihdr[8],
            colourType: ihdr[9],
            compressionMethod: ihdr[10],
            filterMethod: ihdr[11],
            interlaceMethod: ihdr[12],
            chunks);
    }

    private static List<PngChunk> ReadChunks(ReadOnlySpan<byte> bytes)
    {
        var chunks = new List<PngChunk>();
        var position = SignatureLength;
        while (position < bytes.Length)
        {
            if (bytes.Length - position < 12)
            {
                throw new InvalidDataException($"A chunk header at byte {position} runs past the end of the file.");
            }

            var length = BinaryPrimitives.ReadInt32BigEndian(bytes[position..]);
            var type = Encoding.ASCII.GetString(bytes.Slice(position + 4, 4));
            var dataOffset = position + 8;
            if (length < 0 || length > bytes.Length - dataOffset - 4)
            {
                throw new InvalidDataException($"Chunk {type} at byte {position} runs past the end of the file.");
            }

            chunks.Add(new PngChunk(type, dataOffset, length));
            if (type == "IEND")
            {
                break;
            }

            position = dataOffset + length + 4;
        }

        return chunks;
    }
}
