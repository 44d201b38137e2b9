namespace SC2Mid.Ui.Session;

/// <summary>
/// The one long-running task of the workbench (a batch extraction or a recipe run) with its cancellation source.
/// Start and cancel it from the UI thread only; the work itself runs on the thread pool.
/// </summary>
internal sealed class BackgroundJob : IDisposable
{
    private CancellationTokenSource? _cancellation;
    private Task? _task;

    /// <summary>Name of the running job, for status lines, or null when none runs.</summary>
    public string? Name { get; private set; }

    /// <summary>Whether a job is running.</summary>
    public bool IsRunning => _task is { IsCompleted: false };

    /// <summary>The running or last job, for tests that wait for it.</summary>
    public Task Completion => _task ?? Task.CompletedTask;

    /// <summary>Starts <paramref name="work"/> on the thread pool unless a job is already running.</summary>
    /// <returns>False when another job is running, so nothing was started.</returns>
    public bool TryStart(string name, Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (IsRunning)
        {
            return false;
        }

        _cancellation?.Dispose();
        _cancellation = new CancellationTokenSource();
        var token = _cancellation.Token;
        Name = name;
        _task = Task.Run(() => work(token), CancellationToken.None);
        return true;
    }

    /// <summary>Requests cancellation of the running job.</summary>
    /// <returns>False when no job was running.</returns>
    public bool Cancel()
    {
        if (!IsRunning)
        {
            return false;
        }

        _cancellation!.Cancel();
        return true;
    }

    /// <summary>Releases the cancellation source; cancel and await <see cref="Completion"/> first.</summary>
    public void Dispose() => _cancellation?.Dispose();
}
