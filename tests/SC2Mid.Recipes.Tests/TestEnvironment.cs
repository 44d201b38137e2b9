using System.Reflection;

namespace SC2Mid.Recipes.Tests;

/// <summary>Paths of the repository, its samples and scripts, and the built sc2mid, from assembly metadata.</summary>
internal static class TestEnvironment
{
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string CliAssembly { get; } = Metadata("CliAssembly");

    public static string Script(string name) => Path.Combine(RepositoryRoot, "scripts", name);

    public static string Sample(params string[] parts) => Path.Combine([RepositoryRoot, "samples", .. parts]);

    private static string Metadata(string key) =>
        typeof(TestEnvironment).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == key)
            .Value!;
}
