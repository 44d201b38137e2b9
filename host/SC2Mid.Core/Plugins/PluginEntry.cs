using McMaster.NETCore.Plugins;
using SC2Mid.Sdk;

namespace SC2Mid.Core.Plugins;

/// <summary>One plugin folder the catalog found: its manifest, load status and, when loaded, the instance.</summary>
public sealed class PluginEntry : IDisposable
{
    private PluginLoader? _loader;

    internal PluginEntry(string directory, PluginManifest? manifest, PluginStatus status, IReadOnlyList<string> errors)
    {
        Directory = directory;
        Manifest = manifest;
        Status = status;
        Errors = errors;
        Features = manifest?.Features.SelectMany(feature => feature.Expand(manifest.Id)).ToArray() ?? [];
    }

    /// <summary>Absolute path of the plugin folder.</summary>
    public string Directory { get; }

    /// <summary>Path of the manifest file.</summary>
    public string ManifestPath => Path.Combine(Directory, ManifestReader.FileName);

    /// <summary>The manifest, or null when it could not be read.</summary>
    public PluginManifest? Manifest { get; }

    /// <summary>Plugin id from the manifest, or the folder name when the manifest is unreadable.</summary>
    public string Id => Manifest?.Id ?? Path.GetFileName(Directory);

    /// <summary>Load outcome.</summary>
    public PluginStatus Status { get; private set; }

    /// <summary>Why the plugin was rejected or failed, each naming the file and field; empty when loaded.</summary>
    public IReadOnlyList<string> Errors { get; private set; }

    /// <summary>Features the plugin declares, with <c>{i}</c> names expanded.</summary>
    public IReadOnlyList<FeatureDescriptor> Features { get; }

    /// <summary>The plugin instance when <see cref="Status"/> is <see cref="PluginStatus.Loaded"/>.</summary>
    public IFeaturePlugin? Instance { get; private set; }

    /// <summary>Path of the entry assembly.</summary>
    public string? AssemblyPath => Manifest is null ? null : Path.Combine(Directory, Manifest.EntryAssembly);

    /// <summary>SHA-256 of the entry assembly (lowercase hex), for provenance; null until loaded.</summary>
    public string? AssemblySha256 { get; private set; }

    internal void MarkLoaded(PluginLoader loader, IFeaturePlugin instance, string assemblySha256)
    {
        _loader = loader;
        Instance = instance;
        AssemblySha256 = assemblySha256;
        Status = PluginStatus.Loaded;
    }

    internal void MarkRejected(PluginStatus status, string error)
    {
        Status = status;
        Errors = [.. Errors, error];
    }

    /// <summary>Disposes the plugin instance and unloads its load context.</summary>
    public void Dispose()
    {
        (Instance as IDisposable)?.Dispose();
        Instance = null;
        _loader?.Dispose();
        _loader = null;
    }
}
