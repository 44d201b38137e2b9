using SC2Mid.Core.Extraction;
using SC2Mid.Core.Plugins;

namespace SC2Mid.Core.Output;

/// <summary>Provenance of a run as a whole: tool version, plugins and feature definitions.</summary>
/// <param name="ToolVersion">Version of SC2Mid.Platform.</param>
/// <param name="Plugins">Plugins in output order.</param>
/// <param name="Features">Features in output order, with units and definitions.</param>
public sealed record RunProvenance(
    string ToolVersion,
    IReadOnlyList<PluginProvenance> Plugins,
    IReadOnlyList<FeatureDescriptor> Features)
{
    /// <summary>Describes the plugins and features of an extractor.</summary>
    public static RunProvenance From(Extractor extractor, string toolVersion)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        var plugins = extractor.Plugins
            .Select(bound => new PluginProvenance(
                bound.Plugin.Id,
                bound.Plugin.Manifest!.Name,
                bound.Plugin.Manifest.Version,
                bound.Plugin.Manifest.EntryAssembly,
                bound.Plugin.AssemblySha256,
                bound.Parameters.Values))
            .ToArray();
        return new RunProvenance(toolVersion, plugins, extractor.Features.ToArray());
    }
}
