using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using SC2Mid.Core.Plugins;
using SC2Mid.Recipes.Compilation;
using SC2Mid.Recipes.Running;

namespace SC2Mid.Cli;

/// <summary>
/// <c>sc2mid run RECIPE.csx [-- ARGS]</c>: compiles a recipe (or takes it from the cache) and runs it in a worker
/// process, which is this executable again with the hidden <c>--worker</c> option.
/// </summary>
internal static class RunCommand
{
    private static readonly Argument<FileInfo> Recipe = new("RECIPE")
    {
        Description = "C# script (.csx) that uses the recipe API; see scripts/README.md.",
    };

    private static readonly Argument<string[]> RecipeArguments = new("ARGS")
    {
        Description = "Arguments for the recipe, after '--'; the recipe reads them as Args.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<double?> Timeout = new("--timeout")
    {
        CustomParser = NumberParser.Parse,
        Description = "Seconds the recipe may run, compilation included, before it is stopped (exit code 124). "
            + "Default: no limit.",
    };

    private static readonly Option<string?> CacheDirectory = new("--cache-dir")
    {
        Description = "Folder of compiled recipes (default: $" + "SC2MID_RECIPE_CACHE, else "
            + "$XDG_CACHE_HOME/sc2mid/recipes, else ~/.cache/sc2mid/recipes).",
    };

    private static readonly Option<bool> NoCache = new("--no-cache")
    {
        Description = "Compile the recipe even when a compiled copy is cached, and cache nothing.",
    };

    private static readonly Option<bool> Worker = new("--worker")
    {
        Description = "Run the recipe in this process and report through the worker protocol (used by sc2mid run).",
        Hidden = true,
    };

    public static Command Create()
    {
        var command = new Command(
            "run",
            "Run a recipe: a C# script that opens datasets, runs plugins and writes tables. "
            + RecipeExitCodes.Description)
        {
            Recipe, RecipeArguments, Timeout, CacheDirectory, NoCache, CommonOptions.Threads, Worker,
        };
        command.SetAction((parse, cancellationToken) => parse.GetValue(Worker)
            ? RunWorkerAsync(parse, cancellationToken)
            : RunParentAsync(parse, cancellationToken));
        return command;
    }

    private static async Task<int> RunParentAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var recipe = parse.GetValue(Recipe)!;
        if (!recipe.Exists)
        {
            Console.Error.WriteLine($"error: Recipe file not found: {recipe.FullName}");
            return RecipeExitCodes.InputError;
        }

        var timeout = parse.GetValue(Timeout);
        if (timeout is { } seconds && (!double.IsFinite(seconds) || seconds <= 0))
        {
            throw new UsageException($"--timeout must be a positive number of seconds, not {seconds}.");
        }

        var threads = parse.GetValue(CommonOptions.Threads);
        if (threads < 1)
        {
            throw new UsageException($"--threads must be 1 or more, not {threads}.");
        }

        // Reading the lock file here reports an invalid one as a usage error before any worker starts.
        PluginLockOption.Read(parse);
        var logLevel = parse.GetValue(CommonOptions.LogLevel);
        var options = new RecipeRunOptions
        {
            Worker = RecipeWorkerCommand.CurrentProcess(),
            CacheDirectory = CacheFolder(parse),
            PluginDirectories = parse.GetValue(CommonOptions.PluginDirectories) ?? [],
            PluginLockPath = parse.GetValue(PluginLockOption.Option)?.FullName,
            LogLevel = logLevel,
            Threads = threads,
            Timeout = timeout is { } limit ? TimeSpan.FromSeconds(limit) : null,
        };
        var printer = new RecipeEventPrinter(Console.Out, Console.Error, logLevel);

        // Without these handlers the runtime's default action for SIGINT and SIGTERM ends this process at once and
        // leaves the worker running; with them, the worker is killed first and the exit code is 130.
        using var interrupted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        var result = await new RecipeRunner(options)
            .RunAsync(recipe.FullName, parse.GetValue(RecipeArguments) ?? [], printer, interrupted.Token)
            .ConfigureAwait(false);
        if (result.Status is RecipeRunStatus.TimedOut or RecipeRunStatus.Cancelled)
        {
            Console.Error.WriteLine($"error: {result.ErrorMessage}");
        }

        return result.ExitCode;

        void Cancel(PosixSignalContext context)
        {
            context.Cancel = true;
            interrupted.Cancel();
        }
    }

