using OpenCvSharp;
using SC2Mid.Sdk;

namespace SC2Mid.Plugins.Tests;

/// <summary>A <see cref="Sample"/> together with the matrices it borrows, disposed together.</summary>
internal sealed class TestSample : IDisposable
{
    private readonly Mat _grey;
    private readonly Mat _mask;

    private TestSample(Mat grey, Mat mask, string imageId)
    {
        _grey = grey;
        _mask = mask;
        int bitDepth = grey.Depth() == MatType.CV_16U ? 16 : 8;
        Sample = new Sample(imageId, 1, grey, grey, bitDepth, mask, Calibration.None);
    }

    /// <summary>The sample handed to a plugin.</summary>
    public Sample Sample { get; }

    /// <summary>Standard context: no parameters, no artifact folder, no figures, never cancelled.</summary>
    public static ExtractionContext Context { get; } = new(PluginParameters.Empty, null, false, CancellationToken.None);

    /// <summary>Reads the mask and grey image of a reference case.</summary>
    public static TestSample Load(ReferenceCase referenceCase)
    {
        Mat mask = Read(referenceCase.MaskPath);
        Mat grey = Read(referenceCase.GreyPath);
        return new TestSample(grey, mask, referenceCase.Name);
    }

    /// <summary>Wraps a mask and takes ownership of both matrices. A copy of the mask serves as missing grey.</summary>
    public static TestSample FromMask(Mat mask, Mat? grey = null) => new(grey ?? mask.Clone(), mask, "synthetic");

    /// <summary>Reads a PNG, given relative to the repository root, without changing its depth or channels.</summary>
    public static Mat Read(string relativePath)
    {
        string path = RepositoryPaths.Resolve(relativePath);
        Mat image = Cv2.ImRead(path, ImreadModes.Unchanged);
        if (image.Empty())
        {
            image.Dispose();
            throw new FileNotFoundException($"OpenCV could not read the test image {path}.", path);
        }

        return image;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _grey.Dispose();
        _mask.Dispose();
    }
}
