using SC2Mid.Sdk;

namespace SC2Mid.Core.Plugins;

/// <summary>A feature entry of a manifest; with <see cref="Count"/>, <see cref="Name"/> contains <c>{i}</c>.</summary>
public sealed record ManifestFeature
{
    /// <summary>Full feature name, possibly with the <c>{i}</c> placeholder.</summary>
    public required string Name { get; init; }

    /// <summary>Number of features the <c>{i}</c> placeholder expands to (1..Count), or null.</summary>
    public int? Count { get; init; }

    /// <summary>
    /// Whether this entry documents a family whose exact names depend on parameters; the plugin lists them through
    /// <see cref="IDynamicFeaturePlugin"/>, and <see cref="Expand"/> yields nothing for it.
    /// </summary>
    public bool Dynamic { get; init; }

    /// <summary>Physical dimension, which decides the unit.</summary>
    public required FeatureDimension Dimension { get; init; }

    /// <summary>One-line definition with formula.</summary>
    public required string Definition { get; init; }

    /// <summary>Where the definition comes from, or null.</summary>
    public string? Source { get; init; }

    /// <summary>
    /// Whether the manifest declares the value unchanged when image and mask are rotated by 90 degrees; the
    /// conformance suite checks it.
    /// </summary>
    public bool RotationInvariant { get; init; }

    /// <summary>Expands the <c>{i}</c> placeholder into one descriptor per feature.</summary>
    public IEnumerable<FeatureDescriptor> Expand(string pluginId)
    {
        if (Dynamic)
        {
            yield break;
        }

        if (Count is not { } count)
        {
            yield return new FeatureDescriptor(Name, pluginId, Dimension, Definition, Source)
            {
                RotationInvariant = RotationInvariant,
            };
            yield break;
        }

        for (var i = 1; i <= count; i++)
        {
            var index = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            yield return new FeatureDescriptor(
                Name.Replace("{i}", index, StringComparison.Ordinal),
                pluginId,
                Dimension,
                Definition.Replace("{i}", index, StringComparison.Ordinal),
                Source)
            {
                RotationInvariant = RotationInvariant,
            };
        }
    }
}
