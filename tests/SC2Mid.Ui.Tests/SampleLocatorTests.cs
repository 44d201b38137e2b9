namespace SC2Mid.Ui.Tests;

public sealed class SampleLocatorTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sc2mid-ui-locator-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Find_NestedBinaryFolder_FindsManifestAbove()
    {
        var binaries = Directory.CreateDirectory(Path.Combine(_root, "host", "SC2Mid.Cli", "bin", "Release", "net10.0"));
        Directory.CreateDirectory(Path.Combine(_root, "samples"));
        File.WriteAllText(Path.Combine(_root, SampleLocator.RelativePath), "image,mask,nm_per_px\n");

        var found = SampleLocator.Find(binaries.FullName);

        Assert.Equal(Path.Combine(_root, SampleLocator.RelativePath), found);
    }

    [Fact]
    public void Find_FirstFolderEmpty_UsesSecond()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_root, "empty"));

        var found = SampleLocator.Find(empty.FullName, Repository.Root);

        Assert.Equal(Path.GetFullPath(Repository.SampleManifest), found);
    }

    [Fact]
    public void Find_TestBinaries_FindRepositorySample()
    {
        Assert.Equal(Path.GetFullPath(Repository.SampleManifest), SampleLocator.Find());
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
