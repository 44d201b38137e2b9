using System.Text.Json;
using ParquetSharp;
using ParquetSharp.Schema;
using SC2Mid.Core.Datasets;
using SC2Mid.Core.Extraction;
using SC2Mid.Core.Output;
using SC2Mid.Core.Plugins;
using SC2Mid.Core.Scaling;
using SC2Mid.Core.Tests.Support;
using SC2Mid.Sdk;

namespace SC2Mid.Core.Tests.Output;

/// <summary>
/// CSV, Parquet and JSON written from a real batch over the bundled samples. The Parquet files are read back with
/// ParquetSharp (Apache Arrow's C++ implementation), not with Parquet.Net, which wrote them.
/// </summary>
public sealed class ResultWriterTests : IDisposable
{
    private readonly PluginCatalog _catalog = Catalogs.BundledAndFixtures();
    private readonly TemporaryFolder _temporary = new();

    public void Dispose()
    {
        _catalog.Dispose();
        _temporary.Dispose();
    }

    [Fact]
    public void BatchRunner_FailedItem_OthersContinue()
    {
        var (_, results) = RunBatch(calibration: null);

        Assert.Equal(["TS_001.133.tif", "absent.png", "niaid.jpg"], results.Select(result => result.ImageId));
        Assert.Equal([ImageStatus.Ok, ImageStatus.Failed, ImageStatus.NoMask], results.Select(result => result.Status));
    }

