using System.CommandLine;
using System.Globalization;
using SC2Mid.Core.Conformance;
using SC2Mid.Core.Plugins;

namespace SC2Mid.Cli;

/// <summary><c>sc2mid plugins list</c>, <c>sc2mid plugins validate</c> and <c>sc2mid plugins lock</c>.</summary>
internal static class PluginsCommand
{
    private static readonly Option<bool> ShowParameters = new("--parameters")
    {
        Description = "Also list each plugin's parameters with type, default, range and unit.",
    };

    private static readonly Argument<DirectoryInfo> Folder = new("DIR")
    {
        Description = "A plugin folder (holding plugin.json) or a folder of plugin folders.",
    };

    private static readonly Option<FileInfo?> Image = new("--image")
    {
        Description = "Micrograph the conformance checks extract (default: samples/cryoet/TS_001.133.tif when "
            + "the current folder or the tool lies inside the SC2Mid.Platform repository); needs --mask.",
    };

    private static readonly Option<FileInfo?> Mask = new("--mask")
    {
        Description = "Ground-truth mask of --image (foreground > 0).",
    };

    private static readonly Option<int> Threads = new("--threads")
    {
        Description = "Concurrent Extract calls in the thread-safety check (at least 2).",
        DefaultValueFactory = _ => 4,
    };

    private static readonly Option<double> CallTimeout = new("--call-timeout")
    {
        Description = "Seconds one Extract call may take before its check fails; later checks then fail without "
            + "calling the plugin again.",
        DefaultValueFactory = _ => 120,
    };

