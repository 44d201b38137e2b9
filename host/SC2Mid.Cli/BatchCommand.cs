using System.CommandLine;
using System.Globalization;
using SC2Mid.Core.Batch;
using SC2Mid.Core.Datasets;
using SC2Mid.Core.Extraction;
using SC2Mid.Core.Output;

namespace SC2Mid.Cli;

/// <summary>
/// <c>sc2mid batch</c>: features of every image of a dataset, written as CSV, Parquet and JSON. Finished images are
/// journaled in OUT/.journal, so the same command after an interruption resumes, and shards of a cluster array can be
/// merged.
/// </summary>
internal static class BatchCommand
{
    /// <summary>Largest number of images whose per-object tables are printed to standard output.</summary>
    private const int MaxPrintedImages = 5;

    /// <summary>Images between two trims of the C library's heap.</summary>
    private const int TrimInterval = 100;

    private static readonly Argument<string> Dataset = new("DATASET")
    {
        Description = "Folder of images with ground-truth masks (NAME_GT.ext, NAME_gt.ext, NAME_mask.ext, "
            + "NAME_ground_truth.ext, masks/NAME.ext, gt/NAME.ext), or a CSV manifest with columns "
            + "image,mask,nm_per_px.",
    };

    private static readonly Option<DirectoryInfo> Output = new("--out", "-o")
    {
        Description = "Folder for results.csv, results.parquet, results.json, errors.csv and run-info.json "
            + "(created when missing; a run of the same command resumes from its .journal subfolder).",
        Required = true,
    };

