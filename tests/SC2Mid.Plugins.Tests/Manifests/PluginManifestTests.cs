using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using SC2Mid.Plugins.Hu;
using SC2Mid.Plugins.Shape;
using SC2Mid.Sdk;

namespace SC2Mid.Plugins.Tests.Manifests;

/// <summary>Each plugin's <c>plugin.json</c> against the schema, the plugin's output and its staged folder.</summary>
public sealed partial class PluginManifestTests
{
    // JsonSchema.Net registers a schema under its $id globally and rejects a second registration, so the
    // schema is built once per test run.
    private static readonly Lazy<JsonSchema> ManifestSchema =
        new(() => JsonSchema.FromFile(RepositoryPaths.Resolve("plugin-manifest.schema.json")));

    public static TheoryData<string, string> Plugins => new()
    {
        { "shape", "plugins/SC2Mid.Plugins.Shape" },
        { "hu", "plugins/SC2Mid.Plugins.Hu" },
    };

    public static TheoryData<string, string> PluginCases
    {
        get
        {
            var rows = new TheoryData<string, string>();
            string[] caseNames = ["empty", "single_pixel", "square_2x2", "blob_noise", "cryoet_TS_001_133"];
            foreach (string plugin in new[] { "shape", "hu" })
            {
                foreach (string caseName in caseNames)
                {
                    rows.Add(plugin, caseName);
                }
            }

            return rows;
        }
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void Manifest_PluginFolder_ValidatesAgainstSchema(string pluginId, string folder)
    {
        using JsonDocument manifest = ReadManifest(folder);

        EvaluationResults results = ManifestSchema.Value.Evaluate(
            manifest.RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(results.IsValid, $"{folder}/plugin.json: {JsonSerializer.Serialize(results)}");
        Assert.Equal(pluginId, manifest.RootElement.GetProperty("id").GetString());
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void Manifest_EntryType_NamesThePluginClass(string pluginId, string folder)
    {
        Type pluginType = pluginId == "shape" ? typeof(ShapePlugin) : typeof(HuPlugin);
        using JsonDocument manifest = ReadManifest(folder);

        Assert.Equal(pluginType.FullName, manifest.RootElement.GetProperty("entryType").GetString());
        Assert.Equal(
            pluginType.Assembly.GetName().Name + ".dll",
            manifest.RootElement.GetProperty("entryAssembly").GetString());
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void Manifest_EveryFeature_HasDefinitionAndSource(string pluginId, string folder)
    {
        using JsonDocument manifest = ReadManifest(folder);

        foreach (JsonElement feature in manifest.RootElement.GetProperty("features").EnumerateArray())
        {
            string name = feature.GetProperty("name").GetString()!;
            Assert.StartsWith(pluginId + ".", name, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(feature.GetProperty("definition").GetString()), name);
            Assert.True(feature.TryGetProperty("source", out JsonElement source), $"{name} has no source.");
            Assert.False(string.IsNullOrWhiteSpace(source.GetString()), name);
        }
    }

    [Fact]
    public void Manifest_ScikitImageVersions_MatchReferenceData()
    {
        using JsonDocument manifest = ReadManifest("plugins/SC2Mid.Plugins.Shape");
        string referenceVersion = ReferenceData.Versions["scikit-image"];

        foreach (JsonElement feature in manifest.RootElement.GetProperty("features").EnumerateArray())
        {
            foreach (Match match in ScikitImageVersion().Matches(feature.GetProperty("source").GetString()!))
            {
                Assert.Equal(referenceVersion, match.Groups["version"].Value);
            }
        }
    }

    [Theory]
    [MemberData(nameof(PluginCases))]
    public void Extract_ReferenceMask_ReturnsExactlyManifestFeatures(string pluginId, string caseName)
    {
        string folder = pluginId == "shape" ? "plugins/SC2Mid.Plugins.Shape" : "plugins/SC2Mid.Plugins.Hu";
        using JsonDocument manifest = ReadManifest(folder);
        FeatureSet features = pluginId == "shape"
            ? ReferenceExtractions.Get<ShapePlugin>(caseName)
            : ReferenceExtractions.Get<HuPlugin>(caseName);

        Assert.Equal(DeclaredFeatureNames(manifest.RootElement), features.Values.Select(value => value.Name).ToList());
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void StagedPlugin_AfterBuild_HasManifestAndNoSharedAssemblies(string pluginId, string folder)
    {
        // Building this test project builds the plugin projects, whose StagePlugin target fills the folder.
        string staged = RepositoryPaths.Resolve($"artifacts/plugins/{pluginId}");
        using JsonDocument manifest = ReadManifest(folder);
        string entryAssembly = manifest.RootElement.GetProperty("entryAssembly").GetString()!;

        Assert.True(File.Exists(Path.Combine(staged, "plugin.json")), $"{staged} has no plugin.json.");
        Assert.True(File.Exists(Path.Combine(staged, entryAssembly)), $"{staged} has no {entryAssembly}.");
        Assert.False(File.Exists(Path.Combine(staged, "SC2Mid.Sdk.dll")), $"{staged} contains SC2Mid.Sdk.dll.");
        Assert.False(File.Exists(Path.Combine(staged, "OpenCvSharp.dll")), $"{staged} contains OpenCvSharp.dll.");
        Assert.Equal(
            File.ReadAllText(RepositoryPaths.Resolve($"{folder}/plugin.json")),
            File.ReadAllText(Path.Combine(staged, "plugin.json")));
    }

    /// <summary>Expands names with <c>{i}</c> to 1..count, as the host does.</summary>
    private static List<string> DeclaredFeatureNames(JsonElement manifest)
    {
        var names = new List<string>();
        foreach (JsonElement feature in manifest.GetProperty("features").EnumerateArray())
        {
            string name = feature.GetProperty("name").GetString()!;
            if (!feature.TryGetProperty("count", out JsonElement count))
            {
                names.Add(name);
                continue;
            }

            for (int i = 1; i <= count.GetInt32(); i++)
            {
                names.Add(name.Replace("{i}", i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
            }
        }

        return names;
    }

    private static JsonDocument ReadManifest(string folder) =>
        JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Resolve($"{folder}/plugin.json")));

    [GeneratedRegex(@"scikit-image (?<version>\d+\.\d+\.\d+)")]
    private static partial Regex ScikitImageVersion();
}
