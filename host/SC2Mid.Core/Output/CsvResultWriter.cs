using System.Globalization;
using System.Text;
using SC2Mid.Core.Extraction;
using SC2Mid.Core.Plugins;

namespace SC2Mid.Core.Output;

/// <summary>
/// Writes the wide table: one row per image and object, one column per feature. Column headers carry the unit in
/// brackets (<c>shape.area [px^2]</c>). Lengths and areas get a second column in nm when any image is calibrated,
/// empty for uncalibrated rows. An image without objects (no mask, failed) gets one row with its status.
/// </summary>
public static class CsvResultWriter
{
    /// <summary>Writes the table to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, IReadOnlyList<FeatureDescriptor> features, IReadOnlyList<ImageResult> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        Write(path, features, images, images.Any(image => image.Calibration.IsCalibrated));
    }

    /// <summary>
    /// Writes the table to <paramref name="path"/> atomically, enumerating <paramref name="images"/> once, so a
    /// caller can stream results from disk without holding them all.
    /// </summary>
    /// <param name="path">Destination file.</param>
    /// <param name="features">Columns, in order.</param>
    /// <param name="images">Rows, in order.</param>
    /// <param name="calibratedColumns">Whether lengths and areas get a second column in nm.</param>
    public static void Write(
        string path,
        IReadOnlyList<FeatureDescriptor> features,
        IEnumerable<ImageResult> images,
        bool calibratedColumns)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(images);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: -1, leaveOpen: true) { NewLine = "\n" };
            Write(writer, features, images, calibratedColumns);
        });
    }

    /// <summary>Writes the table to <paramref name="writer"/>.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<FeatureDescriptor> features, IReadOnlyList<ImageResult> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        Write(writer, features, images, images.Any(image => image.Calibration.IsCalibrated));
    }

    private static void Write(
        TextWriter writer,
        IReadOnlyList<FeatureDescriptor> features,
        IEnumerable<ImageResult> images,
        bool anyCalibrated)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var layout = new WideTableLayout(features, anyCalibrated);
        writer.WriteLine(string.Join(',', layout.ColumnNames.Select(Quote)));
        var values = new double?[layout.FeatureColumns.Count];
        foreach (var (image, item) in WideTableLayout.Rows(images))
        {
            layout.ReadValues(item, values);
            var cells = Prefix(image, item).Concat(values.Select(Format));
            writer.WriteLine(string.Join(',', cells.Select(Quote)));
        }
    }

    private static IEnumerable<string> Prefix(ImageResult image, ObjectResult? item)
    {
        yield return image.ImageId;
        yield return item?.ObjectId.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
        yield return StatusName(image.Status);
        yield return Format(image.Calibration.NmPerPixel);
        yield return image.Calibration.Source;
        yield return item is null ? string.Empty : item.BoundingBox.X.ToString(CultureInfo.InvariantCulture);
        yield return item is null ? string.Empty : item.BoundingBox.Y.ToString(CultureInfo.InvariantCulture);
        yield return item is null ? string.Empty : item.BoundingBox.Width.ToString(CultureInfo.InvariantCulture);
        yield return item is null ? string.Empty : item.BoundingBox.Height.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Lower-case status name used in CSV and JSON: ok, no_mask, no_objects, partial, failed.</summary>
    public static string StatusName(ImageStatus status) => status switch
    {
        ImageStatus.NoMask => "no_mask",
        ImageStatus.NoObjects => "no_objects",
        _ => status.ToString().ToLowerInvariant(),
    };

    // "R" keeps every digit, so values read back from the CSV equal the computed doubles.
    private static string Format(double? value) =>
        value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>Quotes a cell when it contains a comma, quote or line break (RFC 4180).</summary>
    public static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
