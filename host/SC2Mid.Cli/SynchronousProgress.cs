namespace SC2Mid.Cli;

/// <summary>
/// An <see cref="IProgress{T}"/> that reports on the calling thread, serialised by a lock. Unlike
/// <see cref="Progress{T}"/> it does not post to the thread pool, so no report is lost when the process exits.
/// </summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly Lock _lock = new();

    public void Report(T value)
    {
        lock (_lock)
        {
            report(value);
        }
    }
}
