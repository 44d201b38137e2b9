namespace SC2Mid.Core.Output;

/// <summary>Provenance of a run that is not tied to one image: tool version, command line, times.</summary>
/// <param name="ToolVersion">Version of SC2Mid.Platform.</param>
/// <param name="CommandLine">Arguments as given, for reproducing the run.</param>
/// <param name="StartedUtc">When the run started.</param>
/// <param name="FinishedUtc">When the run finished.</param>
public sealed record RunInfo(string ToolVersion, IReadOnlyList<string> CommandLine, DateTimeOffset StartedUtc, DateTimeOffset FinishedUtc)
{
    /// <summary>Version of the host assembly (informational version when set).</summary>
    public static string CurrentToolVersion
    {
        get
        {
            var assembly = typeof(RunInfo).Assembly;
            var informational = assembly
                .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
                .OfType<System.Reflection.AssemblyInformationalVersionAttribute>()
                .FirstOrDefault()?.InformationalVersion;
            return informational ?? assembly.GetName().Version?.ToString() ?? "unknown";
        }
    }
}
