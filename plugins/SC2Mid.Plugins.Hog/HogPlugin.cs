using System.Globalization;
using SC2Mid.Sdk;

namespace SC2Mid.Plugins.Hog;

/// <summary>
/// Histogram of oriented gradients (HOG) of the object, as scikit-image 0.19.3's <c>hog</c> computes it.
/// Preset <c>paper36</c> gives the study's 36 values <c>hog.0</c> … <c>hog.35</c>; preset <c>general</c> saves a
/// vector of any length to a side file and puts its length in the table. <c>plugin.json</c> defines both.
/// </summary>
/// <remarks>The plugin keeps no state, so concurrent calls are safe.</remarks>
public sealed class HogPlugin : IDynamicFeaturePlugin
{
    /// <summary>Name of the table column that <c>general</c> fills with the saved vector's length.</summary>
    public const string GeneralLengthName = "hog.general_length";

    private const string EmptyReason = "The mask has no foreground pixel, so there is no object to describe.";

    private static readonly int Paper36Length =
        HogSettings.Paper36Options.CellsPerBlock * HogSettings.Paper36Options.CellsPerBlock
        * HogSettings.Paper36Options.Orientations;

    /// <inheritdoc />
    public IReadOnlyList<FeatureDeclaration> DescribeFeatures(PluginParameters parameters)
    {
        HogSettings settings = HogSettings.From(parameters);
        if (!settings.IsPaper36)
        {
            return
            [
                new FeatureDeclaration(
                    GeneralLengthName,
                    FeatureDimension.Count,
                    "Number of values in the HOG vector saved to the hog-general side file."),
            ];
        }

        int bins = HogSettings.Paper36Options.Orientations;
        return Enumerable.Range(0, Paper36Length)
            .Select(k => new FeatureDeclaration(
                Paper36Name(k),
                FeatureDimension.Dimensionless,
                string.Format(
                    CultureInfo.InvariantCulture,
                    "paper36 HOG value {0}: cell (row {1}, column {2}) of the 2 x 2 block, orientation bin {3} "
                    + "(gradient angle {4}..{5} degrees), after L2-Hys normalisation.",
                    k,
                    k / bins / 2,
                    k / bins % 2,
                    k % bins,
                    k % bins * 180 / bins,
                    ((k % bins) + 1) * 180 / bins)))
            .ToList();
    }

    /// <inheritdoc />
    public FeatureSet Extract(Sample sample, ExtractionContext context)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(context);
        context.CancellationToken.ThrowIfCancellationRequested();

