namespace SC2Mid.Texture.Tests;

/// <summary>Finds files that the tests read in place: test data, sample images and plugin manifests.</summary>
internal static class RepositoryPaths
{
    private const string SolutionFile = "SC2Mid.Platform.sln";

    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>Absolute path of the repository root, the folder that contains the solution file.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>Returns the absolute path of a path given relative to the repository root.</summary>
    public static string Resolve(string relativePath) => Path.GetFullPath(Path.Combine(Root, relativePath));

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder above {AppContext.BaseDirectory} contains {SolutionFile}. "
            + "Run the tests from a build inside the repository.");
    }
}
