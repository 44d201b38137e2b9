using System.Globalization;
using SC2Mid.Sdk;

namespace SC2Mid.Plugins.Glcm;

/// <summary>The plugin's parameters, parsed and checked once per call.</summary>
/// <param name="Distances">Pair distances in pixels, each at least 1, without repeats, in the order given.</param>
/// <param name="Levels">Number of grey levels of the matrices.</param>
/// <param name="Range">
/// Grey values mapped to level 0 and level <c>Levels − 1</c>, or null for the default: 0..255 for 8-bit images,
/// the minimum..maximum inside the region for 16-bit images.
/// </param>
/// <param name="Region">Which pixels may form a pair.</param>
/// <param name="Convention">Definitions of the angles, the energy and the homogeneity.</param>
/// <param name="Symmetric">Whether each matrix is added to its transpose, counting (i, j) and (j, i).</param>
/// <param name="Normed">Whether the matrices in the figures are divided by their sum.</param>
internal sealed record GlcmSettings(
    IReadOnlyList<int> Distances,
    int Levels,
    (int Low, int High)? Range,
    GlcmRegion Region,
    GlcmConvention Convention,
    bool Symmetric,
    bool Normed)
{
    /// <summary>Largest accepted <c>levels</c>: one 1024 × 1024 matrix of doubles takes 8 MiB.</summary>
    public const int MaxLevels = 1024;

    /// <summary>Parses the validated parameters and checks what the manifest cannot express.</summary>
    /// <exception cref="ArgumentException">
    /// A distance repeats or is below 1, the levels are out of range, or the range is not two ordered values.
    /// </exception>
    public static GlcmSettings From(PluginParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        IReadOnlyList<int> distances = parameters.GetInt32Array("distances");
        if (distances.Count == 0)
        {
            throw new ArgumentException("glcm.distances is empty; give at least one distance in pixels, such as [1].");
        }

        if (distances.Any(distance => distance < 1))
        {
            throw new ArgumentException(
                $"glcm.distances = [{Join(distances)}] contains a value below 1; "
                + "distances are in pixels and at least 1.");
        }

        if (distances.Distinct().Count() != distances.Count)
        {
            throw new ArgumentException(
                $"glcm.distances = [{Join(distances)}] repeats a distance; list each distance once.");
        }

        int levels = parameters.GetInt32("levels");
        if (levels is < 2 or > MaxLevels)
        {
            throw new ArgumentException($"glcm.levels = {levels} is invalid; expected 2 to {MaxLevels}.");
        }

        return new GlcmSettings(
            distances,
            levels,
            ParseRange(parameters.GetInt32Array("range")),
            ParseRegion(parameters.GetString("region")),
            ParseConvention(parameters.GetString("convention")),
            parameters.GetBoolean("symmetric"),
            parameters.GetBoolean("normed"));
    }

    private static (int Low, int High)? ParseRange(IReadOnlyList<int> range)
    {
        if (range.Count == 0)
        {
            return null;
        }

        if (range.Count != 2 || range[0] < 0 || range[1] <= range[0] || range[1] > ushort.MaxValue)
        {
            throw new ArgumentException(
                $"glcm.range = [{Join(range)}] is invalid; give [] for the default range or [low, high] with "
                + "0 <= low < high <= 65535.");
        }

        return (range[0], range[1]);
    }

    private static GlcmRegion ParseRegion(string region) =>
        region switch
        {
            "mask" => GlcmRegion.Mask,
            "bbox" => GlcmRegion.BoundingBox,
            "image" => GlcmRegion.Image,
            _ => throw new ArgumentException($"glcm.region = '{region}' is invalid; expected mask, bbox or image."),
        };

    private static GlcmConvention ParseConvention(string convention) =>
        convention switch
        {
            "skimage" => GlcmConvention.Skimage,
            "matlab" => GlcmConvention.Matlab,
            _ => throw new ArgumentException(
                $"glcm.convention = '{convention}' is invalid; expected skimage or matlab."),
        };

    private static string Join(IEnumerable<int> values) =>
        string.Join(", ", values.Select(value => value.ToString(CultureInfo.InvariantCulture)));
}
