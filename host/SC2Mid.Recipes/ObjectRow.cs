using SC2Mid.Core.Extraction;
using SC2Mid.Sdk;

namespace SC2Mid.Recipes;

/// <summary>One object of one image in a <see cref="FeatureTable"/>, with its features by name.</summary>
public sealed class ObjectRow
{
    private readonly Dictionary<string, FeatureResult> _features;

    internal ObjectRow(ImageResult image, ObjectResult item)
    {
        ImageResult = image;
        ObjectResult = item;
        _features = item.Features.ToDictionary(feature => feature.Descriptor.Name, StringComparer.Ordinal);
    }

    /// <summary>The image's result: paths, hashes, calibration, status, warnings and failures.</summary>
    public ImageResult ImageResult { get; }

    /// <summary>The object's result: id, bounding box, pixel count and features.</summary>
    public ObjectResult ObjectResult { get; }

    /// <summary>Dataset id of the image.</summary>
    public string ImageId => ImageResult.ImageId;

    /// <summary>1-based object number within the image.</summary>
    public int ObjectId => ObjectResult.ObjectId;

    /// <summary>The image's pixel size and its source.</summary>
    public Calibration Calibration => ImageResult.Calibration;

    /// <summary>
    /// The value of <paramref name="feature"/> as reported: in nm or nm^2 when the image is calibrated and the
    /// feature is a length or an area, in pixel units otherwise; null when the feature could not be computed.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The table has no such feature; the message lists similar
    /// names.</exception>
    public double? this[string feature] => Feature(feature).Value;

    /// <summary>The value of <paramref name="feature"/> in pixel units (px, px^2), or null.</summary>
    /// <exception cref="KeyNotFoundException">The table has no such feature.</exception>
    public double? Px(string feature) => Feature(feature).PixelValue;

    /// <summary>The unit of <c>this[feature]</c>: <c>nm</c>, <c>px^2</c>, <c>1</c> and so on.</summary>
    /// <exception cref="KeyNotFoundException">The table has no such feature.</exception>
    public string Unit(string feature) => Feature(feature).Unit;

    /// <summary>Whether the table has <paramref name="feature"/> for this object (with a value or not).</summary>
    public bool Has(string feature) => _features.ContainsKey(feature);

    /// <summary>The full result of <paramref name="feature"/>: descriptor, pixel and calibrated values, null
    /// reason.</summary>
    /// <exception cref="KeyNotFoundException">The table has no such feature; the message lists similar
    /// names.</exception>
    public FeatureResult Feature(string feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        if (_features.TryGetValue(feature, out var result))
        {
            return result;
        }

        throw new KeyNotFoundException(FeatureTable.DescribeMissing(feature, _features.Keys));
    }
}
