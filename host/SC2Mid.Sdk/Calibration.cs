namespace SC2Mid.Sdk;

/// <summary>Pixel size of an image and where that number came from.</summary>
/// <param name="NmPerPixel">Nanometres per pixel edge, or null when the image is not calibrated.</param>
/// <param name="Source">
/// Where the value came from, for provenance: <c>"none"</c>, <c>"command line"</c>, <c>"dataset manifest"</c>
/// or a description of the scale bar that was measured.
/// </param>
public sealed record Calibration(double? NmPerPixel, string Source)
{
    /// <summary>The calibration of an image whose pixel size is unknown: features stay in pixel units.</summary>
    public static Calibration None { get; } = new(null, "none");

    /// <summary>Whether <see cref="NmPerPixel"/> is known.</summary>
    public bool IsCalibrated => NmPerPixel.HasValue;

    /// <summary>Creates a calibration after checking that the pixel size is a positive finite number.</summary>
    /// <param name="nmPerPixel">Nanometres per pixel edge.</param>
    /// <param name="source">Where the value came from.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nmPerPixel"/> is not positive and finite.</exception>
    public static Calibration FromNmPerPixel(double nmPerPixel, string source)
    {
        Guard.PositiveFinite(nmPerPixel, nameof(nmPerPixel));
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return new Calibration(nmPerPixel, source);
    }
}
