using OpenCvSharp;
using SC2Mid.Sdk;

namespace SC2Mid.Core.Conformance;

/// <summary>A named sample that owns its matrices; the suite passes <see cref="Sample"/> to plugins.</summary>
public sealed class ConformanceSample : IDisposable
{
    private readonly Mat _grey;
    private readonly Mat _original;
    private readonly Mat _mask;

    /// <summary>Creates a sample and takes ownership of the three matrices.</summary>
    /// <param name="name">Short name used in the report, for example <c>one-pixel</c>.</param>
    /// <param name="grey">CV_8UC1 or CV_16UC1 image.</param>
    /// <param name="original">The image as decoded (1, 3 or 4 channels), same size.</param>
    /// <param name="bitDepth">8 or 16.</param>
    /// <param name="mask">CV_8UC1 mask, 255 on the object and 0 elsewhere, same size.</param>
    public ConformanceSample(string name, Mat grey, Mat original, int bitDepth, Mat mask)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        _grey = grey;
        _original = original;
        _mask = mask;
        Sample = new Sample(name, 1, grey, original, bitDepth, mask, Calibration.None);
    }

    /// <summary>Short name used in the report.</summary>
    public string Name { get; }

    /// <summary>The sample passed to <see cref="IFeaturePlugin.Extract"/>.</summary>
    public Sample Sample { get; }

    /// <summary>
    /// Creates a copy with image and mask rotated 90 degrees clockwise. A quarter turn maps the pixel grid onto
    /// itself, so no pixel is interpolated and every rotation-invariant feature must keep its value.
    /// </summary>
    public ConformanceSample RotateClockwise()
    {
        var grey = new Mat();
        var original = new Mat();
        var mask = new Mat();
        Cv2.Rotate(_grey, grey, RotateFlags.Rotate90Clockwise);
        Cv2.Rotate(_original, original, RotateFlags.Rotate90Clockwise);
        Cv2.Rotate(_mask, mask, RotateFlags.Rotate90Clockwise);
        return new ConformanceSample(Name + " rotated 90 degrees", grey, original, Sample.BitDepth, mask);
    }

    /// <summary>Releases the matrices.</summary>
    public void Dispose()
    {
        _grey.Dispose();
        _original.Dispose();
        _mask.Dispose();
    }
}
