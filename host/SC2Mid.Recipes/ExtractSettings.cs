using SC2Mid.Core.Extraction;
using SC2Mid.Core.Imaging;
using SC2Mid.Core.Scaling;
using SC2Mid.Sdk;

namespace SC2Mid.Recipes;

/// <summary>How a recipe's extraction treats calibration, objects, crops and figures; the defaults match <c>sc2mid
/// batch</c>.</summary>
public sealed record ExtractSettings
{
    /// <summary>Pixel size for every image (see <see cref="RecipeGlobals.NmPerPixel"/>), or null to use the manifest's
    /// or the TIFF tags'.</summary>
    public Calibration? Calibration { get; init; }

    /// <summary>All foreground as one object (the study's choice), or one object per connected component.</summary>
    public ObjectMode Objects { get; init; } = ObjectMode.Whole;

    /// <summary>Pixel connectivity for <see cref="ObjectMode.Components"/>: 4 or 8.</summary>
    public int Connectivity { get; init; } = 8;

    /// <summary>Folder for one image crop and one mask crop (PNG) per object, or null for none.</summary>
    public string? CropsFolder { get; init; }

    /// <summary>Pixels added on each side of the bounding box in crops.</summary>
    public int CropMargin { get; init; } = 8;

    /// <summary>Folder where plugins save figures (PNG) and long vectors (CSV), or null for none.</summary>
    public string? FiguresFolder { get; init; }

    /// <summary>1-based page of multi-page TIFF files, or null for the first.</summary>
    public int? Page { get; init; }

    internal ExtractionOptions ToOptions(IReadOnlyList<PluginRequest> plugins) => new()
    {
        PluginIds = plugins.Select(plugin => plugin.Id).ToArray(),
        Overrides = plugins
            .Where(plugin => plugin.Parameters.Count > 0)
            .ToDictionary(
                plugin => plugin.Id,
                plugin => (IReadOnlyDictionary<string, string>)plugin.Parameters.ToDictionary(
                    pair => pair.Key,
                    pair => PluginRequest.ToText(pair.Value),
                    StringComparer.Ordinal),
                StringComparer.Ordinal),
        Calibration = new CalibrationRequest { CommandLine = Calibration },
        Objects = Objects,
        Connectivity = Connectivity is 4 or 8
            ? Connectivity
            : throw new ArgumentException($"Connectivity must be 4 or 8, not {Connectivity}."),
        CropsFolder = CropsFolder is null ? null : Path.GetFullPath(CropsFolder),
        CropMargin = CropMargin >= 0
            ? CropMargin
            : throw new ArgumentException($"CropMargin must be 0 or more pixels, not {CropMargin}."),
        ArtifactsFolder = FiguresFolder is null ? null : Path.GetFullPath(FiguresFolder),
        Figures = FiguresFolder is not null,
        Load = new ImageLoadOptions(Page: Page),
    };
}
