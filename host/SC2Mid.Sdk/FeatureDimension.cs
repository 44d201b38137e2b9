namespace SC2Mid.Sdk;

/// <summary>
/// Physical dimension of a feature. Plugins return values in pixel units, and the host uses the dimension to
/// convert them to nanometres when the image is calibrated and to label every value with its unit.
/// </summary>
public enum FeatureDimension
{
    /// <summary>A pure number (ratio, moment invariant, texture statistic). Unit <c>1</c>.</summary>
    Dimensionless,

    /// <summary>A length. Unit <c>px</c>, or <c>nm</c> when calibrated.</summary>
    Length,

    /// <summary>An area. Unit <c>px^2</c>, or <c>nm^2</c> when calibrated.</summary>
    Area,

    /// <summary>An angle in radians. Unit <c>rad</c>.</summary>
    Angle,

    /// <summary>A grey value on the scale of <see cref="Sample.Grey"/>. Unit <c>grey level</c>.</summary>
    Intensity,

    /// <summary>A count of things (holes, components). Unit <c>count</c>.</summary>
    Count,
}
