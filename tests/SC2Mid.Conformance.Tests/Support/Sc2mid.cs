using System.Diagnostics;

namespace SC2Mid.Conformance.Tests.Support;

/// <summary>Runs the built <c>sc2mid</c> with <c>dotnet</c> and captures its output and exit code.</summary>
internal static class Sc2mid
{
    /// <summary>Longest time one command may take before the test fails; generous for a 2-core CI machine.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static (int ExitCode, string Output, string Error) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = TestPaths.RepositoryRoot,
        };
        start.ArgumentList.Add(TestPaths.CliAssembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"sc2mid {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
