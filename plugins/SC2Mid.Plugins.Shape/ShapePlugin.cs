using OpenCvSharp;
using SC2Mid.Sdk;

namespace SC2Mid.Plugins.Shape;

/// <summary>Shape descriptors of the object's mask.</summary>
public sealed class ShapePlugin : IFeaturePlugin
{
    /// <inheritdoc />
    public FeatureSet Extract(Sample sample, ExtractionContext context)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var features = new FeatureSet();
        features.Add("shape.area", Cv2.CountNonZero(sample.Mask));
        return features;
    }
}