        HogSettings settings = HogSettings.From(context.Parameters);
        return settings.IsPaper36 ? ExtractPaper36(sample, context) : ExtractGeneral(sample, context, settings);
    }

    private static string Paper36Name(int index) => string.Create(CultureInfo.InvariantCulture, $"hog.{index}");

    private static FeatureSet ExtractPaper36(Sample sample, ExtractionContext context)
    {
        var features = new FeatureSet();
        HogInput? input = HogInput.Paper36(sample.Grey, sample.Mask);
        if (input is null)
        {
            for (int k = 0; k < Paper36Length; k++)
            {
                features.AddNull(Paper36Name(k), EmptyReason);
            }

            return features;
        }

        HogDescriptor descriptor = HogDescriptor.Compute(
            input.Pixels, input.Rows, input.Columns, HogSettings.Paper36Options);
        for (int k = 0; k < descriptor.Vector.Length; k++)
        {
            features.Add(Paper36Name(k), descriptor.Vector[k]);
        }

        OpenCvSharp.Rect box = OpenCvSharp.Cv2.BoundingRect(sample.Mask);
        if (box.Width < HogSettings.Paper36Size || box.Height < HogSettings.Paper36Size)
        {
            features.Warn(string.Format(
                CultureInfo.InvariantCulture,
                "The object's bounding box is {0} x {1} px (width x height), under 16 px in at least one direction, "
                + "so paper36 enlarges it to 16 x 16 px and the gradients come from interpolated pixels.",
                box.Width,
                box.Height));
        }

        if (context.FiguresRequested && context.Artifacts is not null)
        {
            string title = "HOG paper36: 16 x 16 px, 8 px cells, 2 x 2 cells, 9 bins, L2-Hys";
            HogFigures.SaveHistogram(context.Artifacts, descriptor, HogSettings.Paper36Options, title);
            HogFigures.SaveGlyphs(context.Artifacts, input, descriptor, HogSettings.Paper36Options, title);
        }

        return features;
    }

    private static FeatureSet ExtractGeneral(Sample sample, ExtractionContext context, HogSettings settings)
    {
        var features = new FeatureSet();
        HogOptions options = settings.Options;
        HogInput? input = HogInput.General(sample.Grey, sample.Mask, settings.MaskRegion);
        if (input is null)
        {
            features.AddNull(GeneralLengthName, EmptyReason);
            return features;
        }

        if (input.Rows < options.MinimumSize || input.Columns < options.MinimumSize)
        {
            features.AddNull(GeneralLengthName, string.Format(
                CultureInfo.InvariantCulture,
                "The {0} is {1} x {2} px (width x height), smaller than one block of {3} x {3} px "
                + "(hog.pixels_per_cell x hog.cells_per_block); HOG needs at least {3} px in each direction.",
                settings.MaskRegion ? "mask's bounding box" : "image",
                input.Columns,
                input.Rows,
                options.MinimumSize));
            return features;
        }

        context.CancellationToken.ThrowIfCancellationRequested();
        HogDescriptor descriptor = HogDescriptor.Compute(input.Pixels, input.Rows, input.Columns, options);
        features.Add(GeneralLengthName, descriptor.Vector.Length);
        if (context.Artifacts is null)
        {
            features.Warn(string.Format(
                CultureInfo.InvariantCulture,
                "The run has no output folder, so the {0}-value HOG vector was not saved; give one to keep it.",
                descriptor.Vector.Length));
        }
        else
        {
            context.Artifacts.SaveVector("hog-general", descriptor.Vector, Metadata(settings, input, descriptor));
        }

        if (context.FiguresRequested && context.Artifacts is not null)
        {
            string title = string.Format(
                CultureInfo.InvariantCulture,
                "HOG general: {0} px cells, {1} x {1} cells per block, {2} bins, {3}",
                options.PixelsPerCell,
                options.CellsPerBlock,
                options.Orientations,
                options.BlockNormName);
            HogFigures.SaveGlyphs(context.Artifacts, input, descriptor, options, title);
        }

        return features;
    }

    private static Dictionary<string, string> Metadata(HogSettings settings, HogInput input, HogDescriptor descriptor)
    {
        HogOptions options = settings.Options;
        int blockRows = descriptor.CellRows - options.CellsPerBlock + 1;
        int blockColumns = descriptor.CellColumns - options.CellsPerBlock + 1;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["preset"] = "general",
            ["region"] = settings.MaskRegion ? "mask" : "image",
            ["input_rows"] = input.Rows.ToString(CultureInfo.InvariantCulture),
            ["input_columns"] = input.Columns.ToString(CultureInfo.InvariantCulture),
            ["orientations"] = options.Orientations.ToString(CultureInfo.InvariantCulture),
            ["pixels_per_cell"] = options.PixelsPerCell.ToString(CultureInfo.InvariantCulture),
            ["cells_per_block"] = options.CellsPerBlock.ToString(CultureInfo.InvariantCulture),
            ["block_norm"] = options.BlockNormName,
            ["transform_sqrt"] = options.TransformSqrt ? "true" : "false",
            ["shape"] = string.Format(
                CultureInfo.InvariantCulture,
                "{0} x {1} x {2} x {2} x {3}",
                blockRows,
                blockColumns,
                options.CellsPerBlock,
                options.Orientations),
            ["order"] = "block row, block column, cell row in block, cell column in block, orientation bin "
                + "(scikit-image hog feature_vector=True)",
            ["source"] = "scikit-image 0.19.3 skimage.feature.hog",
        };
    }
}
