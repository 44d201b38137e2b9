using System.Security.Cryptography;
using SC2Mid.Conformance.Tests.Support;
using SC2Mid.Core.Plugins;

namespace SC2Mid.Conformance.Tests.Plugins;

public sealed class PluginLockTests : IDisposable
{
    private readonly TemporaryFolder _temporary = new();

    [Fact]
    public void Load_LockedHashMatches_Loads()
    {
        var folder = _temporary.CopyPlugin(Path.Combine(TestPaths.Fixtures, "undeclared"), "undeclared");
        var lockPath = WriteLock(folder);

        using var catalog = PluginCatalog.Load([folder], pluginLock: PluginLock.Read(lockPath));

        Assert.Equal(PluginStatus.Loaded, catalog.Entries.Single().Status);
    }

    [Fact]
    public void Load_AssemblyChanged_RejectedWithBothHashes()
    {
        var folder = _temporary.CopyPlugin(Path.Combine(TestPaths.Fixtures, "undeclared"), "undeclared");
        var lockPath = WriteLock(folder);
        var assembly = Path.Combine(folder, "SC2Mid.Fixtures.UndeclaredFeature.dll");
        var locked = Sha256Of(assembly);
        File.AppendAllText(assembly, "changed");
        var changed = Sha256Of(assembly);

        using var catalog = PluginCatalog.Load([folder], pluginLock: PluginLock.Read(lockPath));

        var entry = catalog.Entries.Single();
        var error = Assert.Single(entry.Errors);
        Assert.Equal(PluginStatus.Rejected, entry.Status);
        Assert.Null(entry.Instance);
        Assert.Contains(changed, error, StringComparison.Ordinal);
        Assert.Contains(locked, error, StringComparison.Ordinal);
        Assert.Contains(lockPath, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PluginNotInLock_RejectedNamingAdmitted()
    {
        var locked = _temporary.CopyPlugin(Path.Combine(TestPaths.Fixtures, "undeclared"), "undeclared");
        var lockPath = WriteLock(locked);
        var other = _temporary.CopyPlugin(Path.Combine(TestPaths.Fixtures, "callcounter"), "callcounter");

        using var catalog = PluginCatalog.Load([locked, other], pluginLock: PluginLock.Read(lockPath));

        var error = catalog.Entries[1].Errors.Single();
        Assert.Equal(PluginStatus.Loaded, catalog.Entries[0].Status);
        Assert.Equal(PluginStatus.Rejected, catalog.Entries[1].Status);
        Assert.Contains("plugin 'callcounter' is not listed in the lock file", error, StringComparison.Ordinal);
        Assert.Contains("which admits undeclared", error, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteThenRead_KeepsEveryField()
    {
        var folder = _temporary.CopyPlugin(Path.Combine(TestPaths.Fixtures, "callcounter"), "callcounter");
        var lockPath = WriteLock(folder);

        var plugin = Assert.Single(PluginLock.Read(lockPath).Plugins);

        Assert.Equal("callcounter", plugin.Id);
        Assert.Equal("1.0.0", plugin.Version);
        Assert.Equal("SC2Mid.Fixtures.CallCounter.dll", plugin.EntryAssembly);
        Assert.Equal(Sha256Of(Path.Combine(folder, plugin.EntryAssembly)), plugin.AssemblySha256);
    }

    [Theory]
    [InlineData("not json", "invalid JSON at line 1")]
    [InlineData("{ \"formatVersion\": 2, \"plugins\": [] }", "field '/formatVersion' is invalid: expected 1")]
    [InlineData(
        "{ \"formatVersion\": 1, \"plugins\": [ { \"id\": \"shape\", \"assemblySha256\": \"ABC\" } ] }",
        "field '/plugins/0' is invalid")]
    [InlineData(
        "{ \"formatVersion\": 1, \"plugins\": [ { \"id\": \"a\", \"assemblySha256\": \""
        + "0000000000000000000000000000000000000000000000000000000000000000\" }, "
        + "{ \"id\": \"a\", \"assemblySha256\": \""
        + "0000000000000000000000000000000000000000000000000000000000000000\" } ] }",
        "id 'a' occurs twice")]
    public void Read_InvalidFile_NamesFileAndField(string text, string expected)
    {
        var path = Path.Combine(_temporary.Path, "plugins.lock.json");
        File.WriteAllText(path, text);

        var exception = Assert.Throws<FormatException>(() => PluginLock.Read(path));

        Assert.StartsWith(path + ":", exception.Message, StringComparison.Ordinal);
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _temporary.Dispose();

    private static string Sha256Of(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private string WriteLock(string pluginFolder)
    {
        using var catalog = PluginCatalog.Load([pluginFolder]);
        var path = Path.Combine(_temporary.Path, Path.GetFileName(pluginFolder) + ".lock.json");
        PluginLock.Create(catalog.Entries).Write(path);
        return path;
    }
}
