using SC2Mid.Core.Plugins;

namespace SC2Mid.Core.Extraction;

/// <summary>One feature of one object, in pixel units and, for lengths and areas of calibrated images, in nm.</summary>
/// <param name="Descriptor">The feature's name, dimension and definition.</param>
/// <param name="PixelValue">The value in pixel units, or null.</param>
/// <param name="CalibratedValue">The value in nm or nm^2 when the image is calibrated and the feature is a length or
/// an area; otherwise null.</param>
/// <param name="NullReason">Why <paramref name="PixelValue"/> is null; null when there is a value.</param>
public sealed record FeatureResult(
    FeatureDescriptor Descriptor,
    double? PixelValue,
    double? CalibratedValue,
    string? NullReason)
{
    /// <summary>The value to report: calibrated when available, else the pixel value.</summary>
    public double? Value => CalibratedValue ?? PixelValue;

    /// <summary>Unit of <see cref="Value"/>.</summary>
    public string Unit => CalibratedValue.HasValue ? Descriptor.CalibratedUnit : Descriptor.PixelUnit;
}
