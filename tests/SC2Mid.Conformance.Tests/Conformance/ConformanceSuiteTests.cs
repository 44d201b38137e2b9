using System.Text.Json.Nodes;
using SC2Mid.Conformance.Tests.Support;
using SC2Mid.Core.Conformance;
using SC2Mid.Core.Plugins;

namespace SC2Mid.Conformance.Tests.Conformance;

public sealed class ConformanceSuiteTests : IDisposable
{
    private readonly TemporaryFolder _temporary = new();

    private static ConformanceSuite Suite => new(new ConformanceOptions(TestPaths.CryoEtImage, TestPaths.CryoEtMask));

    [Theory]
    [InlineData("shape")]
    [InlineData("hu")]
    [InlineData("glcm")]
    [InlineData("hog")]
    [InlineData("deep")]
    public void Run_BundledPlugin_Conforms(string id)
    {
        using var catalog = PluginCatalog.Load([Path.Combine(TestPaths.BundledPlugins, id)]);

        var report = Suite.Run(catalog.Entries.Single());

        Assert.True(report.Passed, Describe(report));
        Assert.Equal(ConformanceOutcome.Passed, Check(report, "sample.micrograph").Outcome);
        Assert.Equal(ConformanceOutcome.Passed, Check(report, "degenerate.empty-mask").Outcome);
    }

    [Theory]
    [InlineData("shape")]
    [InlineData("hu")]
    public void Run_ShapeAndHu_CheckRotationInvariance(string id)
    {
        using var catalog = PluginCatalog.Load([Path.Combine(TestPaths.BundledPlugins, id)]);

        var rotation = Check(Suite.Run(catalog.Entries.Single()), "rotation-invariant");

        Assert.Equal(ConformanceOutcome.Passed, rotation.Outcome);
    }

