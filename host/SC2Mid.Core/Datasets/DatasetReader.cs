namespace SC2Mid.Core.Datasets;

/// <summary>Reads a dataset from a folder of images and masks or from a CSV manifest.</summary>
public static class DatasetReader
{
    /// <summary>
    /// Reads the dataset at <paramref name="path"/>: a folder is scanned for images and masks by naming
    /// convention, and a <c>.csv</c> file is read as a manifest with the columns <c>image</c>, <c>mask</c> and
    /// <c>nm_per_px</c>.
    /// </summary>
    /// <exception cref="DatasetException">
    /// The path does not exist or is another kind of file, the folder contains no image or an ambiguous mask pair,
    /// or the manifest is invalid or names a missing file.
    /// </exception>
    public static Dataset Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
        {
            return DatasetFolderScanner.Scan(fullPath);
        }

        if (!File.Exists(fullPath))
        {
            throw new DatasetException(path, null, "Not found. Give a folder of images or a .csv manifest.");
        }

        if (!fullPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            throw new DatasetException(
                path,
                null,
                "This is neither a folder nor a .csv manifest. Give a folder of images, or a CSV file with the "
                + "header image,mask,nm_per_px.");
        }

        return DatasetManifestReader.Read(fullPath);
    }
}
