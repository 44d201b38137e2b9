using System.CommandLine;
using SC2Mid.Cli;

NativeHeap.FixMmapThreshold();
var root = new RootCommand(
    "sc2mid: shape, moment, texture and deep features of electron micrographs with ground-truth masks. "
    + ExitCodes.Description)
{
    ExtractCommand.Create(),
    BatchCommand.Create(),
    PluginsCommand.Create(),
    ScaleBarCommand.Create(),
    MergeCommand.Create(),
    DeepCommand.Create(),
    BenchCommand.Create(),
    RunCommand.Create(),
};
root.Options.Add(CommonOptions.PluginDirectories);
root.Options.Add(CommonOptions.LogLevel);
root.Options.Add(PluginLockOption.Option);
SC2Mid.Ui.UiCommand.AddTo(root);

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        Console.Error.WriteLine($"error: {error.Message}");
    }

    Console.Error.WriteLine("Run 'sc2mid --help' for usage.");
    return ExitCodes.UsageError;
}

try
{
    return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (UsageException exception)
{
    Console.Error.WriteLine($"error: {exception.Message}");
    return ExitCodes.UsageError;
}
catch (FormatException exception)
{
    // Raised while binding --set values against the plugins' manifests.
    Console.Error.WriteLine($"error: {exception.Message}");
    return ExitCodes.UsageError;
}
catch (KeyNotFoundException exception)
{
    // Raised when --features names a plugin that is not loaded (unknown, rejected or refused by --plugin-lock).
    Console.Error.WriteLine($"error: {exception.Message}");
    return ExitCodes.PluginError;
}
catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
{
    // Raised while writing results; inputs that cannot be read are reported per image instead.
    Console.Error.WriteLine($"error: {exception.Message}");
    return ExitCodes.InputError;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine(
        "Cancelled; no result file was left half-written. A batch keeps its finished images in OUT/.journal, "
        + "so the same command resumes it.");
    return ExitCodes.Cancelled;
}
