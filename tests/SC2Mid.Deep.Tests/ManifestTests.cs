using System.Text.Json;
using Json.Schema;
using SC2Mid.Deep.Tests.Support;
using SC2Mid.Plugins.Deep;

namespace SC2Mid.Deep.Tests;

/// <summary>The deep plugin's <c>plugin.json</c> against the schema, its entry type and the test defaults.</summary>
public sealed class ManifestTests
{
    private const string ManifestPath = "plugins/SC2Mid.Plugins.Deep/plugin.json";

    [Fact]
    public void Manifest_DeepPlugin_ValidatesAgainstSchema()
    {
        var schema = JsonSchema.FromFile(RepositoryPaths.Resolve("plugin-manifest.schema.json"));
        using JsonDocument manifest = Read();

        EvaluationResults results = schema.Evaluate(
            manifest.RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(results.IsValid, $"{ManifestPath}: {JsonSerializer.Serialize(results)}");
    }

    [Fact]
    public void Manifest_EntryType_NamesThePluginClass()
    {
        using JsonDocument manifest = Read();

        Assert.Equal(typeof(DeepPlugin).FullName, manifest.RootElement.GetProperty("entryType").GetString());
        Assert.Equal("deep", manifest.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public void Manifest_Defaults_MatchTestParameters()
    {
        using JsonDocument manifest = Read();
        IReadOnlyDictionary<string, object> expected = DeepContext.Parameters().Values;

        var declared = manifest.RootElement.GetProperty("parameters").EnumerateArray()
            .ToDictionary(parameter => parameter.GetProperty("name").GetString()!, parameter => parameter);

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), declared.Keys.Order(StringComparer.Ordinal));
        foreach ((string name, object value) in expected)
        {
            JsonElement defaultValue = declared[name].GetProperty("default");
            object actual = defaultValue.ValueKind == JsonValueKind.Number ? defaultValue.GetInt64() : defaultValue.GetString()!;
            Assert.Equal(value, actual);
        }
    }

    [Fact]
    public void Manifest_ModelValues_MatchPresets()
    {
        using JsonDocument manifest = Read();

        JsonElement model = manifest.RootElement.GetProperty("parameters").EnumerateArray()
            .Single(parameter => parameter.GetProperty("name").GetString() == "model");
        string[] values = model.GetProperty("values").EnumerateArray().Select(value => value.GetString()!).ToArray();

        Assert.Equal(ModelPreset.All.Keys.Order(StringComparer.Ordinal), values.Order(StringComparer.Ordinal));
    }

    private static JsonDocument Read() => JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Resolve(ManifestPath)));
}
