using SC2Mid.Core.Imaging;
using SC2Mid.Core.Scaling;

namespace SC2Mid.Core.Extraction;

/// <summary>What to extract and how: plugins, parameters, calibration and object splitting.</summary>
public sealed record ExtractionOptions
{
    /// <summary>Ids of the plugins to run, in output order; null runs every loaded plugin.</summary>
    public IReadOnlyList<string>? PluginIds { get; init; }

    /// <summary>Parameter overrides as typed by the user: plugin id, then parameter name, then value text.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Overrides { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>How to find each image's pixel size; by default from the dataset manifest or TIFF tags.</summary>
    public CalibrationRequest Calibration { get; init; } = new();

    /// <summary>How the mask's foreground is split into objects.</summary>
    public ObjectMode Objects { get; init; } = ObjectMode.Whole;

    /// <summary>Pixel connectivity for <see cref="ObjectMode.Components"/>: 4 or 8.</summary>
    public int Connectivity { get; init; } = 8;

    /// <summary>
    /// Folder where plugins save figures and long vectors, or null to give plugins no artifact sink (then they
    /// save nothing and warn where it matters).
    /// </summary>
    public string? ArtifactsFolder { get; init; }

    /// <summary>Whether plugins should draw figures into <see cref="ArtifactsFolder"/>.</summary>
    public bool Figures { get; init; }

    /// <summary>Folder for one image and one mask crop per object, or null to save none.</summary>
    public string? CropsFolder { get; init; }

    /// <summary>Pixels added around each object's bounding box in crops.</summary>
    public int CropMargin { get; init; } = 8;

    /// <summary>
    /// Maximum time one plugin call may take before its features for that object are recorded as timed out, or
    /// null for no limit.
    /// </summary>
    public TimeSpan? PluginTimeout { get; init; }

    /// <summary>Options for decoding images and masks.</summary>
    public ImageLoadOptions Load { get; init; } = new();
}
