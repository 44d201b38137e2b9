using System.Text.Json;

namespace SC2Mid.Cli.Tests;

public sealed class CliTests : IDisposable
{
    private readonly string _temporary =
        Path.Combine(Path.GetTempPath(), "sc2mid-cli-tests-" + Guid.NewGuid().ToString("N"));

    public CliTests() => Directory.CreateDirectory(_temporary);

    private static string CryoImage => Sc2mid.Sample("cryoet", "TS_001.133.tif");

    private static string CryoMask => Sc2mid.Sample("cryoet", "TS_001.133_ground_truth.tif");

    public void Dispose() => Directory.Delete(_temporary, recursive: true);

    [Fact]
    public void Extract_Uncalibrated_PrintsPixelArea()
    {
        var (exitCode, output, error) = Sc2mid.Run("extract", "--image", CryoImage, "--mask", CryoMask, "--features", "shape");

        Assert.True(exitCode == 0, error);
        Assert.Matches(@"shape\.area\s+59784\s+px\^2", output);
        Assert.Contains("uncalibrated", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_JsonToStdout_StaysParseable()
    {
        var (exitCode, output, error) = Sc2mid.Run(
            "extract", "-i", CryoImage, "-m", CryoMask, "--format", "json", "--nm-per-px", "0.5", "--log-level", "Debug");

        Assert.True(exitCode == 0, error);
        using var document = JsonDocument.Parse(output);
        var area = document.RootElement.GetProperty("images")[0].GetProperty("objects")[0]
            .GetProperty("features").GetProperty("shape.area");
        Assert.Equal(59784 * 0.25, area.GetProperty("value").GetDouble());
        Assert.Equal("nm^2", area.GetProperty("unit").GetString());
        Assert.Contains("Loaded plugin shape", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_CsvToFile_WritesTable()
    {
        var path = Path.Combine(_temporary, "out.csv");

        var (exitCode, _, error) = Sc2mid.Run("extract", "-i", CryoImage, "-m", CryoMask, "--format", "csv", "--out", path);

        Assert.True(exitCode == 0, error);
        var lines = File.ReadAllLines(path);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("image_id,object_id,status,", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_OutJsonWithoutFormat_WritesJson()
    {
        var path = Path.Combine(_temporary, "result.json");

        var (exitCode, _, error) = Sc2mid.Run("extract", "-i", CryoImage, "-m", CryoMask, "-f", "shape", "--out", path);

        Assert.True(exitCode == 0, error);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal("SC2Mid.Platform", document.RootElement.GetProperty("tool").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("--nm-per-px", "0", "--nm-per-px must be a number of nm per pixel from 0.001 to 1000000")]
    [InlineData("--nm-per-px", "1e300", "--nm-per-px must be a number of nm per pixel")]
    [InlineData("--nm-per-px", "0,4854", "write it with a decimal point")]
    [InlineData("--scale-bar-nm", "100", "--scale-bar-nm needs --scale-bar-px")]
    [InlineData("--set", "shape.nope=1", "no parameter 'nope'")]
    [InlineData("--set", "shape", "expected PLUGIN.PARAM=VALUE")]
    [InlineData("--objects", "blobs", "blobs")]
    public void Extract_InvalidOption_ExitsWithUsageError(string option, string value, string expected)
    {
        var (exitCode, _, error) = Sc2mid.Run("extract", "-i", CryoImage, "-m", CryoMask, option, value);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_ScaleBar206Px_UsesStudySize()
    {
        var (exitCode, output, error) = Sc2mid.Run(
            "extract", "-i", CryoImage, "-m", CryoMask, "--features", "shape", "--format", "json",
            "--scale-bar-px", "206", "--scale-bar-nm", "100");

        Assert.True(exitCode == 0, error);
        using var document = JsonDocument.Parse(output);
        var image = document.RootElement.GetProperty("images")[0];
        var nmPerPixel = image.GetProperty("calibration").GetProperty("nmPerPixel").GetDouble();
        Assert.Equal(100.0 / 206, nmPerPixel, 12);
        var area = image.GetProperty("objects")[0].GetProperty("features").GetProperty("shape.area");
        Assert.Equal(59784 * nmPerPixel * nmPerPixel, area.GetProperty("value").GetDouble(), 6);
    }

    [Theory]
    [InlineData("--scale-bar", "auto", "--scale-bar auto needs --scale-bar-nm")]
    [InlineData("--scale-bar-px", "206", "--scale-bar-px needs --scale-bar-nm")]
    [InlineData("--scale-bar-nm", "-5", "--scale-bar-nm must be a positive number of nm")]
    [InlineData("--scale-bar-nm", "1,5", "write it with a decimal point")]
    public void Extract_IncompleteScaleBar_ExitsWithUsageError(string option, string value, string expected)
    {
        var (exitCode, _, error) = Sc2mid.Run("extract", "-i", CryoImage, "-m", CryoMask, option, value);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ScaleBar_CryoEtSlice_ReportsNoBar()
    {
        var (exitCode, output, _) = Sc2mid.Run("scale-bar", CryoImage, "--scale-bar-nm", "100");

        Assert.Equal(1, exitCode);
        Assert.Contains("no scale bar found", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_UnknownPlugin_ExitsWithPluginError()
    {
        var (exitCode, _, error) = Sc2mid.Run("extract", "-i", CryoImage, "-m", CryoMask, "--features", "shap");

        Assert.Equal(4, exitCode);
        Assert.Contains("Loaded plugins: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_MissingImage_ExitsWithInputError()
    {
        var missing = Path.Combine(_temporary, "missing.tif");

        var (exitCode, output, _) = Sc2mid.Run("extract", "-i", missing, "-m", CryoMask);

        Assert.Equal(3, exitCode);
        Assert.Contains(missing, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_BundledDataset_WritesCsvAndJson()
    {
        var folder = Path.Combine(_temporary, "results");

        var (exitCode, output, error) = Sc2mid.Run("batch", Sc2mid.Sample("dataset.csv"), "--out", folder);

        Assert.True(exitCode == 0, error);
        Assert.Contains("2 images: 1 ok, 1 without mask, 0 partial, 0 failed.", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "results.csv")));
        Assert.True(File.Exists(Path.Combine(folder, "results.json")));
        Assert.True(File.Exists(Path.Combine(folder, "errors.csv")));
        Assert.True(File.Exists(Path.Combine(folder, "run-info.json")));
        Assert.Contains("[2/2]", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }

    [Fact]
    public void PluginsList_Bundled_ShowsShapeLoaded()
    {
        var (exitCode, output, error) = Sc2mid.Run("plugins", "list", "--parameters");

        Assert.True(exitCode == 0, error);
        Assert.Matches(@"shape \S+\s+loaded", output);
        Assert.Contains("shape.area [px^2]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void PluginsValidate_BrokenManifest_NamesField()
    {
        var plugin = Path.Combine(_temporary, "broken");
        Directory.CreateDirectory(plugin);
        File.WriteAllText(Path.Combine(plugin, "plugin.json"), """
            { "id": "broken", "name": "Broken", "version": "1.0", "description": "x",
              "hostApi": { "minimum": "1.0", "maximumExclusive": "2.0" }, "entryAssembly": "Broken.dll",
              "features": [], "parameters": [], "authors": ["a"], "license": "MIT" }
            """);

        var (exitCode, output, _) = Sc2mid.Run("plugins", "validate", plugin);

        Assert.Equal(4, exitCode);
        Assert.Contains("'/version'", output, StringComparison.Ordinal);
        Assert.Contains("'/features'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void DeepLayers_BundledModel_ListsTappableLayers()
    {
        var (exitCode, output, error) = Sc2mid.Run("deep", "layers");

        Assert.True(exitCode == 0, error);
        Assert.Contains("relu261_output_0: ", output, StringComparison.Ordinal);
        Assert.Contains("'ReLU261_Output_0'", output, StringComparison.Ordinal);
        Assert.Contains("[1, 512, 1, 1]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_NamesUnitsAndExitCodes()
    {
        var (exitCode, output, _) = Sc2mid.Run("extract", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("nm per pixel (nm/px)", output, StringComparison.Ordinal);
        var (_, rootHelp, _) = Sc2mid.Run("--help");
        Assert.Contains("Exit codes: 0 success", rootHelp, StringComparison.Ordinal);
    }
}
