namespace SC2Mid.Core.Output;

/// <summary>Which plugin produced a run's values: identity, assembly hash and the parameters it ran with.</summary>
/// <param name="Id">Plugin id.</param>
/// <param name="Name">Human-readable name.</param>
/// <param name="Version">Plugin version from its manifest.</param>
/// <param name="Assembly">File name of the entry assembly.</param>
/// <param name="AssemblySha256">SHA-256 of the entry assembly, lowercase hex.</param>
/// <param name="Parameters">Bound parameter values by name, defaults included.</param>
public sealed record PluginProvenance(
    string Id,
    string Name,
    string Version,
    string Assembly,
    string? AssemblySha256,
    IReadOnlyDictionary<string, object> Parameters);
