using System.Globalization;
using SC2Mid.Core.Extraction;
using SC2Mid.Core.Output;

namespace SC2Mid.Cli;

/// <summary>Prints results as aligned text tables (Feature, Value, Unit) for people reading a terminal.</summary>
internal static class TablePrinter
{
    /// <summary>Longest run of numbered features printed in full.</summary>
    private const int MaxVectorRows = 16;

    /// <summary>Values printed from a longer run before its summary row.</summary>
    private const int ShownVectorRows = 4;

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
                var rows = CollapseVectors(item.Features);
                WriteRows(output, [("Feature", "Value", "Unit"), .. rows]);
                output.WriteLine();
            }

            foreach (var failure in image.Failures)
            {
                output.WriteLine($"  failure ({failure.Kind}): {failure.Message}");
            }
        }
    }

    /// <summary>
    /// Returns one row per feature, except that a run of more than <see cref="MaxVectorRows"/> features named
    /// <c>PREFIX.0</c>, <c>PREFIX.1</c>, ... shows its first values and one summary row, because a 512-value CNN
    /// vector would bury everything else; the CSV and JSON keep every value.
    /// </summary>
    private static List<(string Name, string Value, string Unit)> CollapseVectors(IReadOnlyList<FeatureResult> features)
    {
        var rows = new List<(string, string, string)>();
        var index = 0;
        while (index < features.Count)
        {
            var prefix = VectorPrefix(features[index].Descriptor.Name);
            var end = index + 1;
            while (prefix is not null && end < features.Count && VectorPrefix(features[end].Descriptor.Name) == prefix)
            {
                end++;
            }

            var shown = end - index > MaxVectorRows ? ShownVectorRows : end - index;
            for (var i = index; i < index + shown; i++)
            {
                var feature = features[i];
                rows.Add((feature.Descriptor.Name, FormatValue(feature), feature.Value.HasValue ? feature.Unit : string.Empty));
            }

            if (shown < end - index)
            {
                rows.Add(($"{prefix}.*", $"... {end - index - shown} more", "(all in the CSV and JSON)"));
            }

            index = end;
        }

        return rows;
    }

    private static string? VectorPrefix(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot > 0 && name[(dot + 1)..].All(char.IsAsciiDigit) ? name[..dot] : null;
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
