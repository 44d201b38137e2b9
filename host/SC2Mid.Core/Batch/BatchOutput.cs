using System.Globalization;
using System.Text;
using SC2Mid.Core.Extraction;
using SC2Mid.Core.Output;

namespace SC2Mid.Core.Batch;

/// <summary>
/// Writes the final files of a batch from its results: results.csv, results.parquet, results.json and errors.csv.
/// </summary>
public static class BatchOutput
{
    /// <summary>File name of the wide table.</summary>
    public const string CsvName = "results.csv";

    /// <summary>File name of the wide table as Apache Parquet, with the CSV's rows and column names, typed.</summary>
    public const string ParquetName = "results.parquet";

    /// <summary>File name of the full record.</summary>
    public const string JsonName = "results.json";

    /// <summary>File name of the list of failed images and plugins.</summary>
    public const string ErrorsName = "errors.csv";

    /// <summary>
    /// Writes the four files atomically. They contain no times or command line, so the same dataset, plugins
    /// and options always give the same bytes, however the run was split or interrupted.
    /// </summary>
    public static void Write(string folder, RunProvenance provenance, IReadOnlyList<ImageResult> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        Write(folder, provenance, () => images);
    }

    /// <summary>
    /// Writes the four files atomically from results that <paramref name="images"/> enumerates afresh on each
    /// call (five passes), so a caller can stream them from the journal instead of holding them in memory.
    /// </summary>
    public static void Write(string folder, RunProvenance provenance, Func<IEnumerable<ImageResult>> images)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        ArgumentNullException.ThrowIfNull(images);
        var calibrated = images().Any(image => image.Calibration.IsCalibrated);
        CsvResultWriter.Write(Path.Combine(folder, CsvName), provenance.Features, images(), calibrated);
        ParquetResultWriter.Write(Path.Combine(folder, ParquetName), provenance, images(), calibrated);
        AtomicFile.Write(
            Path.Combine(folder, JsonName),
            stream => JsonResultWriter.Write(stream, provenance, run: null, images()));
        WriteErrors(Path.Combine(folder, ErrorsName), images());
    }

    private static void WriteErrors(string path, IEnumerable<ImageResult> images)
    {
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: -1, leaveOpen: true);
            writer.NewLine = "\n";
            writer.WriteLine("image_id,image_path,object_id,plugin,kind,message");
            foreach (var image in images)
            {
                foreach (var failure in image.Failures)
                {
                    var cells = new[]
                    {
                        image.ImageId,
                        image.ImagePath,
                        failure.ObjectId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                        failure.PluginId ?? string.Empty,
                        failure.Kind.ToString().ToLowerInvariant(),
                        failure.Message,
                    };
                    writer.WriteLine(string.Join(',', cells.Select(CsvResultWriter.Quote)));
                }
            }
        });
    }
}
