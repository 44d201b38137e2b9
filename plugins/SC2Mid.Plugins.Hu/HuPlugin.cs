using System.Globalization;
using OpenCvSharp;
using SC2Mid.Sdk;

namespace SC2Mid.Plugins.Hu;

/// <summary>
/// Hu's seven moment invariants of the object's mask (<c>hu.1</c> … <c>hu.7</c>) and of the grey values inside
/// the mask (<c>hu.intensity.1</c> … <c>hu.intensity.7</c>), computed with OpenCV's <c>moments</c> and
/// <c>HuMoments</c>.
/// </summary>
/// <remarks>
/// Every non-zero mask pixel belongs to the object, so several components in one mask are measured together.
/// The plugin keeps no state, so concurrent calls are safe.
/// </remarks>
public sealed class HuPlugin : IFeaturePlugin
{
    private const int InvariantCount = 7;

    /// <inheritdoc />
    public FeatureSet Extract(Sample sample, ExtractionContext context)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(context);
        context.CancellationToken.ThrowIfCancellationRequested();

        var features = new FeatureSet();

        // OpenCV sums 32 x 32 tiles from the image's top left corner and adds each tile at its offset, so a tile
        // without foreground adds exactly 0. A view from the top left corner to the far corner of the mask's
        // bounding box therefore gives bit-identical moments while reading only part of a large image.
        Rect box = Cv2.BoundingRect(sample.Mask);
        var frame = box.Width == 0 || box.Height == 0
            ? new Rect(0, 0, sample.Mask.Width, sample.Mask.Height)
            : new Rect(0, 0, box.Right, box.Bottom);
        using var mask = new Mat(sample.Mask, frame);
        using var grey = new Mat(sample.Grey, frame);

        // OpenCV's binary mode turns each tile into 0/1 before the same tile sums as the grey mode, and takes twice
        // as long as that sum on a large mask. Thresholding the mask to 0/1 once gives bit-identical moments for
        // about half the time.
        using var indicator = new Mat();
        Cv2.Threshold(mask, indicator, 0, 1, ThresholdTypes.Binary);
        Moments maskMoments = Cv2.Moments(indicator, binaryImage: false);
        string emptyReason = "The mask has no foreground pixel, so the moments are undefined (m00 = 0).";
        AddInvariants(features, "hu.", maskMoments, emptyReason);

        // Copying through the mask leaves 0 outside it: the grey image multiplied by the mask indicator.
        using var maskedGrey = new Mat(frame.Size, sample.Grey.Type(), Scalar.All(0));
        grey.CopyTo(maskedGrey, mask);
        Moments greyMoments = Cv2.Moments(maskedGrey, binaryImage: false);
        string darkReason = maskMoments.M00 > 0
            ? "Every grey value inside the mask is 0, so the intensity moments are undefined (m00 = 0)."
            : emptyReason;
        AddInvariants(features, "hu.intensity.", greyMoments, darkReason);
        return features;
    }

    private static void AddInvariants(FeatureSet features, string prefix, Moments moments, string nullReason)
    {
        double[]? invariants = moments.M00 > 0 ? moments.HuMoments() : null;
        for (int i = 0; i < InvariantCount; i++)
        {
            string name = prefix + (i + 1).ToString(CultureInfo.InvariantCulture);
            if (invariants is null)
            {
                features.AddNull(name, nullReason);
            }
            else
            {
                features.Add(name, invariants[i]);
            }
        }
    }
}
