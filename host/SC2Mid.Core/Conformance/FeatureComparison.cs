using System.Globalization;
using SC2Mid.Core.Plugins;
using SC2Mid.Sdk;

namespace SC2Mid.Core.Conformance;

/// <summary>Compares what a plugin returned with what it declares, and one result with another.</summary>
internal static class FeatureComparison
{
    /// <summary>Lists returned features that are undeclared, duplicated or missing.</summary>
    public static List<string> DeclarationProblems(IReadOnlyList<FeatureDescriptor> declared, FeatureSet set)
    {
        var problems = new List<string>();
        var names = declared.Select(feature => feature.Name).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in set.Values)
        {
            if (!names.Contains(value.Name))
            {
                problems.Add($"returned '{value.Name}', which plugin.json does not declare");
            }
            else if (!seen.Add(value.Name))
            {
                problems.Add($"returned '{value.Name}' twice");
            }
        }

        problems.AddRange(declared
            .Where(feature => !seen.Contains(feature.Name))
            .Select(feature => $"did not return the declared feature '{feature.Name}'"));
        return problems;
    }

    /// <summary>
    /// Lists the features whose values differ between two results. A value differs when one is null and the other
    /// is not, or when <c>|a - b| &gt; absolute + relative * max(|a|, |b|)</c>.
    /// </summary>
    public static List<string> Differences(
        FeatureSet expected,
        FeatureSet actual,
        IEnumerable<string> names,
        double relative,
        double absolute)
    {
        var expectedByName = ByName(expected);
        var actualByName = ByName(actual);
        var problems = new List<string>();
        foreach (var name in names)
        {
            var a = expectedByName.GetValueOrDefault(name);
            var b = actualByName.GetValueOrDefault(name);
            if (a is null && b is null)
            {
                continue;
            }

            if (a is null || b is null)
            {
                problems.Add($"'{name}' was {Describe(a)}, then {Describe(b)}");
                continue;
            }

            var limit = absolute + (relative * Math.Max(Math.Abs(a.Value), Math.Abs(b.Value)));
            if (!(Math.Abs(a.Value - b.Value) <= limit))
            {
                problems.Add($"'{name}' was {Describe(a)}, then {Describe(b)}");
            }
        }

        return problems;
    }

    private static Dictionary<string, double?> ByName(FeatureSet set)
    {
        var values = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var value in set.Values)
        {
            values.TryAdd(value.Name, value.Value);
        }

        return values;
    }

    private static string Describe(double? value) =>
        value is { } number ? number.ToString("R", CultureInfo.InvariantCulture) : "null";
}
