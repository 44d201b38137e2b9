using OpenCvSharp;

namespace SC2Mid.Core.Scaling;

/// <summary>
/// Finds the scale bar burned into a micrograph: the longest solid horizontal bar of near-white or near-black
/// pixels whose rows all start and end at the same columns.
/// </summary>
/// <remarks>
/// Rules, tuned by eye on the burned-in bars of 30 published TEM figures: a bar pixel is within
/// <see cref="Tolerance"/> grey levels (of 255) of white or black; a bar is at least
/// <see cref="MinLengthFraction"/> of the image width long (and at least <see cref="MinLengthPx"/> px), at most
/// <see cref="MaxLengthFraction"/> of the width, at least three times longer than thick, does not touch the left
/// or right image edge (frame lines do), and stands out from the ring 2 to 4 pixels around it by at least
/// <see cref="MinContrast"/> grey levels (dark or bright patches inside particles do not).
/// NOTE: the detector does not read the label ("100 nm"), so the length in nm must come from the user. On those 30
/// figures (about 25 with a visible bar) it measured 18 bars right, picked a frame or label-box line on 3 and found
/// none on 9, missing mostly one-pixel line bars in noisy backgrounds; check its report before a batch.
/// </remarks>
public static class ScaleBarDetector
{
    /// <summary>Largest distance from pure white or black, in 8-bit grey levels, for a bar pixel.</summary>
    public const int Tolerance = 12;

    /// <summary>Smallest difference, in 8-bit grey levels, between the bar's mean and its surrounding ring's mean.</summary>
    public const int MinContrast = 60;

    /// <summary>Smallest bar length as a fraction of the image width.</summary>
    public const double MinLengthFraction = 0.03;

    /// <summary>Smallest bar length in pixels.</summary>
    public const int MinLengthPx = 15;

    /// <summary>Largest bar length as a fraction of the image width.</summary>
    public const double MaxLengthFraction = 0.9;

    /// <summary>Finds every bar candidate, best first (longest, then thickest, then lowest in the image).</summary>
    /// <param name="grey">CV_8UC1 or CV_16UC1 image; 16-bit values are scaled to 8 bits first.</param>
    public static IReadOnlyList<ScaleBar> FindAll(Mat grey)
    {
        ArgumentNullException.ThrowIfNull(grey);
        using var eight = new Mat();
        if (grey.Depth() == MatType.CV_16U)
        {
            grey.ConvertTo(eight, MatType.CV_8U, 1.0 / 257);
        }
        else
        {
            grey.CopyTo(eight);
        }

        var width = eight.Width;
        var height = eight.Rows;
        var minLength = Math.Max(MinLengthPx, (int)Math.Ceiling(MinLengthFraction * width));
        var maxLength = (int)(MaxLengthFraction * width);
        eight.GetArray(out byte[] pixels);

        var bars = new List<ScaleBar>();
        foreach (var bright in new[] { true, false })
        {
            var runs = new List<(int Row, int Start, int End)>();
            for (var row = 0; row < height; row++)
            {
                CollectRuns(pixels.AsSpan(row * width, width), row, bright, minLength, maxLength, runs);
            }

            bars.AddRange(GroupRuns(runs, bright)
                .Where(bar => bar.Bounds.X > 0 && bar.Bounds.Right < width)
                .Where(bar => Contrast(pixels, width, height, bar.Bounds) >= MinContrast));
        }

        return bars
            .OrderByDescending(bar => bar.Bounds.Width)
            .ThenByDescending(bar => bar.Bounds.Height)
            .ThenByDescending(bar => bar.Bounds.Y)
            .ToArray();
    }

    private static void CollectRuns(
        ReadOnlySpan<byte> row,
        int rowIndex,
        bool bright,
        int minLength,
        int maxLength,
        List<(int Row, int Start, int End)> runs)
    {
        var start = -1;
        for (var x = 0; x <= row.Length; x++)
        {
            var isBar = x < row.Length && (bright ? row[x] >= 255 - Tolerance : row[x] <= Tolerance);
            if (isBar && start < 0)
            {
                start = x;
            }
            else if (!isBar && start >= 0)
            {
                var length = x - start;
                if (length >= minLength && length <= maxLength)
                {
                    runs.Add((rowIndex, start, x - 1));
                }

                start = -1;
            }
        }
    }

    /// <summary>
    /// Returns |mean inside − mean of the ring 2 to 4 pixels outside| in grey levels. The first pixel outside is
    /// skipped because blur and JPEG compression leave intermediate values there.
    /// </summary>
    private static double Contrast(byte[] pixels, int width, int height, Rect bar)
    {
        double inside = 0;
        double ring = 0;
        var ringCount = 0;
        for (var y = Math.Max(0, bar.Y - 4); y < Math.Min(height, bar.Bottom + 4); y++)
        {
            for (var x = Math.Max(0, bar.X - 4); x < Math.Min(width, bar.Right + 4); x++)
            {
                var dx = x < bar.X ? bar.X - x : Math.Max(0, x - bar.Right + 1);
                var dy = y < bar.Y ? bar.Y - y : Math.Max(0, y - bar.Bottom + 1);
                var distance = Math.Max(dx, dy);
                var value = pixels[(y * width) + x];
                if (distance == 0)
                {
                    inside += value;
                }
                else if (distance >= 2)
                {
                    ring += value;
                    ringCount++;
                }
            }
        }

        return ringCount == 0 ? 0 : Math.Abs((inside / (bar.Width * bar.Height)) - (ring / ringCount));
    }

    private static IEnumerable<ScaleBar> GroupRuns(List<(int Row, int Start, int End)> runs, bool bright)
    {
        // Runs of consecutive rows with the same start and end column (within one pixel) form one bar.
        var open = new List<(int FirstRow, int LastRow, int Start, int End)>();
        var closed = new List<(int FirstRow, int LastRow, int Start, int End)>();
        foreach (var run in runs.OrderBy(run => run.Row))
        {
            var index = open.FindIndex(group =>
                group.LastRow == run.Row - 1
                && Math.Abs(group.Start - run.Start) <= 1
                && Math.Abs(group.End - run.End) <= 1);
            if (index >= 0)
            {
                var group = open[index];
                open[index] = (group.FirstRow, run.Row, Math.Max(group.Start, run.Start), Math.Min(group.End, run.End));
            }
            else
            {
                open.Add((run.Row, run.Row, run.Start, run.End));
            }

            closed.AddRange(open.Where(group => group.LastRow < run.Row - 1));
            open.RemoveAll(group => group.LastRow < run.Row - 1);
        }

        closed.AddRange(open);
        foreach (var (firstRow, lastRow, start, end) in closed)
        {
            var thickness = lastRow - firstRow + 1;
            var length = end - start + 1;
            if (length >= 3 * thickness)
            {
                yield return new ScaleBar(new Rect(start, firstRow, length, thickness), bright);
            }
        }
    }
}
