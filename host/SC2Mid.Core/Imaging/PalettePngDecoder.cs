using System.IO.Compression;
using System.Runtime.InteropServices;
using OpenCvSharp;

namespace SC2Mid.Core.Imaging;

/// <summary>
/// Decodes the palette indices of an indexed-colour PNG (IHDR colour type 3). OpenCV expands palettes to colours
/// and cannot return the indices.
/// </summary>
/// <remarks>
/// Follows the PNG 1.0 specification (RFC 2083, 1997). The concatenated IDAT data is one zlib stream of scanlines,
/// each led by a filter-type byte (0 None, 1 Sub, 2 Up, 3 Average, 4 Paeth). Indices of 1, 2 or 4 bits are packed
/// from the most significant bit, and each scanline starts on a byte boundary. Adam7 interlacing (section 2.6)
/// stores seven reduced images one after the other, each filtered as if it were a separate image.
/// </remarks>
internal static class PalettePngDecoder
{
    private static readonly InterlacePass[] SinglePass = [new(0, 0, 1, 1)];

    private static readonly InterlacePass[] Adam7Passes =
    [
        new(0, 0, 8, 8), new(4, 0, 8, 8), new(0, 4, 4, 8), new(2, 0, 4, 4),
        new(0, 2, 2, 4), new(1, 0, 2, 2), new(0, 1, 1, 2),
    ];

    /// <summary>Decodes a CV_8UC1 matrix that contains the palette index of each pixel.</summary>
    /// <param name="bytes">The whole PNG file.</param>
    /// <param name="header">The header read from <paramref name="bytes"/>; its colour type must be 3.</param>
    /// <exception cref="InvalidDataException">The header or the image data is invalid or ends early.</exception>
    public static Mat DecodeIndices(ReadOnlySpan<byte> bytes, PngHeader header)
    {
        CheckHeader(header);
        var passes = header.InterlaceMethod == 1 ? Adam7Passes : SinglePass;
        var scanlines = Inflate(bytes, header, FilteredDataLength(header, passes));

        var indices = new Mat(header.Height, header.Width, MatType.CV_8UC1, Scalar.All(0));
        try
        {
            var position = 0;
            foreach (var pass in passes)
            {
                position = DecodePass(scanlines, position, header, pass, indices);
            }

            return indices;
        }
        catch
        {
            indices.Dispose();
            throw;
        }
    }

    private static void CheckHeader(PngHeader header)
    {
        if (header.ColourType != PngHeader.IndexedColourType)
        {
            throw new InvalidDataException($"Colour type is {header.ColourType}, not 3 (indexed colour).");
        }

        if (header.BitDepth is not (1 or 2 or 4 or 8))
        {
            throw new InvalidDataException(
                $"Bit depth {header.BitDepth} is invalid for indexed colour; expected 1, 2, 4 or 8.");
        }

        if (header.CompressionMethod != 0 || header.FilterMethod != 0 || header.InterlaceMethod > 1)
        {
            throw new InvalidDataException(
                $"Unknown compression method {header.CompressionMethod}, filter method {header.FilterMethod} "
                + $"or interlace method {header.InterlaceMethod}; PNG defines only 0, 0 and 0 or 1.");
        }
    }

    private static long FilteredDataLength(PngHeader header, InterlacePass[] passes)
    {
        long length = 0;
        foreach (var pass in passes)
        {
            var columns = pass.Columns(header.Width);
            var rows = pass.Rows(header.Height);
            if (columns > 0 && rows > 0)
            {
                length += rows * (1L + RowBytes(columns, header.BitDepth));
            }
        }

        return length;
    }

    private static int RowBytes(int columns, int bitDepth) => (int)(((long)columns * bitDepth + 7) / 8);

    private static byte[] Inflate(ReadOnlySpan<byte> bytes, PngHeader header, long expectedLength)
    {
        if (expectedLength > Array.MaxLength)
        {
            throw new InvalidDataException(
                $"The image data would take {expectedLength} bytes, more than a .NET array can hold.");
        }

        using var compressed = new MemoryStream();
        foreach (var chunk in header.Chunks.Where(c => c.Type == "IDAT"))
        {
            compressed.Write(bytes.Slice(chunk.DataOffset, chunk.Length));
        }

        compressed.Position = 0;
        using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
        var scanlines = new byte[expectedLength];
        var read = zlib.ReadAtLeast(scanlines, scanlines.Length, throwOnEndOfStream: false);
        if (read < scanlines.Length)
        {
            throw new InvalidDataException(
                $"The image data ends after {read} of {scanlines.Length} bytes; the file may be truncated.");
        }

        return scanlines;
    }

