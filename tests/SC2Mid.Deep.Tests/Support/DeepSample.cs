using OpenCvSharp;
using SC2Mid.Sdk;

namespace SC2Mid.Deep.Tests.Support;

/// <summary>A <see cref="Sample"/> together with the matrices it owns, disposed together.</summary>
public sealed class DeepSample : IDisposable
{
    private readonly Mat _grey;
    private readonly Mat _original;
    private readonly Mat _mask;

    private DeepSample(Mat grey, Mat original, Mat mask, int bitDepth)
    {
        _grey = grey;
        _original = original;
        _mask = mask;
        Sample = new Sample("test", 1, grey, original, bitDepth, mask, Calibration.None);
    }

    /// <summary>The sample handed to the plugin.</summary>
    public Sample Sample { get; }

    /// <summary>
    /// Reads the bundled cryo-ET slice TS_001.133 and its ground-truth mask (the lossless PNG copies of the TIFFs,
    /// samples/cryoet/SOURCE.md): 960 × 928, 8-bit, one object with bounding box x 185–596, y 287–671.
    /// </summary>
    public static DeepSample CryoEt()
    {
        Mat grey = Read("samples/cryoet/TS_001.133.png");
        using Mat rawMask = Read("samples/cryoet/TS_001.133_ground_truth.png");
        var mask = new Mat();
        Cv2.Threshold(rawMask, mask, 0, 255, ThresholdTypes.Binary);
        return new DeepSample(grey, grey.Clone(), mask, 8);
    }

    /// <summary>Wraps matrices and takes ownership of them; a missing original is a copy of the grey image.</summary>
    public static DeepSample Of(Mat grey, Mat mask, Mat? original = null, int bitDepth = 8) =>
        new(grey, original ?? grey.Clone(), mask, bitDepth);

    /// <summary>Creates a uniform grey sample whose mask covers the whole image.</summary>
    public static DeepSample Uniform(int width, int height, double grey) =>
        Of(
            new Mat(height, width, MatType.CV_8UC1, Scalar.All(grey)),
            new Mat(height, width, MatType.CV_8UC1, Scalar.All(255)));

    /// <inheritdoc />
    public void Dispose()
    {
        _grey.Dispose();
        _original.Dispose();
        _mask.Dispose();
    }

    private static Mat Read(string relativePath)
    {
        string path = RepositoryPaths.Resolve(relativePath);
        Mat image = Cv2.ImRead(path, ImreadModes.Grayscale);
        if (image.Empty())
        {
            image.Dispose();
            throw new FileNotFoundException($"OpenCV could not read the sample image {path}.", path);
        }

        return image;
    }
}
