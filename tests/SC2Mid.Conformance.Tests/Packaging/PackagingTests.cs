using System.Diagnostics;
using SC2Mid.Conformance.Tests.Support;

namespace SC2Mid.Conformance.Tests.Packaging;

/// <summary>
/// Runs the scripts that build plugins the way a third party would: from the packed SC2Mid.Sdk package, outside the
/// solution. Each packs the SDK, restores, builds and tests a plugin, and runs <c>sc2mid plugins validate</c> on it.
/// </summary>
/// <remarks>
/// About 25 s (template) and 45 s (example) on a 2-core machine with a warm NuGet cache. The generated projects
/// restore OpenCvSharp4 and xunit from nuget.org. <c>templates/test-template.sh</c> installs the template into the
/// user's template store and uninstalls it at exit, so two runs at the same time on one account can disturb each other.
/// </remarks>
public sealed class PackagingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    [Fact]
    public void Template_GeneratedPlugin_BuildsTestsAndValidates()
    {
        var (exitCode, output) = RunScript("templates/test-template.sh");

        Assert.True(exitCode == 0, output);
        Assert.Contains("Passed!", output, StringComparison.Ordinal);
        Assert.Contains("demo: conforms", output, StringComparison.Ordinal);
    }

    [Fact]
    public void IntensityExample_FromPackage_BuildsTestsAndValidates()
    {
        var (exitCode, output) = RunScript("examples/SC2Mid.Examples.Intensity/build.sh");

        Assert.True(exitCode == 0, output);
        Assert.Contains("Passed!", output, StringComparison.Ordinal);
        Assert.Contains("intensity: conforms", output, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output) RunScript(string relativePath)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = TestPaths.RepositoryRoot,
        };
        start.ArgumentList.Add(Path.Combine(TestPaths.RepositoryRoot, relativePath));
        start.Environment["SC2MID_CLI"] = TestPaths.CliAssembly;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{relativePath} did not finish within {Timeout}.");
        }

        return (process.ExitCode, output.Result + error.Result);
    }
}
