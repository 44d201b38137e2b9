using System.Diagnostics;

namespace SC2Mid.Ui.Tests.Cli;

/// <summary>Runs the built sc2mid with standard input and output redirected, as a script or CI job would.</summary>
public class UiCommandProcessTests
{
    /// <summary>The refusal must come well before this; it includes starting the .NET runtime on a busy machine.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Fact]
    public void Ui_Redirected_PrintsOneLineAndExitsTwo()
    {
        var (exitCode, output, error, elapsed) = Run("ui");

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: sc2mid ui needs an interactive terminal, but standard output is not a terminal", line, StringComparison.Ordinal);
        Assert.Contains("sc2mid batch", line, StringComparison.Ordinal);
        Assert.True(elapsed < Limit, $"took {elapsed}");
    }

    [Fact]
    public void NoCommand_Redirected_KeepsUsageError()
    {
        var (exitCode, output, error, _) = Run();

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains("Required command was not provided.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void UiHelp_Redirected_DescribesDatasetArgument()
    {
        var (exitCode, output, _, _) = Run("ui", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("DATASET", output, StringComparison.Ordinal);
        Assert.Contains("--log-file", output, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output, string Error, TimeSpan Elapsed) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        start.ArgumentList.Add(Repository.CliAssembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit * 4))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"sc2mid {string.Join(' ', arguments)} did not exit within {Limit * 4}.");
        }

        return (process.ExitCode, output.Result, error.Result, stopwatch.Elapsed);
    }
}
