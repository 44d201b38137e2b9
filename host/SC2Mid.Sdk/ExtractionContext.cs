namespace SC2Mid.Sdk;

/// <summary>What the host passes to every <see cref="IFeaturePlugin.Extract"/> call besides the sample.</summary>
/// <param name="Parameters">The plugin's parameters, validated against its manifest, with defaults filled in.</param>
/// <param name="Figures">Where to save figures, or null when the user did not ask for figures.</param>
/// <param name="CancellationToken">Signalled when the user stops the run; long computations should check it.</param>
public sealed record ExtractionContext(
    PluginParameters Parameters,
    IFigureSink? Figures,
    CancellationToken CancellationToken);
