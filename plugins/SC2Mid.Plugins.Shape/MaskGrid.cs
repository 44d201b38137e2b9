using System.Buffers;
using System.Runtime.InteropServices;
using OpenCvSharp;

namespace SC2Mid.Plugins.Shape;

/// <summary>
/// A copy of the mask's bounding box as 0/1 bytes, with one background pixel added on every side so that
/// neighbourhood lookups never leave the array. Pixels outside the image therefore count as background.
/// </summary>
/// <remarks>
/// Grid index (row, column) = (image row − <c>Box.Y</c> + 1, image column − <c>Box.X</c> + 1). Every feature
/// computed from the grid is invariant to translation, so the offset never needs undoing.
/// </remarks>
internal sealed class MaskGrid : IDisposable
{
    private byte[]? _pixels;
    private readonly int[] _firsts;
    private readonly int[] _ends;

    private MaskGrid(byte[] pixels, int[] firsts, int[] ends, int rows, int columns, long count)
    {
        _pixels = pixels;
        _firsts = firsts;
        _ends = ends;
        Rows = rows;
        Columns = columns;
        Count = count;
    }

    /// <summary>Rows of the grid: the bounding box height plus 2.</summary>
    public int Rows { get; }

    /// <summary>Columns of the grid: the bounding box width plus 2.</summary>
    public int Columns { get; }

    /// <summary>Number of foreground pixels.</summary>
    public long Count { get; }

    /// <summary>Whether the pixel at a grid index is foreground. The index must lie inside the grid.</summary>
    public bool this[int row, int column] => Pixels[(row * Columns) + column] != 0;

    /// <summary>The pixels row by row, 1 for foreground and 0 for background.</summary>
    public ReadOnlySpan<byte> Pixels =>
        (_pixels ?? throw new ObjectDisposedException(nameof(MaskGrid))).AsSpan(0, Rows * Columns);

    /// <summary>
    /// Returns the columns from the first foreground pixel of <paramref name="row"/> to just after its last, or
    /// (0, 0) for a row without one. Passes over the grid skip the background outside these extents.
    /// </summary>
    public (int First, int End) Extent(int row) => (_firsts[row], _ends[row]);

    /// <summary>Returns the pixel array to the shared pool; the grid is unusable afterwards.</summary>
    public void Dispose()
    {
        if (_pixels is { } pixels)
        {
            _pixels = null;
            ArrayPool<byte>.Shared.Return(pixels);
        }
    }

    /// <summary>
    /// Copies the pixels of <paramref name="mask"/> inside <paramref name="box"/>. Dispose the grid after use.
    /// </summary>
    /// <param name="mask">A CV_8UC1 mask whose non-zero pixels are foreground. It is only read.</param>
    /// <param name="box">A non-empty rectangle inside the mask, normally the bounding box of its foreground.</param>
    public static MaskGrid FromMask(Mat mask, Rect box)
    {
        int rows = box.Height + 2;
        int columns = box.Width + 2;
        // Grids of whole micrographs are large, so the array comes from the shared pool and goes back on Dispose.
        byte[] pixels = ArrayPool<byte>.Shared.Rent(rows * columns);
        Array.Clear(pixels, 0, rows * columns);
        var firsts = new int[rows];
        var ends = new int[rows];
        long count = 0;
        for (int y = 0; y < box.Height; y++)
        {
            // Ptr(row, column) honours the row step, so a mask that is a view into a larger matrix works too.
            int offset = ((y + 1) * columns) + 1;
            Marshal.Copy(mask.Ptr(box.Y + y, box.X), pixels, offset, box.Width);
            Span<byte> row = pixels.AsSpan(offset, box.Width);
            count += box.Width - row.Count((byte)0);
            for (int x = 0; x < row.Length; x++)
            {
                row[x] = row[x] == 0 ? (byte)0 : (byte)1;
            }

            int first = row.IndexOfAnyExcept((byte)0);
            if (first >= 0)
            {
                firsts[y + 1] = first + 1;
                ends[y + 1] = row.LastIndexOfAnyExcept((byte)0) + 2;
            }
        }

        // The native buffer behind Ptr belongs to the mask, so the mask must outlive the last copy.
        GC.KeepAlive(mask);
        return new MaskGrid(pixels, firsts, ends, rows, columns, count);
    }
}
