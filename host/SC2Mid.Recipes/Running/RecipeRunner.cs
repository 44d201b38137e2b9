using System.Diagnostics;
using System.Globalization;
using SC2Mid.Recipes.Compilation;

namespace SC2Mid.Recipes.Running;

/// <summary>
/// Runs recipes for a host (the <c>sc2mid run</c> command, a terminal UI), each in its own <c>sc2mid</c> worker
/// process, and turns what the worker reports into <see cref="RecipeEvent"/>s and a <see cref="RecipeRunResult"/>.
/// </summary>
/// <remarks>
/// A separate process is what makes a timeout or a cancellation stop any recipe, <c>while (true) { }</c>
/// included, since managed code cannot be aborted in place; it also means the host never loads a recipe's
/// assembly, so its memory stays flat however many recipes it runs. Starting a worker costs about a process
/// start; a recipe found in the cache starts without Roslyn. Thread-safe: runs may overlap.
/// </remarks>
public sealed class RecipeRunner
{
    /// <summary>Time allowed for a killed worker to exit and close its output before the run is reported.</summary>
    private static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(5);

    private readonly RecipeRunOptions _options;

    /// <summary>Creates a runner with the given worker, cache, plugins and timeout.</summary>
    public RecipeRunner(RecipeRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Timeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), timeout, "The timeout must be positive.");
        }

        _options = options;
    }

    /// <summary>Runs the recipe at <paramref name="recipePath"/> in a new worker and waits for it to end.</summary>
    /// <param name="recipePath">The <c>.csx</c> file.</param>
    /// <param name="args">Arguments the recipe reads as <c>Args</c>.</param>
    /// <param name="events">Receives every event in order, from a background thread; may be null.</param>
    /// <param name="cancellationToken">Kills the worker; the result's status is then
    /// <see cref="RecipeRunStatus.Cancelled"/>.</param>
    /// <exception cref="System.ComponentModel.Win32Exception">The worker executable could not be started.</exception>
    public async Task<RecipeRunResult> RunAsync(
        string recipePath,
        IReadOnlyList<string> args,
        IProgress<RecipeEvent>? events = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipePath);
        ArgumentNullException.ThrowIfNull(args);
        var start = new ProcessStartInfo(_options.Worker.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,

            // The worker exits when this pipe closes, so it cannot outlive a host that is killed.
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in _options.WorkerArguments(recipePath, args))
        {
            start.ArgumentList.Add(argument);
        }

        var stopwatch = Stopwatch.StartNew();
        var collector = new Collector(events);
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"The recipe worker {_options.Worker.FileName} did not start.");
        var readOutput = PumpAsync(process.StandardOutput, collector.OnOutputLine);
        var readError = PumpAsync(
            process.StandardError,
            line => collector.Publish(new RecipeOutputEvent(line, IsError: true)));

        using var timeout = new CancellationTokenSource();
        if (_options.Timeout is { } limit)
        {
            timeout.CancelAfter(limit);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        RecipeRunStatus? stopped = null;
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            stopped = timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested
                ? RecipeRunStatus.TimedOut
                : RecipeRunStatus.Cancelled;
            process.Kill(entireProcessTree: true);
            using var grace = new CancellationTokenSource(KillGrace);
            await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }

        await Task.WhenAll(readOutput, readError).WaitAsync(KillGrace, CancellationToken.None).ConfigureAwait(false);
        return collector.Finish(process.ExitCode, stopped, _options.Timeout, stopwatch.Elapsed);
    }

    private static async Task PumpAsync(StreamReader reader, Action<string> onLine)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            onLine(line);
        }
    }

    /// <summary>Forwards the events of one run and keeps what the result needs.</summary>
    private sealed class Collector(IProgress<RecipeEvent>? events)
    {
        private readonly Lock _lock = new();
        private readonly List<RecipeDiagnostic> _diagnostics = [];
        private RecipeCompiledEvent? _compiled;
        private RecipeErrorEvent? _error;

        public void OnOutputLine(string line)
        {
            var (text, recipeEvent) = WorkerProtocol.Decode(line);
            if (text is not null)
            {
                Publish(new RecipeOutputEvent(text, IsError: false));
            }

            if (recipeEvent is not null)
            {
                Publish(recipeEvent);
            }
        }

        public void Publish(RecipeEvent recipeEvent)
        {
            lock (_lock)
            {
                switch (recipeEvent)
                {
                    case RecipeDiagnosticEvent diagnostic:
                        _diagnostics.Add(diagnostic.Diagnostic);
                        break;
                    case RecipeCompiledEvent compiled:
                        _compiled = compiled;
                        break;
                    case RecipeErrorEvent error:
                        _error = error;
                        break;
                }

                events?.Report(recipeEvent);
            }
        }

        public RecipeRunResult Finish(int exitCode, RecipeRunStatus? stopped, TimeSpan? timeout, TimeSpan elapsed)
        {
            lock (_lock)
            {
                var (status, code, message) = stopped switch
                {
                    RecipeRunStatus.TimedOut => (
                        RecipeRunStatus.TimedOut,
                        RecipeExitCodes.TimedOut,
                        DescribeTimeout(timeout!.Value)),
                    RecipeRunStatus.Cancelled => (
                        RecipeRunStatus.Cancelled,
                        RecipeExitCodes.Cancelled,
                        "The recipe was cancelled; its worker process was killed."),
                    _ => (StatusOf(exitCode), exitCode, _error?.Message ?? DescribeExit(exitCode)),
                };
                return new RecipeRunResult(
                    status,
                    code,
                    [.. _diagnostics],
                    _compiled?.FromCache,
                    _compiled?.Elapsed,
                    elapsed,
                    status == RecipeRunStatus.Succeeded ? null : message);
            }
        }

        private static string DescribeTimeout(TimeSpan timeout)
        {
            var seconds = timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            return $"The recipe was stopped after the {seconds} s timeout; its worker process was killed. "
                + "Raise --timeout if the recipe needs longer.";
        }

        private RecipeRunStatus StatusOf(int exitCode)
        {
            if (_compiled is null && _diagnostics.Any(diagnostic => diagnostic.IsError))
            {
                return RecipeRunStatus.CompileFailed;
            }

            return _error is null && _compiled is not null ? RecipeRunStatus.Succeeded : RecipeRunStatus.Failed;
        }

        private string? DescribeExit(int exitCode) =>
            _compiled is null
                ? $"The recipe worker exited with code {exitCode} before compiling the recipe; see its standard error."
                : null;
    }
}