    /// <summary>Decodes the scanlines of one pass into <paramref name="indices"/>; returns the next position.</summary>
    private static int DecodePass(byte[] scanlines, int position, PngHeader header, InterlacePass pass, Mat indices)
    {
        var columns = pass.Columns(header.Width);
        var rows = pass.Rows(header.Height);
        if (columns == 0 || rows == 0)
        {
            return position;
        }

        var rowBytes = RowBytes(columns, header.BitDepth);
        var previous = new byte[rowBytes];
        var current = new byte[rowBytes];
        var passIndices = new byte[columns];
        var imageRow = new byte[header.Width];
        for (var passRow = 0; passRow < rows; passRow++)
        {
            var filterType = scanlines[position];
            scanlines.AsSpan(position + 1, rowBytes).CopyTo(current);
            position += 1 + rowBytes;
            Unfilter(filterType, current, previous);
            UnpackIndices(current, header.BitDepth, passIndices);

            var y = pass.Y + (passRow * pass.DY);
            if (pass.DX == 1)
            {
                Marshal.Copy(passIndices, 0, indices.Ptr(y), columns);
            }
            else
            {
                Marshal.Copy(indices.Ptr(y), imageRow, 0, header.Width);
                for (var i = 0; i < columns; i++)
                {
                    imageRow[pass.X + (i * pass.DX)] = passIndices[i];
                }

                Marshal.Copy(imageRow, 0, indices.Ptr(y), header.Width);
            }

            (previous, current) = (current, previous);
        }

        return position;
    }

    /// <summary>
    /// Reverses the filter of one scanline in place. With at most 8 bits per pixel, the "left" byte is the one
    /// just before, and bytes before the start of the line and the line above the first one count as 0.
    /// </summary>
    private static void Unfilter(byte filterType, Span<byte> line, ReadOnlySpan<byte> above)
    {
        switch (filterType)
        {
            case 0:
                break;
            case 1:
                for (var i = 1; i < line.Length; i++)
                {
                    line[i] += line[i - 1];
                }

                break;
            case 2:
                for (var i = 0; i < line.Length; i++)
                {
                    line[i] += above[i];
                }

                break;
            case 3:
                for (var i = 0; i < line.Length; i++)
                {
                    var left = i > 0 ? line[i - 1] : 0;
                    line[i] += (byte)((left + above[i]) / 2);
                }

                break;
            case 4:
                for (var i = 0; i < line.Length; i++)
                {
                    var left = i > 0 ? line[i - 1] : (byte)0;
                    var upperLeft = i > 0 ? above[i - 1] : (byte)0;
                    line[i] += PaethPredictor(left, above[i], upperLeft);
                }

                break;
            default:
                throw new InvalidDataException($"Scanline filter type {filterType} is unknown; PNG defines 0 to 4.");
        }
    }

    /// <summary>Returns whichever of left, above and upper-left is closest to left + above − upper-left.</summary>
    private static byte PaethPredictor(byte left, byte above, byte upperLeft)
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

    private static void UnpackIndices(ReadOnlySpan<byte> line, int bitDepth, Span<byte> indices)
    {
        if (bitDepth == 8)
        {
            line[..indices.Length].CopyTo(indices);
            return;
        }

        var pixelsPerByte = 8 / bitDepth;
        var valueMask = (1 << bitDepth) - 1;
        for (var i = 0; i < indices.Length; i++)
        {
            var shift = 8 - (bitDepth * ((i % pixelsPerByte) + 1));
            indices[i] = (byte)((line[i / pixelsPerByte] >> shift) & valueMask);
        }
    }

    /// <summary>One reduced image of an interlaced PNG: its first column and row and the steps between them.</summary>
    private readonly record struct InterlacePass(int X, int Y, int DX, int DY)
    {
        public int Columns(int width) => (width - X + DX - 1) / DX;

        public int Rows(int height) => (height - Y + DY - 1) / DY;
    }
}
