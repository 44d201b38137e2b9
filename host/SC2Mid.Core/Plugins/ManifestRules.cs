using System.Globalization;
using System.Text.Json;

namespace SC2Mid.Core.Plugins;

/// <summary>Manifest rules that the JSON schema cannot express: prefixes, unique names, defaults in range.</summary>
internal static class ManifestRules
{
    public static List<string> Check(string path, PluginManifest manifest)
    {
        var errors = new List<string>();
        CheckHostApi(path, manifest, errors);
        CheckFeatures(path, manifest, errors);
        CheckParameters(path, manifest, errors);
        return errors;
    }

    private static void CheckHostApi(string path, PluginManifest manifest, List<string> errors)
    {
        var minimum = Version.Parse(manifest.HostApi.Minimum);
        var maximum = Version.Parse(manifest.HostApi.MaximumExclusive);
        if (maximum <= minimum)
        {
            errors.Add(
                $"{path}: field '/hostApi' is invalid: maximumExclusive {maximum} must be greater than minimum {minimum}.");
        }
    }

    private static void CheckFeatures(string path, PluginManifest manifest, List<string> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < manifest.Features.Count; i++)
        {
            var feature = manifest.Features[i];
            var field = $"/features/{i}/name";
            if (!feature.Name.StartsWith(manifest.Id + ".", StringComparison.Ordinal))
            {
                errors.Add($"{path}: field '{field}' is invalid: '{feature.Name}' must start with '{manifest.Id}.'.");
            }

            if (feature.Dynamic)
            {
                continue;
            }

            if (feature.Name.Replace("{i}", string.Empty, StringComparison.Ordinal).Contains('{', StringComparison.Ordinal))
            {
                errors.Add(
                    $"{path}: field '{field}' is invalid: only dynamic features may use placeholders other than '{{i}}'; "
                    + "add \"dynamic\": true or use '{i}' with 'count'.");
                continue;
            }

            var hasPlaceholder = feature.Name.Contains("{i}", StringComparison.Ordinal);
            if (hasPlaceholder != feature.Count.HasValue)
            {
                errors.Add(
                    $"{path}: field '{field}' is invalid: a name with '{{i}}' needs 'count', and 'count' needs '{{i}}'.");
                continue;
            }

            foreach (var expanded in feature.Expand(manifest.Id))
            {
                if (!seen.Add(expanded.Name))
                {
                    errors.Add($"{path}: field '{field}' is invalid: feature '{expanded.Name}' is declared twice.");
                }
            }
        }
    }

    private static void CheckParameters(string path, PluginManifest manifest, List<string> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < manifest.Parameters.Count; i++)
        {
            var parameter = manifest.Parameters[i];
            if (!seen.Add(parameter.Name))
            {
                errors.Add($"{path}: field '/parameters/{i}/name' is invalid: '{parameter.Name}' is declared twice.");
                continue;
            }

            try
            {
                ParameterBinder.ConvertDefault(parameter);
            }
            catch (FormatException exception)
            {
                errors.Add($"{path}: field '/parameters/{i}/default' is invalid: {exception.Message}");
            }
        }
    }

    internal static string Describe(JsonElement element) =>
        element.ValueKind == JsonValueKind.String
            ? element.GetString()!
            : element.GetRawText().ToString(CultureInfo.InvariantCulture);
}
