using System.Text.Json;
using SC2Mid.Sdk;

namespace SC2Mid.Texture.Tests;

/// <summary>
/// Builds <see cref="PluginParameters"/> as the host does: the defaults of a plugin's manifest, overridden by
/// the values a test gives, stored as long, double, bool, string, long[] or double[].
/// </summary>
internal static class ManifestParameters
{
    /// <summary>Returns the parameters of the plugin in <paramref name="pluginFolder"/>, with overrides.</summary>
    /// <param name="pluginFolder">Plugin folder relative to the repository root.</param>
    /// <param name="overrides">A JSON object of parameter values, or null for the defaults.</param>
    public static PluginParameters Build(string pluginFolder, JsonElement? overrides = null)
    {
        string manifestPath = RepositoryPaths.Resolve(Path.Combine(pluginFolder, "plugin.json"));
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(manifestPath));
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (JsonElement parameter in manifest.RootElement.GetProperty("parameters").EnumerateArray())
        {
            string name = parameter.GetProperty("name").GetString()!;
            string type = parameter.GetProperty("type").GetString()!;
            JsonElement value = parameter.GetProperty("default");
            if (overrides is { } given && given.TryGetProperty(name, out JsonElement overridden))
            {
                value = overridden;
            }

            values[name] = Convert(type, value);
        }

        return new PluginParameters(values);
    }

    /// <summary>Returns the parameters with overrides given as JSON text, such as <c>{"levels": 8}</c>.</summary>
    public static PluginParameters Build(string pluginFolder, string overridesJson)
    {
        using JsonDocument overrides = JsonDocument.Parse(overridesJson);
        return Build(pluginFolder, overrides.RootElement.Clone());
    }

    private static object Convert(string type, JsonElement value) =>
        type switch
        {
            "integer" => value.GetInt64(),
            "number" => value.GetDouble(),
            "boolean" => value.GetBoolean(),
            "string" => value.GetString()!,
            "integer[]" => value.EnumerateArray().Select(item => item.GetInt64()).ToArray(),
            "number[]" => value.EnumerateArray().Select(item => item.GetDouble()).ToArray(),
            _ => throw new NotSupportedException($"Parameter type '{type}' is not one of the manifest schema's types."),
        };
}
