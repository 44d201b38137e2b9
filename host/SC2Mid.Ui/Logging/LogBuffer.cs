namespace SC2Mid.Ui.Logging;

/// <summary>
/// The most recent log lines, kept for the log pane. Thread-safe: loggers append from any thread and the UI thread
/// reads with <see cref="ReadSince"/>.
/// </summary>
internal sealed class LogBuffer
{
    /// <summary>Lines kept by default; older lines remain in the log file only.</summary>
    public const int DefaultCapacity = 5000;

    private readonly Lock _lock = new();
    private readonly Queue<string> _lines = new();
    private readonly int _capacity;
    private long _appended;

    /// <summary>Creates a buffer that keeps the last <paramref name="capacity"/> lines.</summary>
    public LogBuffer(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    /// <summary>Total number of lines appended since creation, including those dropped.</summary>
    public long Appended
    {
        get
        {
            lock (_lock)
            {
                return _appended;
            }
        }
    }

    /// <summary>Appends one line, dropping the oldest when the buffer is full.</summary>
    public void Append(string line)
    {
        lock (_lock)
        {
            _lines.Enqueue(line);
            _appended++;
            if (_lines.Count > _capacity)
            {
                _lines.Dequeue();
            }
        }
    }

    /// <summary>
    /// Returns the lines appended after the first <paramref name="seen"/> lines that are still kept, and the new
    /// total to pass next time.
    /// </summary>
    public (IReadOnlyList<string> Lines, long Appended) ReadSince(long seen)
    {
        lock (_lock)
        {
            var fresh = (int)Math.Min(_lines.Count, Math.Max(0, _appended - seen));
            return (_lines.Skip(_lines.Count - fresh).ToArray(), _appended);
        }
    }
}
