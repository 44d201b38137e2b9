using System.Globalization;
using SC2Mid.Core.Extraction;
using SC2Mid.Core.Output;

namespace SC2Mid.Cli;

/// <summary>Prints results as aligned text tables (Feature, Value, Unit) for people reading a terminal.</summary>
internal static class TablePrinter
{
    /// <summary>Prints one table per object of every image, and a status line for images without objects.</summary>
    public static void Print(TextWriter output, IReadOnlyList<ImageResult> images)
    {
        foreach (var image in images)
        {
            var calibration = image.Calibration.NmPerPixel is { } nm
                ? string.Create(CultureInfo.InvariantCulture, $"{nm} nm/px from {image.Calibration.Source}")
                : "uncalibrated (pixel units)";
            if (image.Objects.Count == 0)
            {
                output.WriteLine($"{image.ImageId}: {CsvResultWriter.StatusName(image.Status)}, {calibration}");
                foreach (var message in image.Failures.Select(f => f.Message).Concat(image.Warnings))
                {
                    output.WriteLine("  " + message);
                }

                output.WriteLine();
                continue;
            }

            foreach (var item in image.Objects)
            {
                output.WriteLine($"{image.ImageId}, object {item.ObjectId} of {image.Objects.Count}: {calibration}");
                var rows = item.Features
                    .Select(f => (f.Descriptor.Name, FormatValue(f), f.Value.HasValue ? f.Unit : string.Empty))
                    .ToList();
                WriteRows(output, [("Feature", "Value", "Unit"), .. rows]);
                output.WriteLine();
            }

            foreach (var failure in image.Failures)
            {
                output.WriteLine($"  failure ({failure.Kind}): {failure.Message}");
            }
        }
    }

    private static string FormatValue(FeatureResult feature) =>
        feature.Value is { } value ? value.ToString("G7", CultureInfo.InvariantCulture) : "null: " + feature.NullReason;

    private static void WriteRows(TextWriter output, List<(string Name, string Value, string Unit)> rows)
    {
        var nameWidth = rows.Max(row => row.Name.Length);
        var valueWidth = rows.Where(row => !row.Value.StartsWith("null", StringComparison.Ordinal))
            .Select(row => row.Value.Length)
            .DefaultIfEmpty(5)
            .Max();
        foreach (var (name, value, unit) in rows)
        {
            output.WriteLine($"  {name.PadRight(nameWidth)}  {value.PadLeft(valueWidth)}  {unit}".TrimEnd());
        }
    }
}
