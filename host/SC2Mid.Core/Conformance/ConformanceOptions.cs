namespace SC2Mid.Core.Conformance;

/// <summary>Inputs and limits of a conformance run.</summary>
/// <param name="ImagePath">
/// A real micrograph to extract, or null to use only synthetic samples. The repository ships
/// <c>samples/cryoet/TS_001.133.tif</c>; <see cref="FindRepositorySample"/> looks for it.
/// </param>
/// <param name="MaskPath">The ground-truth mask of <paramref name="ImagePath"/>.</param>
/// <param name="Threads">Concurrent <c>Extract</c> calls in the thread-safety check (at least 2).</param>
/// <param name="CallTimeoutSeconds">
/// Maximum time in seconds one <c>Extract</c> call may take. A call that takes longer fails its check, and every
/// later check fails without calling the plugin again, because the hung call still runs.
/// </param>
public sealed record ConformanceOptions(
    string? ImagePath = null,
    string? MaskPath = null,
    int Threads = 4,
    double CallTimeoutSeconds = 120)
{
    /// <summary>Path of the bundled cryo-ET image, relative to the repository root.</summary>
    public const string SampleImage = "samples/cryoet/TS_001.133.tif";

    /// <summary>Path of its ground-truth mask, relative to the repository root.</summary>
    public const string SampleMask = "samples/cryoet/TS_001.133_ground_truth.tif";

    /// <summary>
    /// Looks for the bundled cryo-ET sample in each folder and its parents, and returns options that use it, or
    /// options without a real sample when none of the folders lies inside a copy of the repository.
    /// </summary>
    /// <param name="startFolders">Folders to search from, for example the current folder and the host's folder.</param>
    public static ConformanceOptions FindRepositorySample(params string[] startFolders)
    {
        ArgumentNullException.ThrowIfNull(startFolders);
        foreach (var start in startFolders)
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var image = Path.Combine(folder.FullName, SampleImage);
                var mask = Path.Combine(folder.FullName, SampleMask);
                if (File.Exists(image) && File.Exists(mask))
                {
                    return new ConformanceOptions(image, mask);
                }
            }
        }

        return new ConformanceOptions();
    }
}
