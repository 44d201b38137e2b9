using System.Runtime.Loader;
using System.Text.Json.Nodes;
using SC2Mid.Core.Plugins;
using SC2Mid.Core.Tests.Support;
using SC2Mid.Sdk;

namespace SC2Mid.Core.Tests.Plugins;

/// <summary>
/// Loads real plugin assemblies built from this repository (the shape plugin and the faulty fixture) from disk,
/// and copies of them with broken manifests or folders.
/// </summary>
public sealed class PluginCatalogTests : IDisposable
{
    private readonly TemporaryFolder _temporary = new();

    private static string ShapeSource => Path.Combine(TestPaths.BundledPlugins, "shape");

    private static string FaultySource => Path.Combine(TestPaths.TestPlugins, "faulty");

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void Load_BundledFolder_LoadsShapePlugin()
    {
        using var catalog = PluginCatalog.Load([TestPaths.BundledPlugins]);

        var shape = catalog.Get("shape");

        Assert.Equal(PluginStatus.Loaded, shape.Status);
        Assert.Empty(shape.Errors);
        Assert.Contains(shape.Features, feature => feature.Name == "shape.area");
        Assert.Matches("^[0-9a-f]{64}$", shape.AssemblySha256);
    }

    [Fact]
    public void Load_Plugin_UsesCollectibleContextAndSharedSdk()
    {
        using var catalog = PluginCatalog.Load([TestPaths.BundledPlugins]);

        var instance = catalog.Get("shape").Instance!;
        var context = AssemblyLoadContext.GetLoadContext(instance.GetType().Assembly)!;

        Assert.True(context.IsCollectible);
        Assert.NotSame(AssemblyLoadContext.Default, context);
        Assert.Same(typeof(IFeaturePlugin).Assembly, instance.GetType().GetInterfaces()
            .Single(type => type.Name == nameof(IFeaturePlugin)).Assembly);
    }

    [Fact]
    public void Load_OwnDependencyVersion_IsIsolated()
    {
        // The host resolves Humanizer.Core 3.x through JsonSchema.Net; the fixture ships 2.14.1.
        var hostMajor = typeof(Humanizer.StringHumanizeExtensions).Assembly.GetName().Version!.Major;
        using var catalog = PluginCatalog.Load([TestPaths.TestPlugins]);
        using var grey = new OpenCvSharp.Mat(4, 4, OpenCvSharp.MatType.CV_8UC1, OpenCvSharp.Scalar.All(0));
        var sample = new Sample("test", 1, grey, grey, 8, grey, Calibration.None);
        var context = new ExtractionContext(PluginParameters.Empty, null, false, CancellationToken.None);

        var features = catalog.Get("owndep").Instance!.Extract(sample, context);

        Assert.Equal(3, hostMajor);
        Assert.Equal(2, Assert.Single(features.Values).Value);
    }

