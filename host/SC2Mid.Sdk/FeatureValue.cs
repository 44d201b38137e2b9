namespace SC2Mid.Sdk;

/// <summary>One feature of one object: a finite number, or null with the reason it could not be computed.</summary>
public sealed record FeatureValue
{
    private FeatureValue(string name, double? value, string? nullReason)
    {
        Name = name;
        Value = value;
        NullReason = nullReason;
    }

    /// <summary>Feature name exactly as the plugin manifest declares it, for example <c>shape.area</c>.</summary>
    public string Name { get; }

    /// <summary>The value in pixel units, or null when <see cref="NullReason"/> gives the reason.</summary>
    public double? Value { get; }

    /// <summary>Why <see cref="Value"/> is null, in one sentence a user can act on; null when there is a value.</summary>
    public string? NullReason { get; }

    /// <summary>
    /// Creates a value. A NaN or infinite <paramref name="value"/> becomes a null value whose reason names it,
    /// so that no non-finite number reaches a table.
    /// </summary>
    public static FeatureValue Of(string name, double value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return double.IsFinite(value)
            ? new FeatureValue(name, value, null)
            : new FeatureValue(name, null, $"The computed value was {value}, which is not a finite number.");
    }

    /// <summary>Creates a null value for a feature that is undefined for this object.</summary>
    /// <param name="name">Feature name.</param>
    /// <param name="reason">Why there is no value, for example "The object has fewer than 3 pixels."</param>
    public static FeatureValue Null(string name, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new FeatureValue(name, null, reason);
    }
}
