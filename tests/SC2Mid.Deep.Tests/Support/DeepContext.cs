using SC2Mid.Sdk;

namespace SC2Mid.Deep.Tests.Support;

/// <summary>Parameters and extraction contexts of the deep plugin, with the manifest's defaults.</summary>
internal static class DeepContext
{
    /// <summary>Returns the parameters of plugin.json's defaults with <paramref name="overrides"/> applied.</summary>
    public static PluginParameters Parameters(params (string Name, object Value)[] overrides)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["model"] = "resnet18",
            ["model_path"] = string.Empty,
            ["preprocessing"] = string.Empty,
            ["layer"] = "pool",
            ["channels"] = "replicate",
            ["crop"] = "bbox",
            ["resize"] = "stretch",
            ["layer_layout"] = "input",
            ["mode"] = "features",
            ["figure_channels"] = 64L,
        };
        foreach ((string name, object value) in overrides)
        {
            if (!values.ContainsKey(name))
            {
                throw new ArgumentException($"plugin.json declares no parameter '{name}'.", nameof(overrides));
            }

            values[name] = value;
        }

        return new PluginParameters(values);
    }

    /// <summary>Returns a context without figures for the given parameters.</summary>
    public static ExtractionContext Of(PluginParameters parameters, IArtifactSink? artifacts = null) =>
        new(parameters, artifacts, artifacts is not null, CancellationToken.None);
}
