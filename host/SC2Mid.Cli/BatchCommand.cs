using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SC2Mid.Core.Datasets;
using SC2Mid.Core.Extraction;
using SC2Mid.Core.Output;

namespace SC2Mid.Cli;

/// <summary><c>sc2mid batch</c>: features of every image of a dataset, written as CSV and JSON.</summary>
internal static class BatchCommand
{
    /// <summary>Largest number of images whose per-object tables are printed to standard output.</summary>
    private const int MaxPrintedImages = 5;

    private static readonly Argument<string> Dataset = new("DATASET")
    {
        Description = "Folder of images with ground-truth masks (NAME_GT.ext, NAME_ground_truth.ext, masks/NAME.ext, "
            + "gt/NAME.ext), or a CSV manifest with columns image,mask,nm_per_px.",
    };

    private static readonly Option<DirectoryInfo> Output = new("--out", "-o")
    {
        Description = "Folder for results.csv and results.json (created when missing; existing files are replaced).",
        Required = true,
    };

    public static Command Create()
    {
        var command = new Command("batch", "Extract features of every image of a dataset.")
        {
            Dataset, Output, CommonOptions.Features, CommonOptions.NmPerPixel, CommonOptions.ScaleBarPx, CommonOptions.ScaleBarNm,
            CommonOptions.ScaleBar, CommonOptions.Set, CommonOptions.Objects,
            CommonOptions.Connectivity, CommonOptions.SaveCrops, CommonOptions.CropMargin, CommonOptions.Page, CommonOptions.Threads, CommonOptions.Figures,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(parse, cancellationToken)));
        return command;
    }

    private static int Run(ParseResult parse, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var folder = parse.GetValue(Output)!.FullName;
        var options = ExtractionSettings.From(parse, defaultArtifacts: Path.Combine(folder, "artifacts"));
        var threads = parse.GetValue(CommonOptions.Threads);
        if (threads < 1)
        {
            throw new UsageException($"--threads must be 1 or more, not {threads}.");
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

        using var session = HostSession.Open(parse);
        var extractor = new Extractor(session.Catalog, options, session.Logger);
        var stopwatch = Stopwatch.StartNew();
        var progress = new SynchronousProgress<BatchProgress>(report => Console.Error.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"[{report.Completed}/{report.Total}] {report.Last.ImageId}: "
                + $"{CsvResultWriter.StatusName(report.Last.Status)} ({stopwatch.Elapsed.TotalSeconds:F1} s)")));
        var results = BatchRunner.Run(extractor, dataset.Items, threads, progress, cancellationToken);

        var csvPath = Path.Combine(folder, "results.csv");
        var jsonPath = Path.Combine(folder, "results.json");
        var run = new RunInfo(RunInfo.CurrentToolVersion, Environment.GetCommandLineArgs(), started, DateTimeOffset.UtcNow);
        CsvResultWriter.Write(csvPath, extractor.Features.ToArray(), results);
        JsonResultWriter.Write(jsonPath, run, extractor, results);

        if (results.Count <= MaxPrintedImages)
        {
            TablePrinter.Print(Console.Out, results);
        }

        var counts = results.GroupBy(result => result.Status).ToDictionary(group => group.Key, group => group.Count());
        Console.Out.WriteLine(
            $"{results.Count} images: {counts.GetValueOrDefault(ImageStatus.Ok)} ok, "
            + $"{counts.GetValueOrDefault(ImageStatus.NoMask)} without mask, "
            + $"{counts.GetValueOrDefault(ImageStatus.Partial)} partial, "
            + $"{counts.GetValueOrDefault(ImageStatus.Failed)} failed.");
        Console.Out.WriteLine($"Results: {csvPath}");
        Console.Out.WriteLine($"         {jsonPath}");
        var failed = counts.GetValueOrDefault(ImageStatus.Failed) + counts.GetValueOrDefault(ImageStatus.Partial);
        return failed == 0 ? ExitCodes.Success : ExitCodes.PartialFailure;
    }
}
