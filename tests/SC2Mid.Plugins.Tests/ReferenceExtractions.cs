using System.Collections.Concurrent;
using SC2Mid.Sdk;

namespace SC2Mid.Plugins.Tests;

/// <summary>
/// Feature sets of the reference cases, computed once per plugin and case, so that the per-feature theories do
/// not repeat the extraction.
/// </summary>
internal static class ReferenceExtractions
{
    private static readonly ConcurrentDictionary<(Type Plugin, string Case), Lazy<FeatureSet>> Results = new();

    /// <summary>Returns the features that a <typeparamref name="TPlugin"/> extracts from a reference case.</summary>
    public static FeatureSet Get<TPlugin>(string caseName)
        where TPlugin : IFeaturePlugin, new()
    {
        Lazy<FeatureSet> result = Results.GetOrAdd(
            (typeof(TPlugin), caseName),
            key => new Lazy<FeatureSet>(() => Extract(new TPlugin(), key.Case)));
        return result.Value;
    }

    /// <summary>Returns one value by name, failing with the names that exist when it is missing.</summary>
    public static FeatureValue Find(FeatureSet features, string name) =>
        features.Values.SingleOrDefault(value => value.Name == name)
        ?? throw new Xunit.Sdk.XunitException(
            $"No feature '{name}' was returned. Returned: {string.Join(", ", features.Values.Select(v => v.Name))}.");

    private static FeatureSet Extract(IFeaturePlugin plugin, string caseName)
    {
        using TestSample sample = TestSample.Load(ReferenceData.Get(caseName));
        return plugin.Extract(sample.Sample, TestSample.Context);
    }
}
