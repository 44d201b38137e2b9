using System.Text.Json;
using Json.Schema;
using SC2Mid.Plugins.Glcm;
using SC2Mid.Plugins.Hog;

namespace SC2Mid.Texture.Tests.Manifests;

/// <summary>The plugin.json files against the schema, and the staged plugin folders.</summary>
public sealed class TextureManifestTests
{
    // JsonSchema.Net registers a schema under its $id globally and rejects a second registration.
    private static readonly Lazy<JsonSchema> ManifestSchema =
        new(() => JsonSchema.FromFile(RepositoryPaths.Resolve("plugin-manifest.schema.json")));

    public static TheoryData<string, string, Type> Plugins => new()
    {
        { "glcm", "plugins/SC2Mid.Plugins.Glcm", typeof(GlcmPlugin) },
        { "hog", "plugins/SC2Mid.Plugins.Hog", typeof(HogPlugin) },
    };

    [Theory]
    [MemberData(nameof(Plugins))]
    public void Manifest_PluginFolder_ValidatesAgainstSchema(string pluginId, string folder, Type pluginType)
    {
        string path = RepositoryPaths.Resolve(folder + "/plugin.json");
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(path));

        EvaluationResults results = ManifestSchema.Value.Evaluate(
            manifest.RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(results.IsValid, $"{folder}/plugin.json: {JsonSerializer.Serialize(results)}");
        Assert.Equal(pluginId, manifest.RootElement.GetProperty("id").GetString());
        Assert.Equal(pluginType.FullName, manifest.RootElement.GetProperty("entryType").GetString());
        Assert.Equal(
            pluginType.Assembly.GetName().Name + ".dll",
            manifest.RootElement.GetProperty("entryAssembly").GetString());
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void StagedFolder_AfterBuild_HasNativeLibsNotHostAssemblies(
        string pluginId,
        string folder,
        Type pluginType)
    {
        string staged = RepositoryPaths.Resolve($"artifacts/plugins/{pluginId}");

        Assert.True(File.Exists(Path.Combine(staged, "plugin.json")), $"{staged} has no plugin.json ({folder}).");
        Assert.True(File.Exists(Path.Combine(staged, pluginType.Assembly.GetName().Name + ".dll")));
        Assert.True(File.Exists(Path.Combine(staged, "ScottPlot.dll")));
        Assert.True(File.Exists(Path.Combine(staged, "runtimes/linux-x64/native/libSkiaSharp.so")));
        Assert.True(File.Exists(Path.Combine(staged, "runtimes/linux-x64/native/libHarfBuzzSharp.so")));
        Assert.False(
            File.Exists(Path.Combine(staged, "SC2Mid.Sdk.dll")),
            "The host shares the SDK, so it must not be staged.");
        Assert.False(
            File.Exists(Path.Combine(staged, "OpenCvSharp.dll")),
            "The host shares OpenCvSharp, so it must not be staged.");
    }
}
