namespace SC2Mid.Sdk;

/// <summary>What the host passes to every <see cref="IFeaturePlugin.Extract"/> call besides the sample.</summary>
/// <param name="Parameters">The plugin's parameters, validated against its manifest, with defaults filled in.</param>
/// <param name="Artifacts">Where to save figures and long vectors, or null when the run has no output folder.</param>
/// <param name="FiguresRequested">
/// Whether the user asked for figures (<c>--figures</c>). Plugins draw figures only when this is true and
/// <paramref name="Artifacts"/> is not null, because drawing costs time in large batches.
/// </param>
/// <param name="CancellationToken">Signalled when the user stops the run; long computations should check it.</param>
public sealed record ExtractionContext(
    PluginParameters Parameters,
    IArtifactSink? Artifacts,
    bool FiguresRequested,
    CancellationToken CancellationToken);
