using SC2Mid.Sdk;

namespace SC2Mid.Plugins.Hog;

/// <summary>The plugin's parameters, parsed and checked once per call.</summary>
/// <param name="IsPaper36">Whether the preset is <c>paper36</c>; otherwise it is <c>general</c>.</param>
/// <param name="Options">The HOG arguments: fixed for <c>paper36</c>, from the parameters for <c>general</c>.</param>
/// <param name="MaskRegion">For <c>general</c>: the masked bounding box (true) or the whole image (false).</param>
internal sealed record HogSettings(bool IsPaper36, HogOptions Options, bool MaskRegion)
{
    /// <summary>Edge in pixels of the square that <c>paper36</c> resizes the object's bounding box to.</summary>
    public const int Paper36Size = 16;

    /// <summary>The study's descriptor: 9 bins, 8-pixel cells, one block of 2 x 2 cells, L2-Hys.</summary>
    public static readonly HogOptions Paper36Options = new(9, 8, 2, HogBlockNorm.L2Hys, TransformSqrt: false);

    /// <summary>Parses the validated parameters.</summary>
    /// <exception cref="ArgumentException">A value is outside what the manifest allows.</exception>
    public static HogSettings From(PluginParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        string preset = parameters.GetString("preset");
        if (preset == "paper36")
        {
            return new HogSettings(true, Paper36Options, MaskRegion: true);
        }

        if (preset != "general")
        {
            throw new ArgumentException($"hog.preset = '{preset}' is invalid; expected paper36 or general.");
        }

        int orientations = parameters.GetInt32("orientations");
        int pixelsPerCell = parameters.GetInt32("pixels_per_cell");
        int cellsPerBlock = parameters.GetInt32("cells_per_block");
        if (orientations < 1 || pixelsPerCell < 1 || cellsPerBlock < 1)
        {
            throw new ArgumentException(
                $"hog.orientations = {orientations}, hog.pixels_per_cell = {pixelsPerCell} and "
                + $"hog.cells_per_block = {cellsPerBlock} must all be at least 1.");
        }

        string blockNorm = parameters.GetString("block_norm");
        HogBlockNorm norm = blockNorm switch
        {
            "L1" => HogBlockNorm.L1,
            "L1-sqrt" => HogBlockNorm.L1Sqrt,
            "L2" => HogBlockNorm.L2,
            "L2-Hys" => HogBlockNorm.L2Hys,
            _ => throw new ArgumentException(
                $"hog.block_norm = '{blockNorm}' is invalid; expected L1, L1-sqrt, L2 or L2-Hys."),
        };

        string region = parameters.GetString("region");
        if (region is not ("mask" or "image"))
        {
            throw new ArgumentException($"hog.region = '{region}' is invalid; expected mask or image.");
        }

        bool transformSqrt = parameters.GetBoolean("transform_sqrt");
        var options = new HogOptions(orientations, pixelsPerCell, cellsPerBlock, norm, transformSqrt);
        return new HogSettings(false, options, region == "mask");
    }
}
