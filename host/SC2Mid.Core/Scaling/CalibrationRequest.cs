using SC2Mid.Sdk;

namespace SC2Mid.Core.Scaling;

/// <summary>How the user asked for the pixel size to be found.</summary>
public sealed record CalibrationRequest
{
    /// <summary>Pixel size given on the command line (<c>--nm-per-px</c>), or null.</summary>
    public Calibration? CommandLine { get; init; }

    /// <summary>Length of the scale bar in pixels as measured by the user (<c>--scale-bar-px</c>), or null.</summary>
    public double? ScaleBarPx { get; init; }

    /// <summary>Length that the scale bar represents, in nm (<c>--scale-bar-nm</c>), or null.</summary>
    public double? ScaleBarNm { get; init; }

    /// <summary>Whether to find the scale bar in the image (<c>--scale-bar auto</c>); needs <see cref="ScaleBarNm"/>.</summary>
    public bool DetectScaleBar { get; init; }

    /// <summary>Whether a TIFF file's resolution tags may calibrate it when nothing else does.</summary>
    public bool UseTiffResolution { get; init; } = true;
}
