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

    [Fact]
    public void StagedPlugin_AfterBuild_HasModelsAndNoSharedAssemblies()
    {
        // Building this test project builds the plugin, which stages its output to artifacts/plugins/deep.
        string staged = RepositoryPaths.Resolve("artifacts/plugins/deep");

        Assert.True(File.Exists(Path.Combine(staged, "plugin.json")), $"{staged} has no plugin.json.");
        Assert.True(File.Exists(Path.Combine(staged, ModelPreset.ResNet18Model)), "The ResNet18 model is not staged.");
        Assert.True(
            File.Exists(Path.Combine(staged, ModelPreset.ResNet18PreprocessingModel)),
            "The ResNet18 preprocessing model is not staged.");
        Assert.True(
            File.Exists(Path.Combine(staged, "runtimes/linux-x64/native/libonnxruntime.so")),
            "ONNX Runtime's native library for linux-x64 is not staged.");
        Assert.False(File.Exists(Path.Combine(staged, "SC2Mid.Sdk.dll")), "The host's SDK must not be staged.");
        Assert.False(File.Exists(Path.Combine(staged, "OpenCvSharp.dll")), "The host's OpenCvSharp must not be staged.");
    }

    private static JsonDocument Read() => JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Resolve(ManifestPath)));
}
