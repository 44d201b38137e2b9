using System.Reflection;

namespace SC2Mid.Ui.Tests;

/// <summary>Paths the build records in the test assembly: the repository, the built CLI and the staged shape plugin.</summary>
internal static class Repository
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    public static string CliAssembly { get; } = Metadata("CliAssembly");

    public static string ShapePluginFolder { get; } = Metadata("ShapePluginFolder");

    public static string SampleManifest => Path.Combine(Root, "samples", "dataset.csv");

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