    private static readonly Argument<DirectoryInfo[]> LockFolders = new("DIR")
    {
        Description = "Plugin folders or folders of plugin folders to lock (default: the bundled plugins/ folder "
            + "and every --plugins folder, the plugins a run loads).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<FileInfo> LockOutput = new("--out", "-o")
    {
        Description = "Lock file to write (JSON); pass it to extract, batch or plugins validate with --plugin-lock.",
        Required = true,
    };

    public static Command Create()
    {
        var list = new Command("list", "List the plugins found, their versions, features and load status.")
        {
            ShowParameters,
        };
        list.SetAction(parse => List(parse));

        var validate = new Command(
            "validate",
            "Run the conformance suite on plugin folders: manifest, declared features and units, determinism, "
            + "thread safety, degenerate masks and rotation invariance. Prints one line per check and exits with 4 "
            + "when any check fails.")
        {
            Folder,
            Image,
            Mask,
            Threads,
            CallTimeout,
        };
        validate.SetAction(parse => Validate(parse));

        var lockCommand = new Command(
            "lock",
            "Write a lock file with the SHA-256 of each plugin's entry assembly; --plugin-lock FILE then admits "
            + "only those builds.")
        {
            LockFolders,
            LockOutput,
        };
        lockCommand.SetAction(parse => Lock(parse));
        return new Command("plugins", "Inspect, validate and lock feature plugins.") { list, validate, lockCommand };
    }

    private static int List(ParseResult parse)
    {
        using var session = HostSession.Open(parse);
        var output = Console.Out;
        foreach (var entry in session.Catalog.Entries)
        {
            var version = entry.Manifest?.Version ?? "?";
            output.WriteLine($"{entry.Id} {version}  {entry.Status.ToString().ToLowerInvariant()}  {entry.Directory}");
            foreach (var error in entry.Errors)
            {
                output.WriteLine($"  error: {error}");
            }

            if (entry.Features.Count > 0)
            {
                output.WriteLine($"  features ({entry.Features.Count}): "
                    + string.Join(", ", entry.Features.Select(f => $"{f.Name} [{f.PixelUnit}]")));
            }

            if (parse.GetValue(ShowParameters) && entry.Manifest is { } manifest)
            {
                foreach (var parameter in manifest.Parameters)
                {
                    var low = parameter.Minimum?.ToString(CultureInfo.InvariantCulture) ?? "-inf";
                    var high = parameter.Maximum?.ToString(CultureInfo.InvariantCulture) ?? "+inf";
                    var range = parameter.Minimum is null && parameter.Maximum is null
                        ? string.Empty
                        : $" range [{low}, {high}]";
                    var values = parameter.Values is { Count: > 0 } allowed
                        ? $" one of {string.Join("|", allowed)}"
                        : string.Empty;
                    var unit = parameter.Unit is null ? string.Empty : $" unit {parameter.Unit}";
                    output.WriteLine(
                        $"  --set {entry.Id}.{parameter.Name}=<{parameter.Type}> default {parameter.Default.GetRawText()}"
                        + $"{range}{values}{unit}: {parameter.Description}");
                }
            }
        }

        if (session.Catalog.Entries.Count == 0)
        {
            output.WriteLine($"No plugins found in {PluginCatalog.DefaultDirectory} or the --plugins folders.");
        }

        return session.Catalog.Entries.All(entry => entry.Status == PluginStatus.Loaded)
            ? ExitCodes.Success
            : ExitCodes.PluginError;
    }

    private static int Validate(ParseResult parse)
    {
        var folder = parse.GetValue(Folder)!;
        if (!folder.Exists)
        {
            Console.Error.WriteLine($"error: folder not found: {folder.FullName}");
            return ExitCodes.InputError;
        }

        var options = ConformanceOptionsFrom(parse);
        var pluginLock = PluginLockOption.Read(parse);
        using var loggerFactory = HostSession.CreateLoggerFactory(parse.GetValue(CommonOptions.LogLevel));
        using var catalog = PluginCatalog.Load(
            [folder.FullName], logger: loggerFactory.CreateLogger("validate"), pluginLock: pluginLock);
        if (catalog.Entries.Count == 0)
        {
            Console.Error.WriteLine($"error: no plugin.json in {folder.FullName} or its subfolders.");
            return ExitCodes.PluginError;
        }

        var suite = new ConformanceSuite(options);
        var passed = true;
        foreach (var entry in catalog.Entries)
        {
            var report = suite.Run(entry);
            PrintReport(Console.Out, entry, report);
            passed &= report.Passed;
        }

        return passed ? ExitCodes.Success : ExitCodes.PluginError;
    }

    private static ConformanceOptions ConformanceOptionsFrom(ParseResult parse)
    {
        var image = parse.GetValue(Image);
        var mask = parse.GetValue(Mask);
        if ((image is null) != (mask is null))
        {
            throw new UsageException("--image and --mask go together; give both or neither.");
        }

        var threads = parse.GetValue(Threads);
        if (threads < 2)
        {
            throw new UsageException($"--threads must be at least 2 to test thread safety, not {threads}.");
        }

        var timeout = parse.GetValue(CallTimeout);
        if (!(timeout > 0) || !double.IsFinite(timeout))
        {
            throw new UsageException($"--call-timeout must be a positive number of seconds, not {timeout}.");
        }

        var options = image is null
            ? ConformanceOptions.FindRepositorySample(Environment.CurrentDirectory, AppContext.BaseDirectory)
            : new ConformanceOptions(image.FullName, mask!.FullName);
        return options with { Threads = threads, CallTimeoutSeconds = timeout };
    }

    private static void PrintReport(TextWriter output, PluginEntry entry, ConformanceReport report)
    {
        output.WriteLine($"{report.PluginId} {entry.Manifest?.Version ?? "?"}  {report.Directory}");
        foreach (var check in report.Checks)
        {
            var outcome = check.Outcome switch
            {
                ConformanceOutcome.Passed => "PASS",
                ConformanceOutcome.Failed => "FAIL",
                _ => "SKIP",
            };
            output.WriteLine($"  {outcome} {check.Name}: {check.Detail}");
        }

        var failed = report.Checks.Count(check => check.Outcome == ConformanceOutcome.Failed);
        var skipped = report.Checks.Count(check => check.Outcome == ConformanceOutcome.Skipped);
        output.WriteLine($"{report.PluginId}: {(report.Passed ? "conforms" : "does not conform")} "
            + $"({report.Checks.Count - failed - skipped} passed, {failed} failed, {skipped} skipped)");
    }

    private static int Lock(ParseResult parse)
    {
        var folders = parse.GetValue(LockFolders) ?? [];
        var roots = folders.Length > 0
            ? folders.Select(folder => folder.FullName).ToList()
            : [PluginCatalog.DefaultDirectory, .. parse.GetValue(CommonOptions.PluginDirectories) ?? []];
        var missing = folders.FirstOrDefault(folder => !folder.Exists);
        if (missing is not null)
        {
            Console.Error.WriteLine($"error: folder not found: {missing.FullName}");
            return ExitCodes.InputError;
        }

        using var loggerFactory = HostSession.CreateLoggerFactory(parse.GetValue(CommonOptions.LogLevel));
        using var catalog = PluginCatalog.Load(roots, logger: loggerFactory.CreateLogger("lock"));
        var broken = catalog.Entries.Where(entry => entry.Status != PluginStatus.Loaded).ToArray();
        foreach (var entry in broken)
        {
            Console.Error.WriteLine($"error: {entry.Directory} is {entry.Status.ToString().ToLowerInvariant()}: "
                + string.Join(" ", entry.Errors));
        }

        if (catalog.Entries.Count == 0 || broken.Length > 0)
        {
            Console.Error.WriteLine(catalog.Entries.Count == 0
                ? $"error: no plugin.json in {string.Join(", ", roots)}; nothing to lock."
                : "error: no lock file was written; fix or remove the plugins above.");
            return ExitCodes.PluginError;
        }

        var output = parse.GetValue(LockOutput)!;
        var pluginLock = PluginLock.Create(catalog.Entries);
        pluginLock.Write(output.FullName);
        Console.Out.WriteLine($"Locked {pluginLock.Plugins.Count} plugins in {output.FullName}:");
        foreach (var plugin in pluginLock.Plugins)
        {
            Console.Out.WriteLine(
                $"  {plugin.Id} {plugin.Version}  {plugin.EntryAssembly}  sha256 {plugin.AssemblySha256}");
        }

        return ExitCodes.Success;
    }
}
