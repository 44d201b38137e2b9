namespace SC2Mid.Core.Conformance;

/// <summary>The checks one plugin folder went through, in the order they ran.</summary>
/// <param name="PluginId">Plugin id from the manifest, or the folder name when the manifest is unreadable.</param>
/// <param name="Directory">Absolute path of the plugin folder.</param>
/// <param name="Checks">One entry per rule.</param>
public sealed record ConformanceReport(string PluginId, string Directory, IReadOnlyList<ConformanceCheck> Checks)
{
    /// <summary>Whether no check failed; skipped checks do not count as failures.</summary>
    public bool Passed => Checks.All(check => check.Outcome != ConformanceOutcome.Failed);
}