    [Fact]
    public void Run_UndeclaredFeature_FailsWithName()
    {
        using var catalog = PluginCatalog.Load([Path.Combine(TestPaths.Fixtures, "undeclared")]);

        var report = Suite.Run(catalog.Entries.Single());

        var declared = Check(report, "features.declared");
        Assert.False(report.Passed);
        Assert.Equal(ConformanceOutcome.Failed, declared.Outcome);
        Assert.Contains(
            "returned 'undeclared.bonus', which plugin.json does not declare",
            declared.Detail,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ThrowsOnEmptyMask_FailsWithReason()
    {
        using var catalog = PluginCatalog.Load([Path.Combine(TestPaths.Fixtures, "throwsonempty")]);

        var report = Suite.Run(catalog.Entries.Single());

        var empty = Check(report, "degenerate.empty-mask");
        Assert.False(report.Passed);
        Assert.Equal(ConformanceOutcome.Failed, empty.Outcome);
        Assert.Contains(
            "Extract threw InvalidOperationException: The mean of zero pixels is undefined.",
            empty.Detail,
            StringComparison.Ordinal);
        Assert.Equal(ConformanceOutcome.Passed, Check(report, "degenerate.one-pixel").Outcome);
        Assert.Equal(ConformanceOutcome.Passed, Check(report, "features.declared").Outcome);
    }

    [Fact]
    public void Run_StatefulPlugin_FailsDeterminismAndThreads()
    {
        using var catalog = PluginCatalog.Load([Path.Combine(TestPaths.Fixtures, "callcounter")]);

        var report = Suite.Run(catalog.Entries.Single());

        var deterministic = Check(report, "deterministic");
        Assert.Equal(ConformanceOutcome.Failed, deterministic.Outcome);
        Assert.Contains("'callcounter.calls' was", deterministic.Detail, StringComparison.Ordinal);
        Assert.Equal(ConformanceOutcome.Failed, Check(report, "thread-safe").Outcome);
    }

    [Fact]
    public void Run_OrientationMarkedInvariant_FailsRotation()
    {
        var folder = _temporary.CopyPlugin(Path.Combine(TestPaths.BundledPlugins, "shape"), "shape");
        var manifestPath = Path.Combine(folder, "plugin.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        var orientation = manifest["features"]!.AsArray().Single(f => (string?)f!["name"] == "shape.orientation")!;
        orientation["rotationInvariant"] = true;
        File.WriteAllText(manifestPath, manifest.ToJsonString());
        using var catalog = PluginCatalog.Load([folder]);

        var rotation = Check(Suite.Run(catalog.Entries.Single()), "rotation-invariant");

        Assert.Equal(ConformanceOutcome.Failed, rotation.Outcome);
        Assert.Contains("'shape.orientation' was", rotation.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("'shape.area'", rotation.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CallTimesOut_FailsAndStopsCalling()
    {
        using var catalog = PluginCatalog.Load([Path.Combine(TestPaths.Fixtures, "hangs")]);
        var suite = new ConformanceSuite(new ConformanceOptions(CallTimeoutSeconds: 1));

        var report = suite.Run(catalog.Entries.Single());

        var onePixel = Check(report, "degenerate.one-pixel");
        var line = Check(report, "degenerate.one-pixel-line");
        Assert.Equal(ConformanceOutcome.Passed, Check(report, "degenerate.empty-mask").Outcome);
        Assert.Equal(ConformanceOutcome.Failed, onePixel.Outcome);
        Assert.Contains("Extract did not return within 1 s", onePixel.Detail, StringComparison.Ordinal);
        Assert.Equal(ConformanceOutcome.Failed, line.Outcome);
        Assert.Contains("not run, because an earlier Extract call", line.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RejectedManifest_FailsManifestOnly()
    {
        var folder = _temporary.CopyPlugin(Path.Combine(TestPaths.BundledPlugins, "hu"), "hu");
        File.WriteAllText(Path.Combine(folder, "plugin.json"), "{ \"id\": \"hu\" }");
        using var catalog = PluginCatalog.Load([folder]);

        var report = Suite.Run(catalog.Entries.Single());

        var manifest = Assert.Single(report.Checks);
        Assert.Equal("manifest", manifest.Name);
        Assert.Equal(ConformanceOutcome.Failed, manifest.Outcome);
        Assert.Contains("plugin.json", manifest.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoMicrograph_SkipsItAndStillChecks()
    {
        using var catalog = PluginCatalog.Load([Path.Combine(TestPaths.BundledPlugins, "hu")]);

        var report = new ConformanceSuite().Run(catalog.Entries.Single());

        Assert.True(report.Passed, Describe(report));
        Assert.Equal(ConformanceOutcome.Skipped, Check(report, "sample.micrograph").Outcome);
        Assert.Contains("ellipse", Check(report, "features.declared").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void FindRepositorySample_FindsCryoEtImage()
    {
        var options = ConformanceOptions.FindRepositorySample(AppContext.BaseDirectory);

        Assert.Equal(Path.GetFullPath(TestPaths.CryoEtImage), options.ImagePath);
        Assert.Equal(Path.GetFullPath(TestPaths.CryoEtMask), options.MaskPath);
    }

    [Fact]
    public void Manifest_RotationInvariant_ReachesDescriptors()
    {
        using var catalog = PluginCatalog.Load([Path.Combine(TestPaths.BundledPlugins, "shape")]);
        var features = catalog.Entries.Single().Features.ToDictionary(feature => feature.Name);

        Assert.True(features["shape.area"].RotationInvariant);
        Assert.True(features["shape.eccentricity"].RotationInvariant);
        Assert.False(features["shape.orientation"].RotationInvariant);
    }

    public void Dispose() => _temporary.Dispose();

    private static ConformanceCheck Check(ConformanceReport report, string name) =>
        report.Checks.SingleOrDefault(check => check.Name == name)
        ?? throw new InvalidOperationException($"No check named {name}; report: {Describe(report)}");

    private static string Describe(ConformanceReport report) =>
        string.Join(
            Environment.NewLine,
            report.Checks.Select(check => $"{check.Outcome} {check.Name}: {check.Detail}"));
}
