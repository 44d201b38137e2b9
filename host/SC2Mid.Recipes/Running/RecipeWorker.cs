using System.Diagnostics;
using SC2Mid.Core.Datasets;
using SC2Mid.Recipes.Compilation;

namespace SC2Mid.Recipes.Running;

/// <summary>
/// The body of a recipe worker process: compiles (or reads from the cache) one recipe, runs it, unloads it, and
/// sends its diagnostics, progress, log messages and errors as protocol lines that <see cref="RecipeRunner"/>
/// reads. <c>sc2mid run --worker</c> calls it.
/// </summary>
public static class RecipeWorker
{
    /// <summary>Runs one recipe and returns its exit code (see <see cref="RecipeExitCodes"/>).</summary>
    /// <param name="request">The recipe and how to run it.</param>
    /// <param name="protocol">Where events are written, one line each; normally standard output.</param>
    /// <param name="cancellationToken">Stops compilation and extraction; it cannot stop a recipe's own busy loop,
    /// which is why the parent kills the worker process on timeout.</param>
    public static async Task<int> RunAsync(
        RecipeWorkerRequest request,
        TextWriter protocol,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(protocol);
        var gate = new Lock();
        void Send(RecipeEvent recipeEvent)
        {
            lock (gate)
            {
                protocol.WriteLine(WorkerProtocol.Encode(recipeEvent));
                protocol.Flush();
            }
        }

        var compiled = Compile(request, Send, cancellationToken);
        if (compiled is null)
        {
            var path = Path.GetFullPath(request.RecipePath);
            return Fail(Send, RecipeExitCodes.InputError, $"Recipe file not found: {path}");
        }

        foreach (var diagnostic in compiled.Diagnostics)
        {
            Send(new RecipeDiagnosticEvent(diagnostic));
        }

        if (compiled.Assembly is null)
        {
            var errors = compiled.Diagnostics.Count(diagnostic => diagnostic.IsError);
            var message = $"The recipe has {errors} compile error(s); nothing was run.";
            return Fail(Send, RecipeExitCodes.UsageError, message);
        }

        Send(new RecipeCompiledEvent(compiled.FromCache, compiled.Elapsed));
        using var loggerFactory = new ProtocolLoggerFactory(request.LogLevel, Send);
        var environment = new RecipeEnvironment
        {
            RecipePath = Path.GetFullPath(request.RecipePath),
            Args = request.Args,
            PluginDirectories = request.PluginDirectories,
            PluginLock = request.PluginLock,
            LoggerFactory = loggerFactory,
            Progress = new ForwardingProgress(progress => Send(new RecipeProgressEvent(progress))),
            Threads = request.Threads,
            CancellationToken = cancellationToken,
        };
        LoadedRecipe loaded;
        try
        {
            loaded = compiled.Assembly.Load();
        }
        catch (BadImageFormatException exception)
        {
            var message = $"The compiled recipe read from the cache {request.CacheDirectory} is damaged "
                + $"({exception.Message}); delete that folder or run with --no-cache.";
            return Fail(Send, RecipeExitCodes.InputError, message);
        }

        using var unload = loaded;
        using var globals = new RecipeGlobals(environment);
        try
        {
            var value = await loaded.RunAsync(globals).ConfigureAwait(false);
            return value is int code ? code : RecipeExitCodes.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(Send, RecipeExitCodes.Cancelled, "The recipe was cancelled.");
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Whatever the recipe throws ends this worker only; the parent reports it and stays alive.
            return Fail(Send, ExitCodeOf(exception), Describe(exception));
        }
    }

    private static RecipeCompileResult? Compile(
        RecipeWorkerRequest request,
        Action<RecipeEvent> send,
        CancellationToken cancellationToken)
    {
        try
        {
            return new RecipeCompiler(request.CacheDirectory).Compile(request.RecipePath, cancellationToken);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The cache folder is not writable: the recipe still runs, compiled without the cache.
            send(new RecipeLogEvent(
                Microsoft.Extensions.Logging.LogLevel.Warning,
                "recipe",
                $"The recipe cache {request.CacheDirectory} could not be used ({exception.Message}); "
                + "compiling without it.",
                null));
            return new RecipeCompiler(cacheDirectory: null).Compile(request.RecipePath, cancellationToken);
        }
    }

    private static int Fail(Action<RecipeEvent> send, int exitCode, string message)
    {
        send(new RecipeErrorEvent(exitCode, message));
        return exitCode;
    }

    private static int ExitCodeOf(Exception exception) => exception switch
    {
        KeyNotFoundException or FormatException => RecipeExitCodes.UsageError,
        DatasetException or IOException or UnauthorizedAccessException => RecipeExitCodes.InputError,
        _ => RecipeExitCodes.RecipeFailed,
    };

    /// <summary>Formats an exception as <c>file:line: Type: message</c> at the innermost recipe line on its
    /// stack.</summary>
    internal static string Describe(Exception exception)
    {
        var frame = new StackTrace(exception, fNeedFileInfo: true).GetFrames()
            .FirstOrDefault(candidate =>
                candidate.GetFileName()?.EndsWith(".csx", StringComparison.OrdinalIgnoreCase) == true);
        var location = frame is null ? string.Empty : $"{frame.GetFileName()}:{frame.GetFileLineNumber()}: ";
        return $"{location}{exception.GetType().Name}: {exception.Message}";
    }

    /// <summary>Reports on the calling thread, so no report is posted after the recipe ends.</summary>
    private sealed class ForwardingProgress(Action<RecipeProgress> report) : IProgress<RecipeProgress>
    {
        public void Report(RecipeProgress value) => report(value);
    }
}
