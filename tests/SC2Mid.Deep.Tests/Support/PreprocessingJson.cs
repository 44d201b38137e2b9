namespace SC2Mid.Deep.Tests.Support;

/// <summary>Writes preprocessing JSON files for the tiny test models.</summary>
internal static class PreprocessingJson
{
    /// <summary>
    /// Writes an 8 × 8 preprocessing with no normalisation (scale 1, mean 0, std 1), so that the tensor contains the
    /// pixel values; <paramref name="extra"/> adds JSON properties such as <c>"layout": "NHWC"</c>.
    /// </summary>
    public static string Identity(string channelOrder = "rgb", string extra = "", int size = 8)
    {
        string separator = extra.Length == 0 ? string.Empty : ", ";
        return Save(
            $$"""{ "width": {{size}}, "height": {{size}}, "channelOrder": "{{channelOrder}}", "mean": [0, 0, 0]{{separator}}{{extra}} }""");
    }

    /// <summary>Writes the text to a new temporary .json file and returns its path.</summary>
    public static string Save(string json)
    {
        string folder = Path.Combine(Path.GetTempPath(), "sc2mid-deep-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "preprocessing.json");
        File.WriteAllText(path, json);
        return path;
    }
}
