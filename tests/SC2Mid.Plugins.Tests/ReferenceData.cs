using System.Text.Json;

namespace SC2Mid.Plugins.Tests;

/// <summary>
/// The reference values in <c>TestData/reference.json</c>, written by <c>TestData/make_reference.py</c> with
/// Debian's scikit-image 0.19.3 and OpenCV 4.6.0 (TestData/README.md).
/// </summary>
internal static class ReferenceData
{
    /// <summary>Location of the reference file, relative to the repository root.</summary>
    public const string RelativePath = "tests/SC2Mid.Plugins.Tests/TestData/reference.json";

    private static readonly Lazy<(IReadOnlyList<ReferenceCase> Cases, IReadOnlyDictionary<string, string> Versions)>
        LazyContent = new(Load);

    /// <summary>Every case in file order.</summary>
    public static IReadOnlyList<ReferenceCase> Cases => LazyContent.Value.Cases;

    /// <summary>Versions of the libraries that produced the reference values, by library name.</summary>
    public static IReadOnlyDictionary<string, string> Versions => LazyContent.Value.Versions;

    /// <summary>Returns the case with the given name.</summary>
    public static ReferenceCase Get(string name) =>
        Cases.SingleOrDefault(c => c.Name == name)
        ?? throw new ArgumentException(
            $"{RelativePath} has no case '{name}'. Cases: {string.Join(", ", Cases.Select(c => c.Name))}.",
            nameof(name));

    /// <summary>Returns a row (case name, feature name) for every expected feature whose name has the prefix.</summary>
    public static TheoryData<string, string> CaseFeatures(string prefix)
    {
        var rows = new TheoryData<string, string>();
        foreach (ReferenceCase referenceCase in Cases)
        {
            IEnumerable<string> features = referenceCase.Features.Keys
                .Where(name => name.StartsWith(prefix, StringComparison.Ordinal));
            foreach (string feature in features)
            {
                rows.Add(referenceCase.Name, feature);
            }
        }

        return rows;
    }

    /// <summary>Returns one row per case name.</summary>
    public static TheoryData<string> CaseNames()
    {
        var rows = new TheoryData<string>();
        foreach (ReferenceCase referenceCase in Cases)
        {
            rows.Add(referenceCase.Name);
        }

        return rows;
    }

    private static (IReadOnlyList<ReferenceCase>, IReadOnlyDictionary<string, string>) Load()
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Resolve(RelativePath)));
        JsonElement root = document.RootElement;
        var versions = root.GetProperty("versions").EnumerateObject()
            .ToDictionary(property => property.Name, property => property.Value.GetString() ?? "");
        var cases = root.GetProperty("cases").EnumerateArray().Select(ReadCase).ToList();
        return (cases, versions);
    }

    private static ReferenceCase ReadCase(JsonElement element)
    {
        var features = element.GetProperty("features").EnumerateObject().ToDictionary(
            property => property.Name,
            property => property.Value.ValueKind == JsonValueKind.Null ? (double?)null : property.Value.GetDouble());
        var deviations = element.GetProperty("deviations").EnumerateObject().ToDictionary(
            property => property.Name,
            property => property.Value.GetProperty("reason").GetString() ?? "");
        return new ReferenceCase(
            element.GetProperty("name").GetString()!,
            element.GetProperty("description").GetString()!,
            element.GetProperty("mask").GetString()!,
            element.GetProperty("grey").GetString()!,
            element.GetProperty("components").GetInt32(),
            element.GetProperty("touches_border").GetBoolean(),
            features,
            deviations,
            element.GetProperty("moments").Clone());
    }
}
