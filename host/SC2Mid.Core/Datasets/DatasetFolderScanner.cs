namespace SC2Mid.Core.Datasets;

/// <summary>
/// Lists the images of a folder and pairs each with its mask by <see cref="DatasetFileNames"/> conventions.
/// </summary>
/// <remarks>
/// Only the folder itself and its <c>masks</c> and <c>gt</c> subfolders are read. Files whose names start with
/// a dot (hidden files, macOS <c>._</c> resource forks) are skipped with a warning. Image names are matched to
/// mask names by ordinal comparison, so <c>Cell.png</c> and <c>cell_GT.png</c> do not pair.
/// </remarks>
internal static class DatasetFolderScanner
{
    /// <summary>Scans <paramref name="folder"/>, which must exist.</summary>
    /// <exception cref="DatasetException">
    /// The folder cannot be read, contains no image, or an image has several candidate masks.
    /// </exception>
    public static Dataset Scan(string folder)
    {
        var warnings = new List<string>();
        var images = new List<string>();
        var candidates = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var hiddenCount = 0;

        foreach (var file in ListImageFiles(folder))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith('.'))
            {
                hiddenCount++;
            }
            else if (DatasetFileNames.MaskBaseName(name) is { } baseName)
            {
                AddCandidate(candidates, baseName, file);
            }
            else
            {
                images.Add(file);
            }
        }

        foreach (var maskFolder in ListMaskFolders(folder))
        {
            foreach (var file in ListImageFiles(maskFolder))
            {
                if (Path.GetFileName(file).StartsWith('.'))
                {
                    hiddenCount++;
                }
                else
                {
                    AddCandidate(candidates, Path.GetFileNameWithoutExtension(file), file);
                }
            }
        }

        if (images.Count == 0)
        {
            throw new DatasetException(
                folder,
                null,
                $"No images found. Expected files ending in {string.Join(", ", DatasetFileNames.ImageExtensions)} "
                + $"directly in this folder; files named as masks ({DatasetFileNames.ConventionDescription}) are "
                + "not images, and other subfolders are not searched.");
        }

        var items = PairImagesWithMasks(images, candidates, out var unmasked, out var usedMasks);
        AddWarnings(warnings, items.Count, unmasked, candidates, usedMasks, hiddenCount);
        return new Dataset(folder, items, warnings);
    }

    private static List<DatasetItem> PairImagesWithMasks(
        List<string> images,
        Dictionary<string, List<string>> candidates,
        out List<string> unmasked,
        out HashSet<string> usedMasks)
    {
        var items = new List<DatasetItem>();
        unmasked = [];
        usedMasks = new HashSet<string>(StringComparer.Ordinal);
        foreach (var image in images)
        {
            var imageId = Path.GetFileName(image);
            var stem = Path.GetFileNameWithoutExtension(image);
            var mask = candidates.TryGetValue(stem, out var masks) ? ChooseMask(image, masks) : null;
            if (mask is null)
            {
                unmasked.Add(imageId);
            }
            else
            {
                usedMasks.Add(mask);
            }

            items.Add(new DatasetItem(imageId, image, mask, Calibration: null));
        }

        items.Sort((a, b) => string.CompareOrdinal(a.ImageId, b.ImageId));
        unmasked.Sort(StringComparer.Ordinal);
        return items;
    }

    /// <summary>
    /// Picks the only candidate, or else the only one with the image's extension, so that <c>a.tif</c> and
    /// <c>a.png</c> pair with <c>a_GT.tif</c> and <c>a_GT.png</c>. Any other case is ambiguous.
    /// </summary>
    private static string ChooseMask(string image, List<string> masks)
    {
        if (masks.Count == 1)
        {
            return masks[0];
        }

        var extension = DatasetFileNames.CanonicalExtension(image);
        var sameExtension = masks.Where(m => DatasetFileNames.CanonicalExtension(m) == extension).ToList();
        if (sameExtension.Count == 1)
        {
            return sameExtension[0];
        }

        var conflicting = sameExtension.Count > 1 ? sameExtension : masks;
        conflicting.Sort(StringComparer.Ordinal);
        throw new DatasetException(
            image,
            null,
            $"Several mask files match this image: {string.Join(", ", conflicting)}. "
            + "Keep one of them, or rename or move the others.");
    }

    private static void AddWarnings(
        List<string> warnings,
        int imageCount,
        List<string> unmasked,
        Dictionary<string, List<string>> candidates,
        HashSet<string> usedMasks,
        int hiddenCount)
    {
        if (unmasked.Count > 0)
        {
            warnings.Add(
                $"{unmasked.Count} of {imageCount} images have no mask and are listed without one: "
                + $"{DatasetWarnings.ListNames(unmasked)}. "
                + $"Masks are found as {DatasetFileNames.ConventionDescription}.");
        }

        var unusedMasks = candidates.Values
            .SelectMany(masks => masks)
            .Where(mask => !usedMasks.Contains(mask))
            .Select(mask => Path.GetFileName(mask))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (unusedMasks.Count > 0)
        {
            warnings.Add(
                $"{unusedMasks.Count} mask files match no image and are ignored: "
                + $"{DatasetWarnings.ListNames(unusedMasks)}.");
        }

        if (hiddenCount > 0)
        {
            warnings.Add($"{hiddenCount} hidden files (names starting with '.') were skipped.");
        }
    }

    private static void AddCandidate(Dictionary<string, List<string>> candidates, string baseName, string file)
    {
        if (!candidates.TryGetValue(baseName, out var masks))
        {
            masks = [];
            candidates[baseName] = masks;
        }

        masks.Add(file);
    }

    private static List<string> ListImageFiles(string folder)
    {
        try
        {
            return Directory.EnumerateFiles(folder).Where(DatasetFileNames.HasImageExtension).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatasetException(folder, null, $"The folder could not be listed: {e.Message}", e);
        }
    }

    private static bool IsMaskFolder(string folder) =>
        DatasetFileNames.MaskFolderNames.Contains(Path.GetFileName(folder), StringComparer.OrdinalIgnoreCase);

    private static List<string> ListMaskFolders(string folder)
    {
        try
        {
            return Directory.EnumerateDirectories(folder)
                .Where(IsMaskFolder)
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatasetException(folder, null, $"The folder could not be listed: {e.Message}", e);
        }
    }
}
