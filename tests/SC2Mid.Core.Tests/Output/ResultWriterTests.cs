using System.Text.Json;
using SC2Mid.Core.Datasets;
using SC2Mid.Core.Extraction;
using SC2Mid.Core.Output;
using SC2Mid.Core.Plugins;
using SC2Mid.Core.Scaling;
using SC2Mid.Core.Tests.Support;
using SC2Mid.Sdk;

namespace SC2Mid.Core.Tests.Output;

/// <summary>CSV and JSON written from a real batch over the bundled samples.</summary>
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
