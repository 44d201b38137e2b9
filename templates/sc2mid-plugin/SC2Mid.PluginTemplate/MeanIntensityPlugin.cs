using OpenCvSharp;
using SC2Mid.Sdk;

namespace SC2Mid.PluginTemplate;

/// <summary>Computes the pixel count and the mean grey value of the object's mask.</summary>
/// <remarks>
/// The host creates one instance and calls <see cref="Extract"/> from several threads at once, so the plugin keeps
/// no state between calls. It never writes to the sample's matrices.
/// </remarks>
public sealed class MeanIntensityPlugin : IFeaturePlugin
{
    /// <summary>Prefix of every feature name: the plugin id from plugin.json and a dot.</summary>
    private const string Prefix = "templateplugin.";

    /// <inheritdoc />
    public FeatureSet Extract(Sample sample, ExtractionContext context)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var features = new FeatureSet();
        var area = Cv2.CountNonZero(sample.Mask);
        features.Add(Prefix + "area", area);

        // An empty mask is a valid input: the value is undefined, so the plugin returns null with the reason.
        if (area == 0)
        {
            features.AddNull(Prefix + "mean", "The mask is empty, so the mean grey value is undefined.");
        }
        else
        {
            features.Add(Prefix + "mean", Cv2.Mean(sample.Grey, sample.Mask).Val0);
        }

        return features;
    }
}
