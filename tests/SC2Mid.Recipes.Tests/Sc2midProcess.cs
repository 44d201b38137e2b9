using System.Diagnostics;

namespace SC2Mid.Recipes.Tests;

/// <summary>Runs the built sc2mid with dotnet in a chosen working directory and recipe cache.</summary>
internal static class Sc2midProcess
{
    /// <summary>Longest time one command may take before the test fails; generous for a busy 2-core machine.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    public static Sc2midRun Run(string workingDirectory, string cacheDirectory, params string[] arguments)
    {
        var stopwatch = Stopwatch.StartNew();
        using var process = Start(workingDirectory, cacheDirectory, arguments);
        return Wait(process, stopwatch, arguments);
    }

    /// <summary>Starts sc2mid without waiting; read its output with <see cref="Wait"/>.</summary>
    public static Process Start(string workingDirectory, string cacheDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.Environment["SC2MID_RECIPE_CACHE"] = cacheDirectory;
        start.ArgumentList.Add(TestEnvironment.CliAssembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    /// <summary>Waits for a started sc2mid and returns its exit code and output.</summary>
    public static Sc2midRun Wait(Process process, Stopwatch stopwatch, params string[] arguments)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"sc2mid {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return new Sc2midRun(process.ExitCode, output.Result, error.Result, stopwatch.Elapsed);
    }
}

/// <summary>Exit code, standard output, standard error and wall-clock time of one sc2mid process.</summary>
internal sealed record Sc2midRun(int ExitCode, string Output, string Error, TimeSpan Elapsed)
{
    public override string ToString() => $"exit {ExitCode} after {Elapsed}\nstdout:\n{Output}\nstderr:\n{Error}";
}
