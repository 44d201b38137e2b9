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
internal sealed class LevelImage
{
    /// <summary>Marker of a pixel that may not form a pair.</summary>
    public const int Outside = -1;

    private readonly int[] _levels;

    private LevelImage(int[] levels, int rows, int columns, int low, int high, int levelsUsed, long clamped)
    {
        _levels = levels;
        Rows = rows;
        Columns = columns;
        Low = low;
        High = high;
        LevelsUsed = levelsUsed;
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

    /// <summary>Region pixels whose grey value lay outside <see cref="Low"/>..<see cref="High"/>, so clamped.</summary>
    public long ClampedPixels { get; }

    /// <summary>The levels row by row; <see cref="Outside"/> marks pixels outside the region.</summary>
    public ReadOnlySpan<int> Levels => _levels;

    /// <summary>
    /// Quantises the region's pixels, or returns null when the region has no pixel (an empty mask with
    /// <see cref="GlcmRegion.Mask"/> or <see cref="GlcmRegion.BoundingBox"/>).
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

        int[] values = ReadWindow(grey, box);
        bool[] inside = settings.Region == GlcmRegion.Mask
            ? ReadMaskWindow(mask, box)
            : Enumerable.Repeat(true, values.Length).ToArray();

        (int low, int high) = settings.Range ?? DefaultRange(values, inside, bitDepth);
        long span = (long)high - low + 1;
        var levels = new int[values.Length];
        var used = new bool[settings.Levels];
        long clamped = 0;
        for (int k = 0; k < values.Length; k++)
        {
            if (!inside[k])
            {
                levels[k] = Outside;
                continue;
            }

            int value = values[k];
            if (value < low || value > high)
            {
                clamped++;
                value = Math.Clamp(value, low, high);
            }

            int level = (int)((value - low) * (long)settings.Levels / span);
            levels[k] = level;
            used[level] = true;
        }

        return new LevelImage(levels, box.Height, box.Width, low, high, used.Count(flag => flag), clamped);
    }

    private static (int Low, int High) DefaultRange(int[] values, bool[] inside, int bitDepth)
    {
        if (bitDepth == 8)
        {
            return (0, byte.MaxValue);
        }

        int low = int.MaxValue;
        int high = int.MinValue;
        for (int k = 0; k < values.Length; k++)
        {
            if (inside[k])
            {
                low = Math.Min(low, values[k]);
                high = Math.Max(high, values[k]);
            }
        }

        return (low, high);
    }

    private static int[] ReadWindow(Mat grey, Rect box)
    {
        var values = new int[box.Width * box.Height];
        if (grey.Depth() == MatType.CV_8U)
        {
            var row = new byte[box.Width];
            for (int y = 0; y < box.Height; y++)
            {
                // Ptr(row, column) honours the row step, so a view into a larger matrix works too.
                Marshal.Copy(grey.Ptr(box.Y + y, box.X), row, 0, box.Width);
                for (int x = 0; x < box.Width; x++)
                {
                    values[(y * box.Width) + x] = row[x];
                }
            }
        }
        else
        {
            var row = new short[box.Width];
            for (int y = 0; y < box.Height; y++)
            {
                Marshal.Copy(grey.Ptr(box.Y + y, box.X), row, 0, box.Width);
                for (int x = 0; x < box.Width; x++)
                {
                    values[(y * box.Width) + x] = (ushort)row[x];
                }
            }
        }

        // The native buffer behind Ptr belongs to the image, so it must outlive the last copy.
        GC.KeepAlive(grey);
        return values;
    }

    private static bool[] ReadMaskWindow(Mat mask, Rect box)
    {
        var inside = new bool[box.Width * box.Height];
        var row = new byte[box.Width];
        for (int y = 0; y < box.Height; y++)
        {
            Marshal.Copy(mask.Ptr(box.Y + y, box.X), row, 0, box.Width);
            for (int x = 0; x < box.Width; x++)
            {
                inside[(y * box.Width) + x] = row[x] != 0;
            }
        }

        GC.KeepAlive(mask);
        return inside;
    }
}
