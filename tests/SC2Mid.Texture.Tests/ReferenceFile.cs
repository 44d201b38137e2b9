using System.Text.Json;

namespace SC2Mid.Texture.Tests;

/// <summary>
/// <c>TestData/reference.json</c>, written by <c>TestData/make_reference.py</c> with Debian's scikit-image 0.19.3,
/// NumPy and OpenCV. TestData/README.md describes how each case was computed.
/// </summary>
internal static class ReferenceFile
{
    /// <summary>Location of the reference file, relative to the repository root.</summary>
    public const string RelativePath = "tests/SC2Mid.Texture.Tests/TestData/reference.json";

    private static readonly Lazy<JsonDocument> LazyDocument =
        new(() => JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Resolve(RelativePath))));

    /// <summary>The GLCM cases in file order.</summary>
    public static IEnumerable<JsonElement> GlcmCases =>
        LazyDocument.Value.RootElement.GetProperty("glcm").EnumerateArray();

    /// <summary>The HOG cases in file order.</summary>
    public static IEnumerable<JsonElement> HogCases =>
        LazyDocument.Value.RootElement.GetProperty("hog").EnumerateArray();

    /// <summary>Returns the GLCM case with the given name.</summary>
    public static JsonElement Glcm(string name) => Find(GlcmCases, name);

    /// <summary>Returns the HOG case with the given name.</summary>
    public static JsonElement Hog(string name) => Find(HogCases, name);

    /// <summary>Returns one row per case name of a section.</summary>
    public static TheoryData<string> Names(IEnumerable<JsonElement> cases)
    {
        var rows = new TheoryData<string>();
        foreach (JsonElement element in cases)
        {
            rows.Add(element.GetProperty("name").GetString()!);
        }

        return rows;
    }

    private static JsonElement Find(IEnumerable<JsonElement> cases, string name)
    {
        var list = cases.ToList();
        foreach (JsonElement element in list)
        {
            if (element.GetProperty("name").GetString() == name)
            {
                return element;
            }
        }

        throw new ArgumentException(
            $"{RelativePath} has no case '{name}'. Cases: "
            + string.Join(", ", list.Select(element => element.GetProperty("name").GetString())) + ".",
            nameof(name));
    }
}