    [Fact]
    public void Csv_Uncalibrated_HasPixelColumns()
    {
        var (extractor, results) = RunBatch(calibration: null);
        var path = Path.Combine(_temporary.Path, "out", "results.csv");

        CsvResultWriter.Write(path, extractor.Features.ToArray(), results);

        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        Assert.Equal("image_id", header[0]);
        Assert.Contains("shape.area [px^2]", header);
        Assert.DoesNotContain("shape.area [nm^2]", header);
        Assert.Equal(4, lines.Length);
        var row = lines[1].Split(',');
        Assert.Equal("TS_001.133.tif", row[0]);
        Assert.Equal("1", row[1]);
        Assert.Equal("ok", row[2]);
        Assert.Equal("59784", row[Array.IndexOf(header, "shape.area [px^2]")]);
        Assert.StartsWith("absent.png,,failed,", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("niaid.jpg,,no_mask,", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_Calibrated_AddsNanometreColumns()
    {
        var (extractor, results) = RunBatch(Calibration.FromNmPerPixel(0.5, "test"));
        var path = Path.Combine(_temporary.Path, "results.csv");

        CsvResultWriter.Write(path, extractor.Features.ToArray(), results);

        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var row = lines[1].Split(',');
        Assert.Equal("14946", row[Array.IndexOf(header, "shape.area [nm^2]")]);
        Assert.Equal("59784", row[Array.IndexOf(header, "shape.area [px^2]")]);
        Assert.Equal("0.5", row[Array.IndexOf(header, "nm_per_px")]);
    }

    [Fact]
    public void Json_Batch_RecordsProvenanceUnitsAndValues()
    {
        var (extractor, results) = RunBatch(calibration: null);
        var path = Path.Combine(_temporary.Path, "results.json");
        var run = new RunInfo("9.9.9", ["batch", "x"], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

        JsonResultWriter.Write(path, run, extractor, results);

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        Assert.Equal("9.9.9", root.GetProperty("tool").GetProperty("version").GetString());
        var plugin = root.GetProperty("plugins")[0];
        Assert.Equal("shape", plugin.GetProperty("id").GetString());
        Assert.Matches("^[0-9a-f]{64}$", plugin.GetProperty("assemblySha256").GetString());
        var feature = root.GetProperty("features").EnumerateArray()
            .Single(element => element.GetProperty("name").GetString() == "shape.area");
        Assert.Equal("px^2", feature.GetProperty("unitPx").GetString());
        Assert.False(string.IsNullOrWhiteSpace(feature.GetProperty("definition").GetString()));
        var image = root.GetProperty("images")[0];
        Assert.Equal(
            "bfe288610695ac570f1414e4171f6ce7e175c36d0147605945e00a6f8eb70324",
            image.GetProperty("imageSha256").GetString());
        Assert.Equal("none", image.GetProperty("calibration").GetProperty("source").GetString());
        var area = image.GetProperty("objects")[0].GetProperty("features").GetProperty("shape.area");
        Assert.Equal(59784, area.GetProperty("value").GetDouble());
        Assert.Equal("px^2", area.GetProperty("unit").GetString());
        var failed = root.GetProperty("images")[1];
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Equal("input", failed.GetProperty("failures")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public void Parquet_Uncalibrated_TypesCsvColumns()
    {
        var (extractor, results) = RunBatch(calibration: null);
        var provenance = RunProvenance.From(extractor, "9.9.9");
        var csv = Path.Combine(_temporary.Path, "results.csv");
        var parquet = Path.Combine(_temporary.Path, "results.parquet");

        CsvResultWriter.Write(csv, provenance.Features, results);
        ParquetResultWriter.Write(parquet, provenance, results, calibratedColumns: false);

        using var reader = new ParquetFileReader(parquet);
        var schema = reader.FileMetaData.Schema;
        var names = Enumerable.Range(0, schema.NumColumns).Select(i => schema.Column(i).Name);
        Assert.Equal(File.ReadLines(csv).First().Split(','), names);
        AssertColumn(schema, "image_id", PhysicalType.ByteArray, Repetition.Required);
        AssertColumn(schema, "object_id", PhysicalType.Int32, Repetition.Optional);
        AssertColumn(schema, "status", PhysicalType.ByteArray, Repetition.Required);
        AssertColumn(schema, "nm_per_px", PhysicalType.Double, Repetition.Optional);
        AssertColumn(schema, "calibration_source", PhysicalType.ByteArray, Repetition.Required);
        AssertColumn(schema, "bbox_height", PhysicalType.Int32, Repetition.Optional);
        AssertColumn(schema, "shape.area [px^2]", PhysicalType.Double, Repetition.Optional);
        Assert.IsType<StringLogicalType>(Column(schema, "image_id").LogicalType);
        var objectIdType = Assert.IsType<IntLogicalType>(Column(schema, "object_id").LogicalType);
        Assert.Equal(32, objectIdType.BitWidth);
        Assert.True(objectIdType.IsSigned);
    }

    [Fact]
    public void Parquet_Uncalibrated_MatchesCsvRows()
    {
        var (extractor, results) = RunBatch(calibration: null);
        var path = Path.Combine(_temporary.Path, "results.parquet");

        ParquetResultWriter.Write(path, RunProvenance.From(extractor, "9.9.9"), results, calibratedColumns: false);

        using var reader = new ParquetFileReader(path);
        Assert.Equal(["TS_001.133.tif", "absent.png", "niaid.jpg"], ReadColumn<string>(reader, "image_id"));
        Assert.Equal([1, null, null], ReadColumn<int?>(reader, "object_id"));
        Assert.Equal(["ok", "failed", "no_mask"], ReadColumn<string>(reader, "status"));
        Assert.Equal([null, null, null], ReadColumn<double?>(reader, "nm_per_px"));
        Assert.Equal(["none", "none", "none"], ReadColumn<string>(reader, "calibration_source"));
        Assert.Equal([59784, null, null], ReadColumn<double?>(reader, "shape.area [px^2]"));
        Assert.Null(ReadColumn<int?>(reader, "bbox_width")[1]);
        Assert.True(ReadColumn<int?>(reader, "bbox_width")[0] > 0);
    }

    [Fact]
    public void Parquet_Calibrated_AddsNanometreColumns()
    {
        var (extractor, results) = RunBatch(Calibration.FromNmPerPixel(0.5, "test"));
        var path = Path.Combine(_temporary.Path, "results.parquet");

        ParquetResultWriter.Write(path, RunProvenance.From(extractor, "9.9.9"), results, calibratedColumns: true);

        using var reader = new ParquetFileReader(path);
        Assert.Equal(14946, ReadColumn<double?>(reader, "shape.area [nm^2]")[0]);
        Assert.Equal(59784, ReadColumn<double?>(reader, "shape.area [px^2]")[0]);
        Assert.Equal(0.5, ReadColumn<double?>(reader, "nm_per_px")[0]);
        Assert.Equal("test", ReadColumn<string>(reader, "calibration_source")[0]);
    }

    [Fact]
    public void Parquet_Metadata_CarriesUnitsAndProvenance()
    {
        var (extractor, results) = RunBatch(Calibration.FromNmPerPixel(0.5, "test"));
        var path = Path.Combine(_temporary.Path, "results.parquet");

        ParquetResultWriter.Write(path, RunProvenance.From(extractor, "9.9.9"), results, calibratedColumns: true);

        using var reader = new ParquetFileReader(path);
        var metadata = reader.FileMetaData.KeyValueMetadata;

        // Only these keys, so no write time or host name can make two runs differ.
        Assert.Equal(
            ["sc2mid.provenance", "sc2mid.units", "sc2mid.version"],
            metadata.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", reader.FileMetaData.CreatedBy);
        Assert.Equal("9.9.9", metadata[ParquetResultWriter.VersionKey]);

        using var units = JsonDocument.Parse(metadata[ParquetResultWriter.UnitsKey]);
        Assert.Equal("nm/px", units.RootElement.GetProperty("nm_per_px").GetString());
        Assert.Equal("px", units.RootElement.GetProperty("bbox_x").GetString());
        Assert.Equal("px^2", units.RootElement.GetProperty("shape.area [px^2]").GetString());
        Assert.Equal("nm^2", units.RootElement.GetProperty("shape.area [nm^2]").GetString());
        var schema = reader.FileMetaData.Schema;
        var featureColumns = Enumerable.Range(0, schema.NumColumns).Select(i => schema.Column(i).Name)
            .Where(name => name.StartsWith("shape.", StringComparison.Ordinal));
        Assert.All(featureColumns, name => Assert.True(units.RootElement.TryGetProperty(name, out _), name));

        using var provenance = JsonDocument.Parse(metadata[ParquetResultWriter.ProvenanceKey]);
        var root = provenance.RootElement;
        Assert.Equal("9.9.9", root.GetProperty("tool").GetProperty("version").GetString());
        Assert.False(root.TryGetProperty("run", out _));
        var plugin = root.GetProperty("plugins")[0];
        Assert.Equal("shape", plugin.GetProperty("id").GetString());
        Assert.False(string.IsNullOrWhiteSpace(plugin.GetProperty("version").GetString()));
        Assert.Matches("^[0-9a-f]{64}$", plugin.GetProperty("assemblySha256").GetString());
        var area = root.GetProperty("features").EnumerateArray()
            .Single(element => element.GetProperty("name").GetString() == "shape.area");
        Assert.Equal("nm^2", area.GetProperty("unitCalibrated").GetString());
        Assert.False(string.IsNullOrWhiteSpace(area.GetProperty("definition").GetString()));
    }

    [Fact]
    public void Json_ManyImages_StreamsOutput()
    {
        var (extractor, results) = RunBatch(calibration: null);
        using var stream = new MemoryStream();
        long lengthBeforeLast = -1;
        IEnumerable<ImageResult> Copies()
        {
            for (var i = 0; i < 200; i++)
            {
                if (i == 199)
                {
                    lengthBeforeLast = stream.Length;
                }

                yield return results[0] with { ImageId = $"copy{i}" };
            }
        }

        JsonResultWriter.Write(stream, RunProvenance.From(extractor, "9.9.9"), run: null, Copies());

        // Bytes must reach the stream while the images are still coming, or a large run keeps the whole file in
        // memory until the end.
        Assert.True(
            lengthBeforeLast > stream.Length / 2,
            $"{lengthBeforeLast} of {stream.Length} bytes had reached the stream before the last image.");
    }

    [Fact]
    public void Parquet_ManyRows_BoundsRowGroups()
    {
        var (extractor, results) = RunBatch(calibration: null);
        var path = Path.Combine(_temporary.Path, "results.parquet");
        var rowCount = (2 * ParquetResultWriter.MaxRowsPerRowGroup) + 1;
        var enumerations = 0;
        IEnumerable<ImageResult> Copies()
        {
            enumerations++;
            for (var i = 0; i < rowCount; i++)
            {
                yield return results[0] with { ImageId = $"copy{i}" };
            }
        }

        ParquetResultWriter.Write(path, RunProvenance.From(extractor, "9.9.9"), Copies(), calibratedColumns: false);

        Assert.Equal(1, enumerations);
        using var reader = new ParquetFileReader(path);
        var metadata = reader.FileMetaData;
        Assert.Equal(rowCount, metadata.NumRows);
        var perGroup = ParquetResultWriter.RowsPerRowGroup(metadata.NumColumns);
        var groupSizes = Enumerable.Range(0, metadata.NumRowGroups).Select(i =>
        {
            using var rowGroup = reader.RowGroup(i);
            return rowGroup.MetaData.NumRows;
        });
        var expected = Enumerable.Range(0, rowCount).Chunk(perGroup).Select(chunk => (long)chunk.Length);
        Assert.Equal(expected, groupSizes);
        Assert.Equal($"copy{rowCount - 1}", ReadColumn<string>(reader, "image_id")[^1]);
    }

    [Theory]
    [InlineData(20, ParquetResultWriter.MaxRowsPerRowGroup)]
    [InlineData(622, 421)]
    [InlineData(2_000_000, 1)]
    public void RowsPerRowGroup_ColumnCount_BoundsCells(int columnCount, int expected)
    {
        var rows = ParquetResultWriter.RowsPerRowGroup(columnCount);

        Assert.Equal(expected, rows);
        Assert.True((long)rows * columnCount <= ParquetResultWriter.MaxCellsPerRowGroup || rows == 1);
    }

    [Fact]
    public void Parquet_NoImages_WritesEmptyTable()
    {
        var (extractor, _) = RunBatch(calibration: null);
        var provenance = RunProvenance.From(extractor, "9.9.9");
        var path = Path.Combine(_temporary.Path, "results.parquet");

        ParquetResultWriter.Write(path, provenance, [], calibratedColumns: false);

        using var reader = new ParquetFileReader(path);
        Assert.Equal(0, reader.FileMetaData.NumRows);
        Assert.Equal(9 + provenance.Features.Count, reader.FileMetaData.NumColumns);
    }

    [Fact]
    public void Parquet_ReadFails_KeepsOldFileAndException()
    {
        var (extractor, results) = RunBatch(calibration: null);
        var path = Path.Combine(_temporary.Path, "results.parquet");
        File.WriteAllText(path, "old");
        IEnumerable<ImageResult> FailAfterFirst()
        {
            yield return results[0];
            throw new InvalidDataException("journal entry unreadable");
        }

        var exception = Assert.Throws<InvalidDataException>(() => ParquetResultWriter.Write(
            path, RunProvenance.From(extractor, "9.9.9"), FailAfterFirst(), calibratedColumns: false));

        Assert.Equal("journal entry unreadable", exception.Message);
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_temporary.Path));
    }

    [Fact]
    public void AtomicFile_WriterThrows_KeepsOldFile()
    {
        var path = Path.Combine(_temporary.Path, "results.csv");
        File.WriteAllText(path, "old");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("partial"u8);
            throw new InvalidOperationException("disk full");
        }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_temporary.Path));
    }

    private static ColumnDescriptor Column(SchemaDescriptor schema, string name) =>
        schema.Column(schema.ColumnIndex(name));

    private static void AssertColumn(SchemaDescriptor schema, string name, PhysicalType type, Repetition repetition)
    {
        var column = Column(schema, name);
        Assert.Equal(type, column.PhysicalType);
        Assert.Equal(repetition, column.SchemaNode.Repetition);
    }

    private static T[] ReadColumn<T>(ParquetFileReader reader, string name)
    {
        var index = reader.FileMetaData.Schema.ColumnIndex(name);
        var values = new List<T>();
        for (var i = 0; i < reader.FileMetaData.NumRowGroups; i++)
        {
            using var rowGroup = reader.RowGroup(i);
            using var column = rowGroup.Column(index);
            using var logical = column.LogicalReader<T>();
            values.AddRange(logical.ReadAll(checked((int)rowGroup.MetaData.NumRows)));
        }

        return values.ToArray();
    }

    private (Extractor Extractor, IReadOnlyList<ImageResult> Results) RunBatch(Calibration? calibration)
    {
        var extractor = new Extractor(_catalog, new ExtractionOptions
        {
            PluginIds = ["shape"],
            Calibration = new CalibrationRequest { CommandLine = calibration },
        });
        DatasetItem[] items =
        [
            new("TS_001.133.tif", TestPaths.CryoEtImage, TestPaths.CryoEtMask, null),
            new("absent.png", Path.Combine(_temporary.Path, "absent.png"), TestPaths.CryoEtMask, null),
            new("niaid.jpg", TestPaths.NiaidImage, null, null),
        ];
        return (extractor, BatchRunner.Run(extractor, items, maxParallelism: 2));
    }
}
