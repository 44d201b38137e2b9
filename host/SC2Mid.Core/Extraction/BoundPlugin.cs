using SC2Mid.Core.Plugins;
using SC2Mid.Sdk;

namespace SC2Mid.Core.Extraction;

/// <summary>A plugin selected for a run, with its bound parameters and the features it produces under them.</summary>
/// <param name="Plugin">The loaded plugin.</param>
/// <param name="Parameters">Validated parameters with defaults filled in.</param>
/// <param name="Features">The manifest's fixed features, then any the plugin lists for these parameters.</param>
public sealed record BoundPlugin(PluginEntry Plugin, PluginParameters Parameters, IReadOnlyList<FeatureDescriptor> Features)
{
    /// <summary>Binds a plugin: parses parameter overrides and gets a dynamic plugin's feature names.</summary>
    /// <exception cref="FormatException">An override is invalid, or the plugin rejects the parameter combination.</exception>
    public static BoundPlugin Bind(PluginEntry plugin, IReadOnlyDictionary<string, string> overrides)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        var parameters = ParameterBinder.Bind(plugin.Manifest!, overrides);
        if (plugin.Instance is not IDynamicFeaturePlugin dynamic)
        {
            return new BoundPlugin(plugin, parameters, plugin.Features);
        }

        IReadOnlyList<FeatureDeclaration> declared;
        try
        {
            declared = dynamic.DescribeFeatures(parameters);
        }
        catch (ArgumentException exception)
        {
            throw new FormatException($"Plugin '{plugin.Id}' rejected its parameters: {exception.Message}", exception);
        }

        var features = new List<FeatureDescriptor>(plugin.Features);
        var names = features.Select(feature => feature.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var declaration in declared)
        {
            if (!declaration.Name.StartsWith(plugin.Id + ".", StringComparison.Ordinal) || !names.Add(declaration.Name))
            {
                throw new InvalidOperationException(
                    $"Plugin '{plugin.Id}' listed the feature '{declaration.Name}', which is either a duplicate or does "
                    + $"not start with '{plugin.Id}.'; this is a bug in the plugin.");
            }

            features.Add(new FeatureDescriptor(
                declaration.Name, plugin.Id, declaration.Dimension, declaration.Definition, Source: null));
        }

        return new BoundPlugin(plugin, parameters, features);
    }
}
