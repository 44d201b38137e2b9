namespace SC2Mid.Sdk;

/// <summary>The features a plugin computed for one object, and warnings about that object.</summary>
/// <remarks>An instance belongs to one <see cref="IFeaturePlugin.Extract"/> call and is not thread-safe.</remarks>
public sealed class FeatureSet
{
    private readonly List<FeatureValue> _values = [];
    private readonly List<string> _warnings = [];

    /// <summary>The values in the order they were added.</summary>
    public IReadOnlyList<FeatureValue> Values => _values;

    /// <summary>Warnings about this sample (for example "the object touches the image border").</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>Adds a value in pixel units; a non-finite value is stored as null with a reason.</summary>
    /// <returns>This set, so that calls can be chained.</returns>
    public FeatureSet Add(string name, double value)
    {
        _values.Add(FeatureValue.Of(name, value));
        return this;
    }

    /// <summary>Adds a null value with the reason it is undefined for this object.</summary>
    /// <returns>This set, so that calls can be chained.</returns>
    public FeatureSet AddNull(string name, string reason)
    {
        _values.Add(FeatureValue.Null(name, reason));
        return this;
    }

    /// <summary>Records a warning that the host reports with the image and object ids.</summary>
    public void Warn(string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        _warnings.Add(message);
    }
}