    private static readonly Option<int> Jobs = new("--jobs", "-j", "--threads")
    {
        Description = "Images processed in parallel (default: the number of processor cores). Memory grows with "
            + "this number, not with the dataset size.",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    private static readonly Option<string?> Shard = new("--shard")
    {
        Description = "Process only shard I of N (I/N, 0-based), chosen by a hash of each image's dataset id. "
            + "Without it, SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT or JOB_COMPLETION_INDEX with --shard-count "
            + "are used when set. Combine shard folders with 'sc2mid merge'.",
    };

    private static readonly Option<int?> ShardCount = new("--shard-count")
    {
        Description = "Number of shards for a Kubernetes indexed Job (its completions), read with JOB_COMPLETION_INDEX.",
    };

    private static readonly Option<double?> PluginTimeout = new("--plugin-timeout")
    {
        CustomParser = NumberParser.Parse,
        Description = "Seconds one plugin call may take on one object before it is recorded as timed out "
            + "(default: no limit).",
    };

    public static Command Create()
    {
        var command = new Command("batch", "Extract features of every image of a dataset.")
        {
            Dataset, Output, CommonOptions.Features, CommonOptions.NmPerPixel, CommonOptions.ScaleBarPx,
            CommonOptions.ScaleBarNm, CommonOptions.ScaleBar, CommonOptions.Set, CommonOptions.Objects,
            CommonOptions.Connectivity, CommonOptions.SaveCrops, CommonOptions.CropMargin, CommonOptions.Page,
            Jobs, CommonOptions.Figures, Shard, ShardCount, PluginTimeout,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(RunUntilCancelled(parse, cancellationToken)));
        return command;
    }

    /// <summary>
    /// Runs the batch and, on Ctrl+C or SIGTERM, writes how to resume. System.CommandLine handles the cancellation
    /// itself and exits with 130, and a message written where the cancelled run returned never appeared, so the
    /// message goes out when the signal arrives.
    /// </summary>
    private static int RunUntilCancelled(ParseResult parse, CancellationToken cancellationToken)
    {
        var folder = parse.GetValue(Output)!.FullName;
        void SayHowToResume(System.Runtime.InteropServices.PosixSignalContext context) =>
            Console.Error.WriteLine(
                $"{Environment.NewLine}Cancelled by {context.Signal}. The finished images are kept in "
                + $"{Path.Combine(folder, ResultJournal.FolderName)}; run the same command again to resume.");

        using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGINT, SayHowToResume);
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, SayHowToResume);
        return Run(parse, cancellationToken);
    }

    private static int Run(ParseResult parse, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var folder = parse.GetValue(Output)!.FullName;
        if (File.Exists(folder))
        {
            throw new UsageException($"--out {folder} is a file; give a folder (it is created when missing).");
        }
        var options = ExtractionSettings.From(parse, defaultArtifacts: Path.Combine(folder, "artifacts")) with
        {
            PluginTimeout = ReadTimeout(parse),
        };
        var jobs = parse.GetValue(Jobs);
        if (jobs < 1)
        {
            throw new UsageException($"--jobs must be 1 or more, not {jobs}.");
        }

        ShardSelector shard;
        try
        {
            shard = ShardSelector.Resolve(parse.GetValue(Shard), parse.GetValue(ShardCount), Environment.GetEnvironmentVariable);
        }
        catch (FormatException exception)
        {
            throw new UsageException(exception.Message);
        }

        Dataset dataset;
        try
        {
            dataset = DatasetReader.Read(parse.GetValue(Dataset)!);
        }
        catch (DatasetException exception)
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            return ExitCodes.InputError;
        }

        foreach (var warning in dataset.Warnings)
        {
            Console.Error.WriteLine($"warning: {warning}");
        }

        // Each of the --jobs parallel images gets an equal share of the cores for plugins with their own threads.
        using var session = HostSession.Open(parse, maxThreads: Math.Max(1, Environment.ProcessorCount / jobs));
        var extractor = new Extractor(session.Catalog, options, session.Logger);
        var provenance = RunProvenance.From(extractor, RunInfo.CurrentToolVersion);
        var manifest = new RunManifest(
            ResultJournal.ComputeKey(dataset.Items, provenance, options),
            shard.Index,
            shard.Count,
            dataset.Items.Count,
            dataset.Source,
            provenance);
        // Two runs writing to one folder would delete or overwrite each other's journal, so the second one stops.
        using var folderLock = OutputLock.Acquire(folder);
        RemoveUnfinishedWrites(folder);
        var journal = ResultJournal.Open(folder, manifest, out var discarded);
        if (discarded)
        {
            Console.Error.WriteLine(
                $"warning: {folder} held results of a different command (dataset, plugins or options); they were removed.");
        }

        var mine = dataset.Items.Select((item, index) => (index, item)).Where(pair => shard.Contains(pair.item.ImageId));
        ReportShard(parse, shard, mine.Count(), dataset.Items.Count);
        var changed = journal.ChangedSince(dataset.Items);
        if (changed.Count > 0)
        {
            Console.Error.WriteLine(
                $"{changed.Count} finished image(s) changed on disk since they were processed; processing them again.");
        }

        var finished = journal.Finished;
        var todo = mine.Where(pair => !finished.Contains(pair.index)).ToArray();
        var skipped = mine.Count() - todo.Length;
        if (skipped > 0)
        {
            Console.Error.WriteLine($"Resuming: {skipped} image(s) already finished in {folder}.");
        }

        var progress = new ProgressPrinter(Console.Error, redraw: !Console.IsErrorRedirected, skipped);
        var recorded = 0;
        void Record(int index, ImageResult result)
        {
            journal.Record(index, result);

            // Image buffers of varying size fragment the C library's heap, and it keeps the freed pieces, so the
            // resident memory of a long run would creep up without an occasional trim.
            if (Interlocked.Increment(ref recorded) % TrimInterval == 0)
            {
                NativeHeap.Trim();
            }
        }

        BatchRunner.Run(extractor, todo, jobs, Record, progress, cancellationToken);

        // The extraction's garbage would otherwise stay committed under the memory the final files take.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeap.Trim();

        // The final files are rendered from the journal as saved, one image at a time, so the results are never all
        // in memory at once and a resumed run writes the same bytes as an uninterrupted one.
        var savedManifest = ResultJournal.LoadManifest(folder);
        IEnumerable<ImageResult> Results() => ResultJournal.ReadEntries(folder, savedManifest).Select(entry => entry.Result);
        BatchOutput.Write(folder, savedManifest.Provenance, Results);
        var run = new RunInfo(RunInfo.CurrentToolVersion, Environment.GetCommandLineArgs(), started, DateTimeOffset.UtcNow);
        RunInfoWriter.Write(Path.Combine(folder, "run-info.json"), run, shard, todo.Length, skipped);
        return Report(folder, Results);
    }

    /// <summary>
    /// Deletes the temporary files that an interrupted run left behind (AtomicFile names them <c>.NAME.ID.tmp</c>).
    /// The caller holds the folder's lock, so no other run is writing them.
    /// </summary>
    private static void RemoveUnfinishedWrites(string folder)
    {
        var entries = Path.Combine(folder, ResultJournal.FolderName, "entries");
        var folders = Directory.Exists(entries) ? new[] { folder, entries } : [folder];
        foreach (var path in folders.SelectMany(where => Directory.EnumerateFiles(where, ".*.tmp")))
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// Writes to standard error which shard this run is and where that came from, because an environment variable
    /// set by the scheduler can shard a run that did not ask for it.
    /// </summary>
    private static void ReportShard(ParseResult parse, ShardSelector shard, int mine, int total)
    {
        if (shard.Count == 1)
        {
            if (parse.GetValue(ShardCount) is not null)
            {
                Console.Error.WriteLine(
                    "warning: --shard-count is used only with JOB_COMPLETION_INDEX, which is not set; processing "
                    + "every image.");
            }

            return;
        }

        var source = parse.GetValue(Shard) is not null ? "--shard"
            : Environment.GetEnvironmentVariable("SLURM_ARRAY_TASK_ID") is not null
                ? "SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT"
                : "JOB_COMPLETION_INDEX and --shard-count";
        Console.Error.WriteLine(
            $"Shard {shard} from {source}: {mine} of {total} images. Pass --shard 0/1 to process every image.");
    }

    private static TimeSpan? ReadTimeout(ParseResult parse)
    {
        if (parse.GetValue(PluginTimeout) is not { } seconds)
        {
            return null;
        }

        return double.IsFinite(seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : throw new UsageException($"--plugin-timeout must be a positive number of seconds, not {seconds}.");
    }

    /// <summary>Prints the tables (for small runs), the counts and the file paths; returns the exit code.</summary>
    internal static int Report(string folder, Func<IEnumerable<ImageResult>> enumerate)
    {
        var counts = new Dictionary<ImageStatus, int>();
        var total = 0;
        foreach (var result in enumerate())
        {
            counts[result.Status] = counts.GetValueOrDefault(result.Status) + 1;
            total++;
        }

        if (total <= MaxPrintedImages)
        {
            TablePrinter.Print(Console.Out, enumerate().ToArray());
        }

        var failed = counts.GetValueOrDefault(ImageStatus.Failed) + counts.GetValueOrDefault(ImageStatus.Partial);
        var emptyMasks = counts.TryGetValue(ImageStatus.NoObjects, out var empty)
            ? string.Create(CultureInfo.InvariantCulture, $"{empty} with an empty mask, ")
            : string.Empty;
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"{total} images: {counts.GetValueOrDefault(ImageStatus.Ok)} ok, "
            + $"{counts.GetValueOrDefault(ImageStatus.NoMask)} without mask, ");
        var failures = string.Create(
            CultureInfo.InvariantCulture,
            $"{counts.GetValueOrDefault(ImageStatus.Partial)} partial, {counts.GetValueOrDefault(ImageStatus.Failed)} failed.");
        Console.Out.WriteLine(summary + emptyMasks + failures);
        Console.Out.WriteLine($"Results: {Path.Combine(folder, BatchOutput.CsvName)}");
        Console.Out.WriteLine($"         {Path.Combine(folder, BatchOutput.ParquetName)}");
        Console.Out.WriteLine($"         {Path.Combine(folder, BatchOutput.JsonName)}");
        Console.Out.WriteLine($"Errors:  {Path.Combine(folder, BatchOutput.ErrorsName)}");
        return failed == 0 ? ExitCodes.Success : ExitCodes.PartialFailure;
    }
}
