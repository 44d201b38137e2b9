namespace SC2Mid.Ui;

/// <summary>Finds the bundled sample manifest, <c>samples/dataset.csv</c>, for a workbench started without a dataset.</summary>
public static class SampleLocator
{
    /// <summary>Path of the manifest relative to the repository root.</summary>
    public static readonly string RelativePath = Path.Combine("samples", "dataset.csv");

    /// <summary>
    /// Looks for <see cref="RelativePath"/> in the folder of the binaries and each of its parents, then in the
    /// current directory and each of its parents. A build in the repository
    /// (<c>host/SC2Mid.Cli/bin/Release/net10.0</c>) thus finds the repository's copy, and so does a copied binary
    /// started from inside a checkout.
    /// </summary>
    /// <returns>The full path of the first manifest found, or null.</returns>
    public static string? Find() => Find(AppContext.BaseDirectory, Directory.GetCurrentDirectory());

    /// <summary>Looks for <see cref="RelativePath"/> upwards from each start folder in turn.</summary>
    public static string? Find(params string[] startFolders)
    {
        ArgumentNullException.ThrowIfNull(startFolders);
        foreach (var start in startFolders)
        {
            for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, RelativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
