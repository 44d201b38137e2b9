using System.Reflection;

namespace SC2Mid.Conformance.Tests.Support;

/// <summary>Paths of the repository, the staged plugins and the built sc2mid, seen from the test binaries.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string CliAssembly { get; } = Metadata("CliAssembly");

    /// <summary>Plugins built from this repository and copied beside the test assembly.</summary>
    public static string BundledPlugins => Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>Fixture plugins of tests/fixtures/Conformance, copied beside the test assembly.</summary>
    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "conformance-fixtures");

    public static string CryoEtImage => Path.Combine(RepositoryRoot, "samples", "cryoet", "TS_001.133.tif");

    public static string CryoEtMask => Path.Combine(RepositoryRoot, "samples", "cryoet", "TS_001.133_ground_truth.tif");

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
