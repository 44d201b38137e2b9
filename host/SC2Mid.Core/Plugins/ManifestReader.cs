using System.Text.Json;
using Json.Schema;

namespace SC2Mid.Core.Plugins;

/// <summary>
/// Reads <c>plugin.json</c> files: JSON syntax, then <c>plugin-manifest.schema.json</c> (draft 2020-12), then the
/// rules a schema cannot express. Every error names the file, the field and what would be valid.
/// </summary>
public static class ManifestReader
{
    /// <summary>File name of a plugin manifest inside a plugin folder.</summary>
    public const string FileName = "plugin.json";

    private static readonly Lazy<JsonSchema> Schema = new(LoadSchema);

    /// <summary>Reads and checks one manifest.</summary>
    /// <param name="path">Path of the <c>plugin.json</c> file.</param>
    /// <returns>The manifest, or null with at least one error.</returns>
    public static (PluginManifest? Manifest, IReadOnlyList<string> Errors) Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException exception)
        {
            return (null, [$"{path}: cannot read the manifest: {exception.Message}"]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException exception)
        {
            return (null, [$"{path}: invalid JSON at line {exception.LineNumber + 1}: {exception.Message}"]);
        }

        using (document)
        {
            var schemaErrors = Validate(path, document.RootElement);
            if (schemaErrors.Count > 0)
            {
                return (null, schemaErrors);
            }

            var manifest = document.RootElement.Deserialize<PluginManifest>(PluginManifest.SerializerOptions)!;
            var ruleErrors = ManifestRules.Check(path, manifest);
            return ruleErrors.Count > 0 ? (null, ruleErrors) : (manifest, []);
        }
    }

    private static List<string> Validate(string path, JsonElement root)
    {
        var results = Schema.Value.Evaluate(root, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        var errors = new List<string>();
        foreach (var detail in results.Details ?? [])
        {
            if (detail.Errors is null)
            {
                continue;
            }

            var field = detail.InstanceLocation.ToString();
            foreach (var (keyword, message) in detail.Errors)
            {
                // "if"/"then" and "$ref" wrappers repeat the errors of the keywords inside them.
                if (keyword is "if" or "then" or "$ref" or "allOf" or "items")
                {
                    continue;
                }

                errors.Add($"{path}: field '{(field.Length == 0 ? "/" : field)}' is invalid ({keyword}): {message}");
            }
        }

        if (errors.Count == 0)
        {
            errors.Add($"{path}: the manifest does not match plugin-manifest.schema.json.");
        }

        return errors.Distinct(StringComparer.Ordinal).ToList();
    }

    private static JsonSchema LoadSchema()
    {
        using var stream = typeof(ManifestReader).Assembly.GetManifestResourceStream("plugin-manifest.schema.json")
            ?? throw new InvalidOperationException("The manifest schema is not embedded in SC2Mid.Core.");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromText(reader.ReadToEnd());
    }
}
