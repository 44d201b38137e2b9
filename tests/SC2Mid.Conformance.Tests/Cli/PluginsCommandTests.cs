using SC2Mid.Conformance.Tests.Support;

namespace SC2Mid.Conformance.Tests.Cli;

/// <summary><c>sc2mid plugins validate</c>, <c>plugins lock</c> and <c>--plugin-lock</c>, run as a process.</summary>
public sealed class PluginsCommandTests : IDisposable
{
    private const int PluginError = 4;

    private readonly TemporaryFolder _temporary = new();

    [Fact]
    public void Validate_BundledShape_PrintsChecksAndExitsZero()
    {
        var shape = Path.Combine(TestPaths.BundledPlugins, "shape");

        var (exitCode, output, error) = Sc2mid.Run("plugins", "validate", shape);

        Assert.True(exitCode == 0, output + error);
        Assert.Contains("PASS sample.micrograph", output, StringComparison.Ordinal);
        Assert.Contains("PASS rotation-invariant", output, StringComparison.Ordinal);
        Assert.Contains("shape: conforms", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ThrowsOnEmptyMask_ExitsFour()
    {
        var plugin = Path.Combine(TestPaths.Fixtures, "throwsonempty");

        var (exitCode, output, _) = Sc2mid.Run("plugins", "validate", plugin);

        Assert.Equal(PluginError, exitCode);
        Assert.Contains(
            "FAIL degenerate.empty-mask: empty-mask: Extract threw InvalidOperationException",
            output,
            StringComparison.Ordinal);
        Assert.Contains("throwsonempty: does not conform", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UndeclaredFeature_ExitsFourWithName()
    {
        var (exitCode, output, _) = Sc2mid.Run("plugins", "validate", Path.Combine(TestPaths.Fixtures, "undeclared"));

        Assert.Equal(PluginError, exitCode);
        Assert.Contains(
            "FAIL features.declared: TS_001.133.tif: returned 'undeclared.bonus', which plugin.json does not declare",
            output,
            StringComparison.Ordinal);
    }

    [Fact]
    public void PluginLock_ChangedAssembly_IsRejected()
    {
        var plugin = _temporary.CopyPlugin(Path.Combine(TestPaths.Fixtures, "callcounter"), "callcounter");
        var lockPath = Path.Combine(_temporary.Path, "plugins.lock.json");

        var locked = Sc2mid.Run("plugins", "lock", "--plugins", plugin, "--out", lockPath);
        var before = Sc2mid.Run("plugins", "list", "--plugins", plugin, "--plugin-lock", lockPath);
        File.AppendAllText(Path.Combine(plugin, "SC2Mid.Fixtures.CallCounter.dll"), "changed");
        var after = Sc2mid.Run("plugins", "list", "--plugins", plugin, "--plugin-lock", lockPath);

        Assert.True(locked.ExitCode == 0, locked.Output + locked.Error);
        Assert.Contains("callcounter 1.0.0", locked.Output, StringComparison.Ordinal);
        Assert.Contains("shape ", locked.Output, StringComparison.Ordinal);
        Assert.True(before.ExitCode == 0, before.Output + before.Error);
        Assert.Equal(PluginError, after.ExitCode);
        Assert.Contains("callcounter 1.0.0  rejected", after.Output, StringComparison.Ordinal);
        Assert.Contains("but the lock file", after.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void PluginLock_MissingFile_IsUsageError()
    {
        var missing = Path.Combine(_temporary.Path, "absent.lock.json");

        var (exitCode, _, error) = Sc2mid.Run("plugins", "list", "--plugin-lock", missing);

        Assert.Equal(2, exitCode);
        Assert.Contains($"--plugin-lock: file not found: {missing}", error, StringComparison.Ordinal);
    }

    public void Dispose() => _temporary.Dispose();
}
