using SC2Mid.Core.Extraction;
using SC2Mid.Core.Plugins;

namespace SC2Mid.Core.Output;

/// <summary>
/// Columns and rows of the wide table, shared by the CSV and Parquet writers so that both files have the same
/// columns, in the same order and under the same names, and the same rows.
/// </summary>
internal sealed class WideTableLayout
{
    /// <summary>Columns before the features, in order.</summary>
    public static readonly IReadOnlyList<string> FixedColumns =
        ["image_id", "object_id", "status", "nm_per_px", "calibration_source", "bbox_x", "bbox_y", "bbox_width",
         "bbox_height"];

    /// <summary>Creates the layout for <paramref name="features"/>.</summary>
    /// <param name="features">Features in output order.</param>
    /// <param name="calibratedColumns">
    /// Whether lengths and areas get a second column in nm, which the writers add when any image is calibrated.
    /// </param>
    public WideTableLayout(IReadOnlyList<FeatureDescriptor> features, bool calibratedColumns)
    {
        ArgumentNullException.ThrowIfNull(features);
        var columns = new List<WideTableColumn>();
        foreach (var feature in features)
        {
            columns.Add(new WideTableColumn($"{feature.Name} [{feature.PixelUnit}]", feature, Calibrated: false));
            if (calibratedColumns && feature.IsCalibrated)
            {
                var name = $"{feature.Name} [{feature.CalibratedUnit}]";
                columns.Add(new WideTableColumn(name, feature, Calibrated: true));
            }
        }

        FeatureColumns = columns;
    }

    /// <summary>Feature columns, in order after <see cref="FixedColumns"/>.</summary>
    public IReadOnlyList<WideTableColumn> FeatureColumns { get; }

    /// <summary>Names of all columns, fixed columns first.</summary>
    public IEnumerable<string> ColumnNames => FixedColumns.Concat(FeatureColumns.Select(column => column.Name));

    /// <summary>
    /// Enumerates the rows of <paramref name="images"/> lazily: one per object, or one with a null object for an
    /// image without objects (no mask, empty mask, failed).
    /// </summary>
    public static IEnumerable<(ImageResult Image, ObjectResult? Object)> Rows(IEnumerable<ImageResult> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        foreach (var image in images)
        {
            if (image.Objects.Count == 0)
            {
                yield return (image, null);
                continue;
            }

            foreach (var item in image.Objects)
            {
                yield return (image, item);
            }
        }
    }

    /// <summary>
    /// Reads the feature values of one row into <paramref name="values"/>, one per <see cref="FeatureColumns"/>
    /// entry. A value is null when the object is null, lacks the feature or the feature has no value.
    /// </summary>
    public void ReadValues(ObjectResult? item, Span<double?> values)
    {
        if (values.Length != FeatureColumns.Count)
        {
            throw new ArgumentException(
                $"Expected room for {FeatureColumns.Count} values, one per feature column, not {values.Length}.",
                nameof(values));
        }

        if (item is null)
        {
            values.Clear();
            return;
        }

        var byName = item.Features.ToDictionary(result => result.Descriptor.Name, StringComparer.Ordinal);
        for (var i = 0; i < values.Length; i++)
        {
            var column = FeatureColumns[i];
            var result = byName.GetValueOrDefault(column.Feature.Name);
            values[i] = column.Calibrated ? result?.CalibratedValue : result?.PixelValue;
        }
    }
}
