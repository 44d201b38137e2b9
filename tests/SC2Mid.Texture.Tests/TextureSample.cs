using System.Text.Json;
using OpenCvSharp;
using SC2Mid.Sdk;

namespace SC2Mid.Texture.Tests;

/// <summary>A <see cref="Sample"/> together with the matrices it borrows, disposed together.</summary>
internal sealed class TextureSample : IDisposable
{
    private readonly Mat _grey;
    private readonly Mat _mask;

    /// <summary>Wraps a grey image and a mask and takes ownership of both.</summary>
    public TextureSample(Mat grey, Mat mask)
    {
        _grey = grey;
        _mask = mask;
        int bitDepth = grey.Depth() == MatType.CV_16U ? 16 : 8;
        Sample = new Sample("test", 1, grey, grey, bitDepth, mask, Calibration.None);
    }

    /// <summary>The sample handed to a plugin.</summary>
    public Sample Sample { get; }

    /// <summary>Reads an image and a mask given relative to the repository root.</summary>
    public static TextureSample Load(string imagePath, string maskPath) => new(Read(imagePath), Read(maskPath));

    /// <summary>Reads the image and mask named by a reference case.</summary>
    public static TextureSample Load(JsonElement referenceCase) =>
        Load(referenceCase.GetProperty("image").GetString()!, referenceCase.GetProperty("mask").GetString()!);

    /// <summary>Reads an image without changing its depth or channels.</summary>
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
