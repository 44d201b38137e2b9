using System.Text.Json;
using System.Text.Json.Serialization;

namespace SC2Mid.Core.Plugins;

/// <summary>The contents of a plugin's <c>plugin.json</c>, after it passed the manifest schema.</summary>
public sealed record PluginManifest
{
    /// <summary>Unique plugin id, the prefix of every feature name.</summary>
    public required string Id { get; init; }

    /// <summary>Human-readable name.</summary>
    public required string Name { get; init; }

    /// <summary>Semantic version of the plugin.</summary>
    public required string Version { get; init; }

    /// <summary>One-paragraph description.</summary>
    public required string Description { get; init; }

    /// <summary>Host API versions the plugin supports.</summary>
    public required HostApiRange HostApi { get; init; }

    /// <summary>File name of the assembly that contains the plugin type.</summary>
    public required string EntryAssembly { get; init; }

    /// <summary>Full name of the plugin type, or null when the assembly contains exactly one.</summary>
    public string? EntryType { get; init; }

    /// <summary>Features as declared, before <c>{i}</c> names are expanded.</summary>
    public required IReadOnlyList<ManifestFeature> Features { get; init; }

    /// <summary>Parameters the plugin accepts.</summary>
    public required IReadOnlyList<ManifestParameter> Parameters { get; init; }

    /// <summary>Authors.</summary>
    public required IReadOnlyList<string> Authors { get; init; }

    /// <summary>SPDX licence identifier.</summary>
    public required string License { get; init; }

    /// <summary>Options that read manifests: camelCase names, enums as camelCase strings.</summary>
    internal static JsonSerializerOptions SerializerOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
