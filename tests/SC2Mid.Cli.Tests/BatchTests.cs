namespace SC2Mid.Cli.Tests;

/// <summary>Batch runs over copies of the bundled samples with bad inputs, faulty plugins, resume and shards.</summary>
public sealed class BatchTests : IDisposable
{
    private static readonly string[] OutputFiles = ["results.csv", "results.parquet", "results.json", "errors.csv"];

    private readonly string _temporary =
        Path.Combine(Path.GetTempPath(), "sc2mid-batch-tests-" + Guid.NewGuid().ToString("N"));

    public BatchTests() => Directory.CreateDirectory(_temporary);

    private static string FaultyPlugin => Path.Combine(Sc2mid.RepositoryRoot, "artifacts", "test-plugins", "faulty");

    public void Dispose() => Directory.Delete(_temporary, recursive: true);

    [Fact]
    public void Batch_BadInputs_ListsErrors()
    {
        var dataset = GoodAndBadDataset();
        var output = Path.Combine(_temporary, "out");

        var (exitCode, stdout, _) = Sc2mid.Run(
            "batch", dataset, "--out", output, "--plugins", FaultyPlugin, "--features", "shape,faulty",
            "--set", "faulty.mode=throw");

        Assert.Equal(1, exitCode);
        Assert.Contains("3 images: 0 ok, 0 without mask, 1 partial, 2 failed.", stdout, StringComparison.Ordinal);
        var rows = File.ReadAllLines(Path.Combine(output, "results.csv"));
        var good = rows.Single(row => row.StartsWith("good.tif,1,partial,", StringComparison.Ordinal));
        Assert.Contains(",59784,", good, StringComparison.Ordinal);
        var errors = File.ReadAllLines(Path.Combine(output, "errors.csv"));
        Assert.Equal(4, errors.Length);
        Assert.Contains(errors, line => line.StartsWith("corrupt.png,", StringComparison.Ordinal) && line.Contains(",input,"));
        Assert.Contains(errors, line => line.StartsWith("mismatched.jpg,", StringComparison.Ordinal) && line.Contains(",input,"));
        Assert.Contains(errors, line => line.StartsWith("good.tif,", StringComparison.Ordinal) && line.Contains(",faulty,plugin,"));
        AssertParquetEqualsCsv(output);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Batch_Samples_ParquetEqualsCsv(bool calibrated)
    {
        var output = Path.Combine(_temporary, "out");
        string[] calibration = calibrated ? ["--nm-per-px", "0.5"] : [];

        var (exitCode, stdout, error) = Sc2mid.Run(
            ["batch", Sc2mid.Sample("dataset.csv"), "--out", output, .. calibration]);

        Assert.True(exitCode == 0, error);
        Assert.Contains(Path.Combine(output, "results.parquet"), stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(output, "*.tmp"));
        var header = AssertParquetEqualsCsv(output);
        Assert.Equal(calibrated, header.Contains("shape.area [nm^2]"));
    }

    [Fact]
    public void Batch_HangingPlugin_TimesOutAndContinues()
    {
        var output = Path.Combine(_temporary, "out");

        var (exitCode, _, _) = Sc2mid.Run(
            "batch", Sc2mid.Sample("dataset.csv"), "--out", output, "--plugins", FaultyPlugin,
            "--features", "shape,faulty", "--set", "faulty.mode=hang", "--plugin-timeout", "1");

        Assert.Equal(1, exitCode);
        var errors = File.ReadAllLines(Path.Combine(output, "errors.csv"));
        Assert.Contains(errors, line => line.Contains(",faulty,timeout,", StringComparison.Ordinal));
        Assert.Contains("59784", File.ReadAllText(Path.Combine(output, "results.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_RerunAfterLostEntries_GivesIdenticalFiles()
    {
        var complete = Path.Combine(_temporary, "complete");
        var interrupted = Path.Combine(_temporary, "interrupted");
        var dataset = Sc2mid.Sample("dataset.csv");
        Assert.Equal(0, Sc2mid.Run("batch", dataset, "--out", complete, "--features", "shape,hu").ExitCode);
        Assert.Equal(0, Sc2mid.Run("batch", dataset, "--out", interrupted, "--features", "shape,hu", "-j", "1").ExitCode);

        // A run killed after its first image has one journal entry and no final files.
        File.Delete(Directory.GetFiles(Path.Combine(interrupted, ".journal", "entries")).Order().Last());
        foreach (var name in OutputFiles)
        {
            File.Delete(Path.Combine(interrupted, name));
        }

        var (exitCode, _, stderr) = Sc2mid.Run("batch", dataset, "--out", interrupted, "--features", "shape,hu");

        Assert.Equal(0, exitCode);
        Assert.Contains("Resuming: 1 image(s) already finished", stderr, StringComparison.Ordinal);
        foreach (var name in OutputFiles)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(complete, name)), File.ReadAllBytes(Path.Combine(interrupted, name)));
        }
    }

    [Fact]
    public void Batch_FixedInputAfterRun_IsProcessedAgain()
    {
        var dataset = GoodAndBadDataset();
        var output = Path.Combine(_temporary, "out");
        Assert.Equal(1, Sc2mid.Run("batch", dataset, "--out", output, "--features", "shape").ExitCode);

        // The user replaces the corrupt image with a good one, which is newer than its journal entry.
        var corrupt = Path.Combine(dataset, "corrupt.png");
        File.Copy(Sc2mid.Sample("cryoet", "TS_001.133.png"), corrupt, overwrite: true);
        File.SetLastWriteTimeUtc(corrupt, DateTime.UtcNow.AddMinutes(1));
        var (exitCode, _, stderr) = Sc2mid.Run("batch", dataset, "--out", output, "--features", "shape");

        Assert.Equal(1, exitCode);
        Assert.Contains("1 finished image(s) changed on disk", stderr, StringComparison.Ordinal);
        var rows = File.ReadAllLines(Path.Combine(output, "results.csv"));
        Assert.Contains(rows, row => row.StartsWith("corrupt.png,1,ok,", StringComparison.Ordinal));
        Assert.DoesNotContain(
            File.ReadAllLines(Path.Combine(output, "errors.csv")),
            line => line.StartsWith("corrupt.png,", StringComparison.Ordinal));
    }

    [Fact]
    public void Batch_LeftoverTemporaryFiles_AreRemoved()
    {
        var output = Path.Combine(_temporary, "out");
        Directory.CreateDirectory(output);
        var leftover = Path.Combine(output, ".results.csv.0123456789abcdef.tmp");
        File.WriteAllText(leftover, "half-written by a killed run");

        var (exitCode, _, stderr) = Sc2mid.Run("batch", Sc2mid.Sample("dataset.csv"), "--out", output, "-f", "shape");

        Assert.True(exitCode == 0, stderr);
        Assert.False(File.Exists(leftover));
        Assert.Empty(Directory.GetFiles(output, "*.tmp"));
    }

    [Fact]
    public void Batch_FolderLockedByAnotherRun_IsRefused()
    {
        var output = Path.Combine(_temporary, "out");
        Directory.CreateDirectory(output);
        using var otherRunLock = new FileStream(
            Path.Combine(output, ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var (exitCode, _, stderr) = Sc2mid.Run("batch", Sc2mid.Sample("dataset.csv"), "--out", output);

        Assert.Equal(2, exitCode);
        Assert.Contains("another sc2mid batch is writing to", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(output, ".journal")));
    }

    [Fact]
    public void Batch_OtherCommandInSameFolder_StartsOver()
    {
        var output = Path.Combine(_temporary, "out");
        var dataset = Sc2mid.Sample("dataset.csv");
        Sc2mid.Run("batch", dataset, "--out", output, "--features", "shape");

        var (exitCode, stdout, stderr) = Sc2mid.Run("batch", dataset, "--out", output, "--features", "hu");

        Assert.Equal(0, exitCode);
        Assert.Contains("results of a different command", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("shape.area", File.ReadAllText(Path.Combine(output, "results.csv")), StringComparison.Ordinal);
        Assert.Contains("2 images:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_FourShards_EqualsSingleRun()
    {
        var dataset = FourImageDataset();
        var single = Path.Combine(_temporary, "single");
        Assert.Equal(0, Sc2mid.Run("batch", dataset, "--out", single, "--features", "shape").ExitCode);
        var shards = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var shard = Path.Combine(_temporary, $"shard{i}");
            Assert.Equal(0, Sc2mid.Run("batch", dataset, "--out", shard, "--features", "shape", "--shard", $"{i}/4").ExitCode);
            shards.Add(shard);
        }

        var merged = Path.Combine(_temporary, "merged");
        var (exitCode, _, error) = Sc2mid.Run(["merge", .. shards, "--out", merged]);

        Assert.True(exitCode == 0, error);
        foreach (var name in OutputFiles)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(single, name)), File.ReadAllBytes(Path.Combine(merged, name)));
        }
    }

    [Fact]
    public void Merge_MissingShard_FailsAndNamesIt()
    {
        var dataset = FourImageDataset();
        var shard = Path.Combine(_temporary, "shard0");
        Sc2mid.Run("batch", dataset, "--out", shard, "--features", "shape", "--shard", "0/2");

        var (exitCode, _, error) = Sc2mid.Run("merge", shard, "--out", Path.Combine(_temporary, "merged"));

        Assert.Equal(3, exitCode);
        Assert.Contains("missing: 1", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_OutputIsInputShard_IsRejected()
    {
        var dataset = FourImageDataset();
        var shard = Path.Combine(_temporary, "shard0");
        Sc2mid.Run("batch", dataset, "--out", shard, "--features", "shape", "--shard", "0/1");
        var journal = File.ReadAllBytes(Path.Combine(shard, ".journal", "run.json"));

        var (exitCode, _, error) = Sc2mid.Run("merge", shard, "--out", shard);

        Assert.Equal(2, exitCode);
        Assert.Contains("is one of the shard folders", error, StringComparison.Ordinal);
        Assert.Equal(journal, File.ReadAllBytes(Path.Combine(shard, ".journal", "run.json")));
    }

    [Theory]
    [InlineData("4/4")]
    [InlineData("x")]
    public void Batch_InvalidShard_ExitsWithUsageError(string shard)
    {
        var (exitCode, _, error) = Sc2mid.Run(
            "batch", Sc2mid.Sample("dataset.csv"), "--out", Path.Combine(_temporary, "out"), "--shard", shard);

        Assert.Equal(2, exitCode);
        Assert.Contains("I/N", error.Replace("0 <= I < N", "I/N", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    /// <summary>
    /// Asserts that results.parquet has the header, rows and values of results.csv, with null where a cell is
    /// empty, and returns the header.
    /// </summary>
    private static string[] AssertParquetEqualsCsv(string folder)
    {
        var csv = ResultTables.ReadCsv(Path.Combine(folder, "results.csv"));
        var parquet = ResultTables.ReadParquet(Path.Combine(folder, "results.parquet"));

        Assert.Equal(csv.Header, parquet.Header);
        Assert.Equal(csv.Rows.Count, parquet.Rows.Count);
        var mismatches = new List<string>();
        for (var row = 0; row < csv.Rows.Count; row++)
        {
            for (var column = 0; column < csv.Header.Length; column++)
            {
                if (csv.Rows[row][column] != parquet.Rows[row][column])
                {
                    mismatches.Add($"row {row + 1}, {csv.Header[column]}: CSV '{csv.Rows[row][column]}', "
                        + $"Parquet '{parquet.Rows[row][column]}'");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches.Take(20)));
        return csv.Header;
    }

    private string GoodAndBadDataset()
    {
        var folder = Path.Combine(_temporary, "dataset");
        Directory.CreateDirectory(folder);
        File.Copy(Sc2mid.Sample("cryoet", "TS_001.133.tif"), Path.Combine(folder, "good.tif"));
        File.Copy(Sc2mid.Sample("cryoet", "TS_001.133_ground_truth.tif"), Path.Combine(folder, "good_mask.tif"));
        File.WriteAllText(Path.Combine(folder, "corrupt.png"), "this is not a PNG");
        File.Copy(Sc2mid.Sample("cryoet", "TS_001.133_ground_truth.png"), Path.Combine(folder, "corrupt_mask.png"));
        File.Copy(Sc2mid.Sample("niaid-tem", "niaid_49534865371_k-1024x800.jpg"), Path.Combine(folder, "mismatched.jpg"));
        File.Copy(Sc2mid.Sample("cryoet", "TS_001.133_ground_truth.png"), Path.Combine(folder, "mismatched_mask.png"));
        return folder;
    }

    private string FourImageDataset()
    {
        var folder = Path.Combine(_temporary, "four");
        Directory.CreateDirectory(folder);
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            File.Copy(Sc2mid.Sample("cryoet", "TS_001.133.png"), Path.Combine(folder, $"{name}.png"));
            File.Copy(Sc2mid.Sample("cryoet", "TS_001.133_ground_truth.png"), Path.Combine(folder, $"{name}_mask.png"));
        }

        return folder;
    }
}