    private static Task<int> RunWorkerAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var plugins = new List<string> { PluginCatalog.DefaultDirectory };
        plugins.AddRange(parse.GetValue(CommonOptions.PluginDirectories) ?? []);
        var request = new RecipeWorkerRequest
        {
            RecipePath = parse.GetValue(Recipe)!.FullName,
            Args = parse.GetValue(RecipeArguments) ?? [],
            CacheDirectory = CacheFolder(parse),
            PluginDirectories = plugins,
            PluginLock = PluginLockOption.Read(parse),
            LogLevel = parse.GetValue(CommonOptions.LogLevel),
            Threads = Math.Max(1, parse.GetValue(CommonOptions.Threads)),
        };
        ExitWhenParentCloses();
        return RecipeWorker.RunAsync(request, Console.Out, cancellationToken);
    }

    /// <summary>
    /// Ends the worker when its standard input reaches end of file, which happens when the parent that started it
    /// exits, even by SIGKILL, so that no recipe outlives its host.
    /// </summary>
    /// <remarks>Recipes run by a worker must not read standard input, which belongs to this watch.</remarks>
    private static void ExitWhenParentCloses()
    {
        var thread = new Thread(() =>
        {
            using var input = Console.OpenStandardInput();
            var buffer = new byte[256];
            while (input.Read(buffer) > 0)
            {
            }

            Environment.Exit(RecipeExitCodes.Cancelled);
        })
        {
            IsBackground = true,
            Name = "sc2mid parent watch",
        };
        thread.Start();
    }

    /// <summary>The cache folder, or null for <c>--no-cache</c>; the worker receives an empty value for none.</summary>
    private static string? CacheFolder(ParseResult parse)
    {
        if (parse.GetValue(NoCache))
        {
            return null;
        }

        return parse.GetValue(CacheDirectory) switch
        {
            null => RecipeCompiler.DefaultCacheDirectory,
            "" => null,
            var folder => Path.GetFullPath(folder),
        };
    }

    /// <summary>Prints worker events the way the other commands print: output to stdout, the rest to stderr.</summary>
    private sealed class RecipeEventPrinter(TextWriter output, TextWriter error, LogLevel minimum)
        : IProgress<RecipeEvent>
    {
        public void Report(RecipeEvent value)
        {
            switch (value)
            {
                case RecipeOutputEvent { IsError: false } line:
                    output.WriteLine(line.Text);
                    break;
                case RecipeOutputEvent line:
                    error.WriteLine(line.Text);
                    break;
                case RecipeDiagnosticEvent diagnostic:
                    error.WriteLine(diagnostic.Diagnostic.ToString());
                    break;
                case RecipeProgressEvent { Progress: var progress }:
                    error.WriteLine(progress.Total > 0
                        ? $"[{progress.Completed}/{progress.Total}] {progress.Message}"
                        : progress.Message);
                    break;
                case RecipeLogEvent log:
                    error.WriteLine($"{LevelName(log.Level)}: {log.Category}: {log.Message}");
                    if (log.Exception is not null)
                    {
                        error.WriteLine(log.Exception);
                    }

                    break;
                case RecipeCompiledEvent compiled when minimum <= LogLevel.Information:
                    var milliseconds = compiled.Elapsed.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture);
                    error.WriteLine(compiled.FromCache
                        ? $"info: recipe: cache hit, compiled recipe loaded in {milliseconds} ms"
                        : $"info: recipe: compiled in {milliseconds} ms (cache miss)");
                    break;
                case RecipeErrorEvent failure:
                    error.WriteLine($"error: {failure.Message}");
                    break;
            }
        }

        private static string LevelName(LogLevel level) => level switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            _ => "crit",
        };
    }
}
