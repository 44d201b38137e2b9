namespace SC2Mid.Core.Datasets;

/// <summary>The file extensions and naming conventions that pair images with ground-truth masks in a folder.</summary>
internal static class DatasetFileNames
{
    /// <summary>How masks are named, for messages.</summary>
    public const string ConventionDescription =
        "NAME_GT.ext, NAME_gt.ext, NAME_mask.ext, NAME_ground_truth.ext, masks/NAME.ext or gt/NAME.ext";

    /// <summary>Extensions of the files taken as images or masks, compared without regard to case.</summary>
    public static IReadOnlyList<string> ImageExtensions { get; } = [".png", ".tif", ".tiff", ".jpg", ".jpeg", ".bmp"];

    /// <summary>Subfolders whose files are masks named like their image, compared without regard to case.</summary>
    public static IReadOnlyList<string> MaskFolderNames { get; } = ["masks", "gt"];

    /// <summary>
    /// Endings of a file name without extension that mark a mask beside its image. They are compared without
    /// regard to case, so <c>_GT</c>, <c>_gt</c> and <c>_Mask</c> all match.
    /// </summary>
    private static readonly string[] MaskSuffixes = ["_ground_truth", "_mask", "_gt"];

    /// <summary>Whether the file has one of <see cref="ImageExtensions"/>.</summary>
    public static bool HasImageExtension(string path) =>
        ImageExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Returns the image name that a mask file beside it belongs to (<c>cell_GT.png</c> gives <c>cell</c>), or
    /// null when the name has no mask suffix or nothing before it.
    /// </summary>
    public static string? MaskBaseName(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        foreach (var suffix in MaskSuffixes)
        {
            if (stem.Length > suffix.Length && stem.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return stem[..^suffix.Length];
            }
        }

        return null;
    }

    /// <summary>
    /// Returns the extension in lower case, spelling <c>.tiff</c> as <c>.tif</c> and <c>.jpeg</c> as <c>.jpg</c>.
    /// </summary>
    public static string CanonicalExtension(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".tiff" => ".tif",
            ".jpeg" => ".jpg",
            _ => extension,
        };
    }
}
