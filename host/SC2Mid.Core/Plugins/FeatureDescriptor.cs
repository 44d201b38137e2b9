using SC2Mid.Sdk;

namespace SC2Mid.Core.Plugins;

/// <summary>One feature a loaded plugin produces, with its unit rules.</summary>
/// <param name="Name">Full feature name, for example <c>shape.area</c>.</param>
/// <param name="PluginId">Id of the plugin that produces it.</param>
/// <param name="Dimension">Physical dimension.</param>
/// <param name="Definition">One-line definition.</param>
/// <param name="Source">Where the definition comes from, or null.</param>
public sealed record FeatureDescriptor(
    string Name,
    string PluginId,
    FeatureDimension Dimension,
    string Definition,
    string? Source)
{
    /// <summary>Unit of the value as the plugin returns it, in pixel units.</summary>
    public string PixelUnit => Dimension switch
    {
        FeatureDimension.Length => "px",
        FeatureDimension.Area => "px^2",
        _ => CalibratedUnit,
    };

    /// <summary>Unit after calibration: nm and nm^2 for lengths and areas, the pixel unit otherwise.</summary>
    public string CalibratedUnit => Dimension switch
    {
        FeatureDimension.Length => "nm",
        FeatureDimension.Area => "nm^2",
        FeatureDimension.Angle => "rad",
        FeatureDimension.Intensity => "grey level",
        FeatureDimension.Count => "count",
        _ => "1",
    };

    /// <summary>Whether the manifest declares the value unchanged under a 90-degree rotation of image and mask.</summary>
    public bool RotationInvariant { get; init; }

    /// <summary>Whether calibration changes the value (lengths scale by s, areas by s²).</summary>
    public bool IsCalibrated => Dimension is FeatureDimension.Length or FeatureDimension.Area;

    /// <summary>Converts a pixel-unit value to nanometres; values of other dimensions pass unchanged.</summary>
    /// <param name="pixelValue">The value in pixel units.</param>
    /// <param name="nmPerPixel">Nanometres per pixel edge.</param>
    public double ToCalibrated(double pixelValue, double nmPerPixel) => Dimension switch
    {
        FeatureDimension.Length => pixelValue * nmPerPixel,
        FeatureDimension.Area => pixelValue * nmPerPixel * nmPerPixel,
        _ => pixelValue,
    };
}
