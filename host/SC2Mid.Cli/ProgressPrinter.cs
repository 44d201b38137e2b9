using System.Diagnostics;
using System.Globalization;
using SC2Mid.Core.Extraction;
using SC2Mid.Core.Output;

namespace SC2Mid.Cli;

/// <summary>
/// Prints batch progress to standard error: a redrawn bar with rate and time left on a terminal, one plain line
/// per image when standard error is a file or pipe (logs of cluster jobs). Thread-safe.
/// </summary>
internal sealed class ProgressPrinter : IProgress<BatchProgress>
{
    private const int BarWidth = 30;

    private readonly Lock _lock = new();
    private readonly Stopwatch _stopwatch = Stopwatch.StartNew();
    private readonly TextWriter _error;
    private readonly bool _redraw;
    private readonly int _skipped;

    /// <param name="error">Where to print, normally standard error.</param>
    /// <param name="redraw">Whether to redraw one line (a terminal) instead of printing a line per image.</param>
    /// <param name="skipped">Images finished by an earlier run and skipped by this one.</param>
    public ProgressPrinter(TextWriter error, bool redraw, int skipped)
    {
        _error = error;
        _redraw = redraw;
        _skipped = skipped;
    }

    public void Report(BatchProgress value)
    {
        lock (_lock)
        {
            var seconds = _stopwatch.Elapsed.TotalSeconds;
            var rate = value.Completed / Math.Max(seconds, 1e-3);
            var left = TimeSpan.FromSeconds((value.Total - value.Completed) / Math.Max(rate, 1e-9));
            var status = CsvResultWriter.StatusName(value.Last.Status);
            var done = value.Completed + _skipped;
            var total = value.Total + _skipped;
            if (!_redraw)
            {
                _error.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"[{done}/{total}] {value.Last.ImageId}: {status} ({seconds:F1} s, {rate:F2} images/s)"));
                return;
            }

            var filled = (int)Math.Round(BarWidth * (double)done / Math.Max(total, 1));
            var bar = new string('#', filled) + new string('.', BarWidth - filled);
            _error.Write(string.Create(
                CultureInfo.InvariantCulture,
                $"\r[{bar}] {done}/{total}  {rate:F2} images/s  {left:hh\\:mm\\:ss} left  {status,-8}"));
            if (value.Completed == value.Total)
            {
                _error.WriteLine();
            }
        }
    }
}
