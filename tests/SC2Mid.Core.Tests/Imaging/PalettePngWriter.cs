using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace SC2Mid.Core.Tests.Imaging;

/// <summary>
/// Writes indexed-colour PNG files that exercise every scanline filter, for decoder tests. Rows cycle through
/// filter types 0 to 4, and <c>interlaced</c> writes the seven Adam7 passes. Pillow 9.4 writes neither (its
/// palette files use filter 0 only) and OpenCV cannot write palette PNGs, so the tests check each file against
/// OpenCV's own decoding instead.
/// </summary>
internal static class PalettePngWriter
{
    private static readonly (int X, int Y, int DX, int DY)[] Adam7Passes =
        [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];

    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <param name="firstFilterType">
    /// Filter-type byte for the first row, written without filtering that row, to produce invalid files.
    /// </param>
    public static byte[] Write(
        byte[,] indices,
        int bitDepth,
        IReadOnlyList<(byte R, byte G, byte B)> palette,
        bool interlaced,
        byte? firstFilterType = null)
    {
        var height = indices.GetLength(0);
        var width = indices.GetLength(1);
        var passes = interlaced ? Adam7Passes : [(0, 0, 1, 1)];

        var filtered = new MemoryStream();
        var rowCounter = 0;
        foreach (var (x0, y0, dx, dy) in passes)
        {
            var columns = (width - x0 + dx - 1) / dx;
            var rows = (height - y0 + dy - 1) / dy;
            if (columns <= 0 || rows <= 0)
            {
                continue;
            }

            var previous = new byte[(columns * bitDepth + 7) / 8];
            for (var row = 0; row < rows; row++)
            {
                var raw = PackRow(indices, y0 + (row * dy), x0, dx, columns, bitDepth);
                var filterType = (byte)(rowCounter % 5);
                if (rowCounter == 0 && firstFilterType is byte forced)
                {
                    filtered.WriteByte(forced);
                    filtered.Write(raw);
                }
                else
                {
                    filtered.WriteByte(filterType);
                    filtered.Write(Filter(filterType, raw, previous));
                }

                rowCounter++;
                previous = raw;
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = (byte)bitDepth;
        header[9] = 3;
        header[12] = (byte)(interlaced ? 1 : 0);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "PLTE", palette.SelectMany(c => new[] { c.R, c.G, c.B }).ToArray());
        WriteChunk(png, "IDAT", Compress(filtered.ToArray()));
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte[] PackRow(byte[,] indices, int y, int x0, int dx, int columns, int bitDepth)
    {
        var row = new byte[(columns * bitDepth + 7) / 8];
        var pixelsPerByte = 8 / bitDepth;
        for (var i = 0; i < columns; i++)
        {
            var value = indices[y, x0 + (i * dx)];
            var shift = 8 - (bitDepth * ((i % pixelsPerByte) + 1));
            row[i / pixelsPerByte] |= (byte)(value << shift);
        }

        return row;
    }

    private static byte[] Filter(byte filterType, byte[] raw, byte[] previous)
    {
        var output = new byte[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            int left = i > 0 ? raw[i - 1] : 0;
            int above = previous[i];
            int upperLeft = i > 0 ? previous[i - 1] : 0;
            var predictor = filterType switch
            {
                0 => 0,
                1 => left,
                2 => above,
                3 => (left + above) / 2,
                _ => Paeth(left, above, upperLeft),
            };
            output[i] = (byte)(raw[i] - predictor);
        }

        return output;
    }

    private static int Paeth(int left, int above, int upperLeft)
    {
        var estimate = left + above - upperLeft;
        var distanceLeft = Math.Abs(estimate - left);
        var distanceAbove = Math.Abs(estimate - above);
        var distanceUpperLeft = Math.Abs(estimate - upperLeft);
        if (distanceLeft <= distanceAbove && distanceLeft <= distanceUpperLeft)
        {
            return left;
        }

        return distanceAbove <= distanceUpperLeft ? above : upperLeft;
    }

    private static byte[] Compress(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        var field = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(field, data.Length);
        png.Write(field);
        png.Write(typeBytes);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(field, Crc32([.. typeBytes, .. data]));
        png.Write(field);
    }

    /// <summary>CRC-32 as PNG requires it: polynomial 0xEDB88320, initial and final XOR 0xFFFFFFFF.</summary>
    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
