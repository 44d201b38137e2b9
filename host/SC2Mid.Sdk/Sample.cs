using OpenCvSharp;

namespace SC2Mid.Sdk;

/// <summary>One object of one image, as handed to a plugin.</summary>
/// <remarks>
/// The host owns every matrix and disposes them after all plugins have run. Plugins must not write to them or
/// keep references past <see cref="IFeaturePlugin.Extract"/>.
/// </remarks>
public sealed class Sample
{
    /// <summary>Creates a sample after checking that the matrices match in size and type.</summary>
    /// <exception cref="ArgumentException">A matrix has the wrong type or the sizes differ.</exception>
    public Sample(
        string imageId,
        int objectId,
        Mat grey,
        Mat original,
        int bitDepth,
        Mat mask,
        Calibration calibration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(imageId);
        ArgumentOutOfRangeException.ThrowIfLessThan(objectId, 1);
        ArgumentNullException.ThrowIfNull(grey);
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(calibration);
        if (grey.Channels() != 1 || (grey.Depth() != MatType.CV_8U && grey.Depth() != MatType.CV_16U))
        {
            throw new ArgumentException($"The grey image must be CV_8UC1 or CV_16UC1, not {grey.Type()}.", nameof(grey));
        }

        if (mask.Type() != MatType.CV_8UC1)
        {
            throw new ArgumentException($"The mask must be CV_8UC1, not {mask.Type()}.", nameof(mask));
        }

        if (mask.Size() != grey.Size() || original.Size() != grey.Size())
        {
            throw new ArgumentException(
                $"Sizes differ: grey {grey.Size()}, original {original.Size()}, mask {mask.Size()}.",
                nameof(mask));
        }

        if (bitDepth is not (8 or 16))
        {
            throw new ArgumentOutOfRangeException(nameof(bitDepth), bitDepth, "Expected 8 or 16.");
        }

        ImageId = imageId;
        ObjectId = objectId;
        Grey = grey;
        Original = original;
        BitDepth = bitDepth;
        Mask = mask;
        Calibration = calibration;
    }

    /// <summary>Identifier of the image, usually its file name without folder.</summary>
    public string ImageId { get; }

    /// <summary>1-based number of the object in the image; 1 when the whole foreground is one object.</summary>
    public int ObjectId { get; }

    /// <summary>
    /// Single-channel grey image, CV_8UC1 or CV_16UC1 as read from disk. Colour images are converted by the host
    /// with ITU-R BT.601 luma weights (0.299 R + 0.587 G + 0.114 B).
    /// </summary>
    public Mat Grey { get; }

    /// <summary>The pixels as decoded, before any conversion to grey (1, 3 or 4 channels, BGR order).</summary>
    public Mat Original { get; }

    /// <summary>Bits per channel of the file: 8 or 16. Grey values range from 0 to 2^BitDepth − 1.</summary>
    public int BitDepth { get; }

    /// <summary>
    /// CV_8UC1 mask of the same size as <see cref="Grey"/>: 255 on this object's pixels, 0 elsewhere (other objects
    /// of the same image are 0).
    /// </summary>
    public Mat Mask { get; }

    /// <summary>Pixel size of the image and its source.</summary>
    public Calibration Calibration { get; }
}