    [Fact]
    public void Load_ManifestFailsSchema_NamesFileAndField()
    {
        var folder = CopyWithManifest(ShapeSource, "bad-id", manifest => manifest["id"] = "Shape-Plugin");

        using var catalog = PluginCatalog.Load([folder]);

        var entry = Assert.Single(catalog.Entries);
        Assert.Equal(PluginStatus.Rejected, entry.Status);
        var error = Assert.Single(entry.Errors);
        Assert.Contains(Path.Combine(folder, "plugin.json"), error, StringComparison.Ordinal);
        Assert.Contains("'/id'", error, StringComparison.Ordinal);
        Assert.Contains("pattern", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ManifestMissingRequiredField_NamesField()
    {
        var folder = CopyWithManifest(ShapeSource, "no-licence", manifest => manifest.Remove("license"));

        using var catalog = PluginCatalog.Load([folder]);

        var error = Assert.Single(Assert.Single(catalog.Entries).Errors);
        Assert.Contains("license", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidJson_ReportsLine()
    {
        var folder = _temporary.CopyFolder(ShapeSource, "broken-json");
        File.WriteAllText(Path.Combine(folder, "plugin.json"), "{\n  \"id\": \"shape\",\n  oops\n}");

        using var catalog = PluginCatalog.Load([folder]);

        var error = Assert.Single(Assert.Single(catalog.Entries).Errors);
        Assert.Contains("invalid JSON at line 3", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HostApiOutOfRange_IsRejected()
    {
        var folder = CopyWithManifest(ShapeSource, "future", manifest =>
            manifest["hostApi"] = new JsonObject { ["minimum"] = "2.0", ["maximumExclusive"] = "3.0" });

        using var catalog = PluginCatalog.Load([folder]);

        var entry = Assert.Single(catalog.Entries);
        Assert.Equal(PluginStatus.Rejected, entry.Status);
        var error = Assert.Single(entry.Errors);
        Assert.Contains("'/hostApi'", error, StringComparison.Ordinal);
        Assert.Contains("2.0", error, StringComparison.Ordinal);
        Assert.Contains(HostApi.Version.ToString(), error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EntryAssemblyMissing_NamesField()
    {
        var folder = CopyWithManifest(ShapeSource, "no-dll", manifest => manifest["entryAssembly"] = "Missing.dll");

        using var catalog = PluginCatalog.Load([folder]);

        var entry = Assert.Single(catalog.Entries);
        Assert.Equal(PluginStatus.Rejected, entry.Status);
        Assert.Contains("'/entryAssembly'", Assert.Single(entry.Errors), StringComparison.Ordinal);
        Assert.Contains("Missing.dll", entry.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FolderCarriesSdkCopy_IsRejected()
    {
        var folder = _temporary.CopyFolder(ShapeSource, "with-sdk");
        File.Copy(typeof(IFeaturePlugin).Assembly.Location, Path.Combine(folder, "SC2Mid.Sdk.dll"));

        using var catalog = PluginCatalog.Load([folder]);

        var entry = Assert.Single(catalog.Entries);
        Assert.Equal(PluginStatus.Rejected, entry.Status);
        Assert.Contains("own copy of the SDK", Assert.Single(entry.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateId_RejectsSecondAndNamesFirst()
    {
        var root = Path.Combine(_temporary.Path, "duplicates");
        Directory.CreateDirectory(root);
        var first = CopyInto(ShapeSource, root, "a-shape");
        var second = CopyInto(ShapeSource, root, "b-shape");

        using var catalog = PluginCatalog.Load([root]);

        Assert.Equal(2, catalog.Entries.Count);
        Assert.Equal(PluginStatus.Loaded, catalog.Entries[0].Status);
        Assert.Equal(first, catalog.Entries[0].Directory);
        Assert.Equal(PluginStatus.Rejected, catalog.Entries[1].Status);
        Assert.Equal(second, catalog.Entries[1].Directory);
        Assert.Contains(Path.Combine(first, "plugin.json"), Assert.Single(catalog.Entries[1].Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BrokenNeighbour_OthersStillLoad()
    {
        var root = Path.Combine(_temporary.Path, "mixed");
        Directory.CreateDirectory(root);
        CopyInto(ShapeSource, root, "1-broken");
        File.WriteAllText(Path.Combine(root, "1-broken", "plugin.json"), "not json");
        CopyInto(ShapeSource, root, "2-shape");
        CopyInto(FaultySource, root, "3-faulty");

        using var catalog = PluginCatalog.Load([root]);

        Assert.Equal(3, catalog.Entries.Count);
        Assert.Equal(PluginStatus.Rejected, catalog.Entries[0].Status);
        Assert.Equal(["shape", "faulty"], catalog.Loaded.Select(entry => entry.Id));
    }

    [Fact]
    public void Load_EntryTypeNotAPlugin_FailsWithCandidates()
    {
        var folder = CopyWithManifest(ShapeSource, "bad-type", manifest => manifest["entryType"] = "No.Such.Type");

        using var catalog = PluginCatalog.Load([folder]);

        var entry = Assert.Single(catalog.Entries);
        Assert.Equal(PluginStatus.Failed, entry.Status);
        Assert.Contains("No.Such.Type", entry.Errors[0], StringComparison.Ordinal);
        Assert.Contains("SC2Mid.Plugins.Shape.ShapePlugin", entry.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FeatureWithoutPluginPrefix_IsRejected()
    {
        var folder = CopyWithManifest(FaultySource, "bad-prefix", manifest =>
            manifest["features"]![0]!["name"] = "other.length");

        using var catalog = PluginCatalog.Load([folder]);

        var error = Assert.Single(Assert.Single(catalog.Entries).Errors);
        Assert.Contains("'/features/0/name'", error, StringComparison.Ordinal);
        Assert.Contains("must start with 'faulty.'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PlaceholderWithoutDynamic_IsRejected()
    {
        var folder = CopyWithManifest(FaultySource, "bad-placeholder", manifest =>
            manifest["features"]![3]!.AsObject().Remove("dynamic"));

        using var catalog = PluginCatalog.Load([folder]);

        var error = Assert.Single(Assert.Single(catalog.Entries).Errors);
        Assert.Contains("'/features/3/name'", error, StringComparison.Ordinal);
        Assert.Contains("\"dynamic\": true", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DynamicWithoutInterface_Fails()
    {
        var folder = CopyWithManifest(ShapeSource, "shape-dynamic", manifest =>
            manifest["features"]!.AsArray().Add(new JsonObject
            {
                ["name"] = "shape.extra.{n}",
                ["dynamic"] = true,
                ["dimension"] = "length",
                ["definition"] = "x",
            }));

        using var catalog = PluginCatalog.Load([folder]);

        var entry = Assert.Single(catalog.Entries);
        Assert.Equal(PluginStatus.Failed, entry.Status);
        Assert.Contains("IDynamicFeaturePlugin", Assert.Single(entry.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DefaultOutOfRange_IsRejected()
    {
        var folder = CopyWithManifest(FaultySource, "bad-default", manifest =>
            manifest["parameters"]![2]!["default"] = 50.0);

        using var catalog = PluginCatalog.Load([folder]);

        var error = Assert.Single(Assert.Single(catalog.Entries).Errors);
        Assert.Contains("'/parameters/2/default'", error, StringComparison.Ordinal);
        Assert.Contains("from 0 to 10", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingRoot_IsSkipped()
    {
        using var catalog = PluginCatalog.Load([Path.Combine(_temporary.Path, "absent"), TestPaths.BundledPlugins]);

        Assert.Contains(catalog.Loaded, entry => entry.Id == "shape");
    }

    [Fact]
    public void Get_UnknownId_ListsLoadedPlugins()
    {
        using var catalog = PluginCatalog.Load([TestPaths.BundledPlugins]);

        var exception = Assert.Throws<KeyNotFoundException>(() => catalog.Get("nope"));

        Assert.Contains("shape", exception.Message, StringComparison.Ordinal);
    }

    private string CopyWithManifest(string source, string name, Action<JsonObject> edit)
    {
        var folder = _temporary.CopyFolder(source, name);
        var path = Path.Combine(folder, "plugin.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(manifest);
        File.WriteAllText(path, manifest.ToJsonString());
        return folder;
    }

    private static string CopyInto(string source, string root, string name)
    {
        var target = Path.Combine(root, name);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }
}
