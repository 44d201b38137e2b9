using System.Globalization;
using System.Text.Json;
using SC2Mid.Sdk;

namespace SC2Mid.Core.Plugins;

/// <summary>Turns manifest defaults and <c>--set PLUGIN.PARAM=VALUE</c> texts into typed, range-checked values.</summary>
public static class ParameterBinder
{
    /// <summary>Builds a plugin's parameters from its defaults and the user's overrides.</summary>
    /// <param name="manifest">The plugin's manifest.</param>
    /// <param name="overrides">Values by parameter name, as typed by the user (arrays comma-separated).</param>
    /// <exception cref="FormatException">
    /// An override names an undeclared parameter, or its value has the wrong type or lies outside the range.
    /// </exception>
    public static PluginParameters Bind(PluginManifest manifest, IReadOnlyDictionary<string, string> overrides)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(overrides);
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var parameter in manifest.Parameters)
        {
            values[parameter.Name] = ConvertDefault(parameter);
        }

        foreach (var (name, text) in overrides)
        {
            var parameter = manifest.Parameters.FirstOrDefault(p => p.Name == name);
            if (parameter is null)
            {
                var known = manifest.Parameters.Count == 0
                    ? "it has no parameters"
                    : "its parameters are " + string.Join(", ", manifest.Parameters.Select(p => p.Name));
                throw new FormatException($"Plugin '{manifest.Id}' has no parameter '{name}'; {known}.");
            }

            values[name] = ConvertText(manifest.Id, parameter, text);
        }

        return new PluginParameters(values);
    }

    /// <summary>Converts a manifest default to its typed value and checks its range.</summary>
    /// <exception cref="FormatException">The default has the wrong type or lies outside the range.</exception>
    public static object ConvertDefault(ManifestParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var text = parameter.Default.ValueKind == JsonValueKind.Array
            ? string.Join(",", parameter.Default.EnumerateArray().Select(ManifestRules.Describe))
            : ManifestRules.Describe(parameter.Default);
        return ConvertText("default", parameter, text);
    }

    private static object ConvertText(string owner, ManifestParameter parameter, string text)
    {
        object value = parameter.Type switch
        {
            "integer" => ParseInteger(owner, parameter, text),
            "number" => ParseNumber(owner, parameter, text),
            "boolean" => ParseBoolean(owner, parameter, text),
            "string" => ParseString(owner, parameter, text),
            "integer[]" => SplitList(text).Select(item => ParseInteger(owner, parameter, item)).ToArray(),
            "number[]" => SplitList(text).Select(item => ParseNumber(owner, parameter, item)).ToArray(),
            _ => throw new FormatException($"Parameter '{parameter.Name}' has unknown type '{parameter.Type}'."),
        };
        return value;
    }

    private static string[] SplitList(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static long ParseInteger(string owner, ManifestParameter parameter, string text)
    {
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw Invalid(owner, parameter, text, "an integer");
        }

        CheckRange(owner, parameter, value, text);
        return value;
    }

    private static double ParseNumber(string owner, ManifestParameter parameter, string text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            throw Invalid(owner, parameter, text, "a finite number such as 0.5");
        }

        CheckRange(owner, parameter, value, text);
        return value;
    }

    private static bool ParseBoolean(string owner, ManifestParameter parameter, string text) =>
        bool.TryParse(text, out var value) ? value : throw Invalid(owner, parameter, text, "true or false");

    private static string ParseString(string owner, ManifestParameter parameter, string text)
    {
        if (parameter.Values is { Count: > 0 } allowed && !allowed.Contains(text, StringComparer.Ordinal))
        {
            throw Invalid(owner, parameter, text, "one of " + string.Join(", ", allowed));
        }

        return text;
    }

    private static void CheckRange(string owner, ManifestParameter parameter, double value, string text)
    {
        if ((parameter.Minimum is { } minimum && value < minimum) || (parameter.Maximum is { } maximum && value > maximum))
        {
            var low = parameter.Minimum?.ToString(CultureInfo.InvariantCulture) ?? "-inf";
            var high = parameter.Maximum?.ToString(CultureInfo.InvariantCulture) ?? "+inf";
            var range = $"from {low} to {high}";
            throw Invalid(owner, parameter, text, "a value " + range);
        }
    }

    private static FormatException Invalid(string owner, ManifestParameter parameter, string text, string expected)
    {
        var unit = parameter.Unit is null ? string.Empty : $" (unit: {parameter.Unit})";
        return new FormatException(
            $"Invalid value '{text}' for {owner}.{parameter.Name} ({parameter.Type}): expected {expected}{unit}.");
    }
}
