namespace SC2Mid.Core.Tests.Support;

/// <summary>Paths of the repository, the staged plugins and the bundled sample data, seen from the test binaries.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Plugins built from this repository and copied beside the test assembly.</summary>
    public static string BundledPlugins => Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>Fixture plugins (tests/fixtures) copied beside the test assembly.</summary>
    public static string TestPlugins => Path.Combine(AppContext.BaseDirectory, "test-plugins");

    public static string CryoEtImage => Path.Combine(RepositoryRoot, "samples", "cryoet", "TS_001.133.tif");

    public static string CryoEtMask => Path.Combine(RepositoryRoot, "samples", "cryoet", "TS_001.133_ground_truth.tif");

    public static string NiaidImage =>
        Path.Combine(RepositoryRoot, "samples", "niaid-tem", "niaid_49534865371_k-1024x800.jpg");

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SC2Mid.Platform.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No SC2Mid.Platform.sln above {AppContext.BaseDirectory}.");
    }
}
