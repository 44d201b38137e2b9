using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using OpenCvSharp;

namespace SC2Mid.Plugins.Glcm;

/// <summary>
/// The grey levels of the pixels that may form pairs: a window of the image in which every pixel contains its
/// quantised level 0..<c>levels − 1</c>, or <see cref="Outside"/> when it lies outside the region.
/// </summary>
/// <remarks>
/// Quantisation maps a grey value v to floor((clamp(v, low, high) − low) · levels / (high − low + 1)), in
/// integer arithmetic. With 8-bit input, 256 levels and the default range 0..255, the level is the grey value.
/// </remarks>
internal sealed class LevelImage : IDisposable
{
    /// <summary>Marker of a pixel that may not form a pair.</summary>
    public const short Outside = -1;

    private short[]? _levels;
    private readonly int[] _runStarts;
    private readonly int[] _runs;

    private LevelImage(
        short[] levels,
        (int[] Starts, int[] Runs) runs,
        int rows,
        int columns,
        int low,
        int high,
        bool[] used,
        long clamped)
    {
        _levels = levels;
        _runStarts = runs.Starts;
        _runs = runs.Runs;
        Rows = rows;
        Columns = columns;
        Low = low;
        High = high;
        LevelsUsed = used.Count(flag => flag);
        LowestLevel = Array.IndexOf(used, true);
        HighestLevel = Array.LastIndexOf(used, true);
        ClampedPixels = clamped;
    }

    /// <summary>Rows of the window.</summary>
    public int Rows { get; }

    /// <summary>Columns of the window.</summary>
    public int Columns { get; }

    /// <summary>Grey value mapped to level 0.</summary>
    public int Low { get; }

    /// <summary>Grey value mapped to the highest level.</summary>
    public int High { get; }

    /// <summary>Number of distinct levels among the region's pixels.</summary>
    public int LevelsUsed { get; }

    /// <summary>Lowest level among the region's pixels.</summary>
    public int LowestLevel { get; }

    /// <summary>Highest level among the region's pixels.</summary>
    public int HighestLevel { get; }

    /// <summary>Region pixels whose grey value lay outside <see cref="Low"/>..<see cref="High"/>, so clamped.</summary>
    public long ClampedPixels { get; }

    /// <summary>
    /// The levels row by row; <see cref="Outside"/> marks pixels outside the region. A level fits in a short because
    /// <see cref="GlcmSettings.MaxLevels"/> does.
    /// </summary>
    public ReadOnlySpan<short> Levels =>
        (_levels ?? throw new ObjectDisposedException(nameof(LevelImage))).AsSpan(0, Rows * Columns);

    /// <summary>
    /// Returns the runs of region pixels in row <paramref name="row"/>: pairs of a first column and the column
    /// after the last, left to right.
    /// </summary>
    public ReadOnlySpan<int> RunsOf(int row) =>
        _runs.AsSpan(2 * _runStarts[row], 2 * (_runStarts[row + 1] - _runStarts[row]));

    /// <summary>Returns the level array to the shared pool; the image is unusable afterwards.</summary>
    public void Dispose()
    {
        if (_levels is { } levels)
        {
            _levels = null;
            ArrayPool<short>.Shared.Return(levels);
        }
    }

    /// <summary>
    /// Quantises the region's pixels, or returns null when the region has no pixel (an empty mask with
    /// <see cref="GlcmRegion.Mask"/> or <see cref="GlcmRegion.BoundingBox"/>). Dispose the image after use.
    /// </summary>
    /// <param name="grey">CV_8UC1 or CV_16UC1 image; only read.</param>
    /// <param name="mask">CV_8UC1 mask of the same size, non-zero on the object; only read.</param>
    /// <param name="bitDepth">8 or 16, the scale of <paramref name="grey"/>.</param>
    /// <param name="settings">Levels, range and region.</param>
    public static LevelImage? Create(Mat grey, Mat mask, int bitDepth, GlcmSettings settings)
    {
        Rect box = Cv2.BoundingRect(mask);
        if (settings.Region == GlcmRegion.Image)
        {
            box = new Rect(0, 0, grey.Width, grey.Height);
        }
        else if (box.Width == 0 || box.Height == 0)
        {
            return null;
        }

        var window = new Window(grey, mask, box, settings.Region == GlcmRegion.Mask);
        (int low, int high) = settings.Range ?? DefaultRange(window, bitDepth);
        int maximum = window.IsEightBit ? byte.MaxValue : ushort.MaxValue;
        short[] levelOf = LevelTable(low, high, settings.Levels, maximum);

        // A whole micrograph's window is large, so the array comes from the shared pool and goes back on Dispose.
        short[] levels = ArrayPool<short>.Shared.Rent(box.Width * box.Height);
        Array.Fill(levels, Outside, 0, box.Width * box.Height);
        var used = new bool[settings.Levels];
        var runStarts = new int[box.Height + 1];
        var runs = new List<int>();
        long clamped = 0;
        for (int y = 0; y < box.Height; y++)
        {
            window.ReadRow(y);
            runStarts[y] = runs.Count / 2;
            int firstRun = runs.Count;
            FindRuns(window.MaskRow, runs);
            Span<short> row = levels.AsSpan(y * box.Width, box.Width);
            for (int k = firstRun; k < runs.Count; k += 2)
            {
                System.Range run = runs[k]..runs[k + 1];
                clamped += window.IsEightBit
                    ? Quantise(window.Bytes[run], levelOf, low, high, row[run], used)
                    : Quantise(window.Shorts[run], levelOf, low, high, row[run], used);
            }
        }

        runStarts[box.Height] = runs.Count / 2;
        window.Release();
        return new LevelImage(
            levels, (runStarts, [.. runs]), box.Height, box.Width, low, high, used, clamped);
    }

