using SC2Mid.Core.Plugins;
using SC2Mid.Ui.Plugins;

namespace SC2Mid.Ui.Tests.Plugins;

public sealed class PluginDescriberTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sc2mid-ui-describer-" + Guid.NewGuid().ToString("N"));

    public PluginDescriberTests()
    {
        // The shape plugin's real manifest, without its assembly: the catalog rejects the folder for that reason.
        Directory.CreateDirectory(_folder);
        File.Copy(
            Path.Combine(Repository.Root, "plugins", "SC2Mid.Plugins.Shape", "plugin.json"),
            Path.Combine(_folder, "plugin.json"));
    }

    [Fact]
    public void Describe_MissingAssembly_ListsReasonFeaturesAndParameters()
    {
        var entry = PluginCatalog.Inspect(_folder);

        var text = PluginDescriber.Describe(entry);

        Assert.Equal(PluginStatus.Rejected, entry.Status);
        Assert.Contains("Not loaded because:", text, StringComparison.Ordinal);
        Assert.Contains("'/entryAssembly' is invalid", text, StringComparison.Ordinal);
        Assert.Contains("shape.area [px^2, nm^2 when calibrated]", text, StringComparison.Ordinal);
        Assert.Contains("Parameters (", text, StringComparison.Ordinal);
        Assert.Contains("Host API:    1.0 to 2.0 (exclusive)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Label_RejectedEntry_NamesIdVersionAndStatus()
    {
        var entry = PluginCatalog.Inspect(_folder);

        Assert.StartsWith("shape ", PluginDescriber.Label(entry), StringComparison.Ordinal);
        Assert.EndsWith("(rejected)", PluginDescriber.Label(entry), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_UnreadableManifest_ShowsErrorsOnly()
    {
        File.WriteAllText(Path.Combine(_folder, "plugin.json"), "{ not json");
        var entry = PluginCatalog.Inspect(_folder);

        var text = PluginDescriber.Describe(entry);

        Assert.Null(entry.Manifest);
        Assert.Contains("Not loaded because:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Features", text, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