    /// <summary>
    /// Appends the runs of non-zero bytes in <paramref name="mask"/> as pairs of a first column and the column after
    /// the last. Counting walks these runs, so it never visits a pixel outside the region.
    /// </summary>
    private static void FindRuns(ReadOnlySpan<byte> mask, List<int> runs)
    {
        int x = 0;
        while (x < mask.Length)
        {
            int first = mask[x..].IndexOfAnyExcept((byte)0);
            if (first < 0)
            {
                return;
            }

            first += x;
            int length = mask[first..].IndexOf((byte)0);
            int end = length < 0 ? mask.Length : first + length;
            runs.Add(first);
            runs.Add(end);
            x = end;
        }
    }

    /// <summary>Writes the levels of one run of region pixels and returns how many were clamped.</summary>
    private static long Quantise<T>(
        ReadOnlySpan<T> values,
        short[] levelOf,
        int low,
        int high,
        Span<short> run,
        bool[] used)
        where T : unmanaged, IBinaryInteger<T>
    {
        long clamped = 0;
        values = values[..run.Length];
        for (int x = 0; x < run.Length; x++)
        {
            int value = int.CreateTruncating(values[x]);
            clamped += value < low || value > high ? 1 : 0;
            short level = levelOf[value];
            run[x] = level;
            used[level] = true;
        }

        return clamped;
    }

    /// <summary>
    /// Returns the level of every grey value 0..<paramref name="maximum"/>: values are clamped to
    /// <paramref name="low"/>..<paramref name="high"/> and mapped by the formula in the class remarks. A table lookup
    /// per pixel replaces a 64-bit division per pixel.
    /// </summary>
    private static short[] LevelTable(int low, int high, int levels, int maximum)
    {
        long span = (long)high - low + 1;
        var table = new short[Math.Max(maximum, high) + 1];
        for (int value = 0; value < table.Length; value++)
        {
            int clampedValue = Math.Clamp(value, low, high);
            table[value] = (short)((clampedValue - low) * (long)levels / span);
        }

        return table;
    }

    private static (int Low, int High) DefaultRange(Window window, int bitDepth)
    {
        if (bitDepth == 8)
        {
            return (0, byte.MaxValue);
        }

        int low = int.MaxValue;
        int high = int.MinValue;
        for (int y = 0; y < window.Box.Height; y++)
        {
            window.ReadRow(y);
            for (int x = 0; x < window.Box.Width; x++)
            {
                int value = window.IsEightBit ? window.Bytes[x] : window.Shorts[x];
                if (window.MaskRow[x] != 0)
                {
                    low = Math.Min(low, value);
                    high = Math.Max(high, value);
                }
            }
        }

        return (low, high);
    }

    /// <summary>Reads the grey values and the region flags of one row of the window at a time.</summary>
    private sealed class Window
    {
        private readonly Mat _grey;
        private readonly Mat _mask;
        private readonly bool _maskRegion;
        private readonly byte[] _bytes;
        private readonly short[] _shorts;
        private readonly byte[] _maskRow;
        private readonly IntPtr _greyData;
        private readonly nint _greyStep;
        private readonly IntPtr _maskData;
        private readonly nint _maskStep;

        public Window(Mat grey, Mat mask, Rect box, bool maskRegion)
        {
            _grey = grey;
            _mask = mask;
            _greyData = grey.Data;
            _greyStep = (nint)grey.Step();
            _maskData = mask.Data;
            _maskStep = (nint)mask.Step();
            _maskRegion = maskRegion;
            Box = box;
            IsEightBit = grey.Depth() == MatType.CV_8U;
            _bytes = IsEightBit ? new byte[box.Width] : [];
            _shorts = IsEightBit ? [] : new short[box.Width];
            _maskRow = new byte[box.Width];
            if (!maskRegion)
            {
                Array.Fill(_maskRow, (byte)1);
            }
        }

        public Rect Box { get; }

        /// <summary>
        /// Whether the grey values are 8-bit, read into <see cref="Bytes"/>, or 16-bit, in <see cref="Shorts"/>.
        /// </summary>
        public bool IsEightBit { get; }

        /// <summary>8-bit grey values of the row read last.</summary>
        public ReadOnlySpan<byte> Bytes => _bytes;

        /// <summary>16-bit grey values of the row read last.</summary>
        public ReadOnlySpan<ushort> Shorts => MemoryMarshal.Cast<short, ushort>(_shorts);

        /// <summary>Non-zero where a pixel of the row read last lies inside the region.</summary>
        public ReadOnlySpan<byte> MaskRow => _maskRow;

        public void ReadRow(int y)
        {
            // Row addresses come from the data pointer and the row step, which also hold for a view into a larger
            // matrix. One native call per matrix instead of one per row keeps the cost in the copying.
            IntPtr start = _greyData + ((Box.Y + y) * _greyStep) + (Box.X * (IsEightBit ? 1 : 2));
            if (IsEightBit)
            {
                Marshal.Copy(start, _bytes, 0, Box.Width);
            }
            else
            {
                Marshal.Copy(start, _shorts, 0, Box.Width);
            }

            if (_maskRegion)
            {
                Marshal.Copy(_maskData + ((Box.Y + y) * _maskStep) + Box.X, _maskRow, 0, Box.Width);
            }
        }

        /// <summary>Keeps the matrices alive until here, because the native buffers behind Data belong to them.
        /// </summary>
        public void Release()
        {
            GC.KeepAlive(_grey);
            GC.KeepAlive(_mask);
        }
    }
}
