using System.CommandLine;
using System.Text;
using SC2Mid.Core.Datasets;
using SC2Mid.Core.Extraction;
using SC2Mid.Core.Output;

namespace SC2Mid.Cli;

/// <summary><c>sc2mid extract</c>: features of one image and its mask.</summary>
internal static class ExtractCommand
{
    private static readonly Option<FileInfo> Image = new("--image", "-i")
    {
        Description = "Image file (PNG, TIFF, JPEG, BMP; 8- or 16-bit grey, RGB or RGBA).",
        Required = true,
    };

    private static readonly Option<FileInfo?> Mask = new("--mask", "-m")
    {
        Description = "Ground-truth mask of the same size: foreground > 0 (JPEG: > 127), palette PNG index != 0.",
    };

    private static readonly Option<string> Format = new("--format")
    {
        Description = "Output format: table (Feature, Value, Unit), csv or json (default: from the --out file's "
            + "extension, else table).",
        DefaultValueFactory = _ => "table",
    };

    private static readonly Option<FileInfo?> Output = new("--out", "-o")
    {
        Description = "Write the output to this file (atomically) instead of standard output.",
    };

    public static Command Create()
    {
        Format.AcceptOnlyFromAmong("table", "csv", "json");
        var command = new Command("extract", "Extract features of one image and its ground-truth mask.")
        {
            Image, Mask, CommonOptions.Features, CommonOptions.NmPerPixel, CommonOptions.ScaleBarPx, CommonOptions.ScaleBarNm,
            CommonOptions.ScaleBar, CommonOptions.Set, CommonOptions.Objects,
            CommonOptions.Connectivity, CommonOptions.SaveCrops, CommonOptions.CropMargin, CommonOptions.Page, CommonOptions.Figures, Format, Output,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(parse, cancellationToken)));
        return command;
    }

    private static int Run(ParseResult parse, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var options = ExtractionSettings.From(parse);
        using var session = HostSession.Open(parse, maxThreads: Environment.ProcessorCount);
        var extractor = new Extractor(session.Catalog, options, session.Logger);
        var imagePath = parse.GetValue(Image)!.FullName;
        var item = new DatasetItem(
            Path.GetFileName(imagePath), imagePath, parse.GetValue(Mask)?.FullName, Calibration: null);
        var result = extractor.Extract(item, cancellationToken);
        var images = new[] { result };
        var run = new RunInfo(RunInfo.CurrentToolVersion, Environment.GetCommandLineArgs(), started, DateTimeOffset.UtcNow);
        var features = extractor.Features.ToArray();
        var outputFile = parse.GetValue(Output)?.FullName;
        switch (ChooseFormat(parse, outputFile))
        {
            case "json" when outputFile is not null:
                JsonResultWriter.Write(outputFile, run, extractor, images);
                break;
            case "json":
                using (var stdout = Console.OpenStandardOutput())
                {
                    JsonResultWriter.Write(stdout, run, extractor, images);
                }

                Console.Out.WriteLine();
                break;
            case "csv" when outputFile is not null:
                CsvResultWriter.Write(outputFile, features, images);
                break;
            case "csv":
                CsvResultWriter.Write(Console.Out, features, images);
                break;
            default:
                WriteTable(outputFile, images);
                break;
        }

        return result.Status switch
        {
            ImageStatus.Failed => ExitCodes.InputError,
            ImageStatus.Partial => ExitCodes.PartialFailure,
            _ => ExitCodes.Success,
        };
    }

    /// <summary>Returns --format when given, else the format the --out file's extension names, else the table.</summary>
    private static string ChooseFormat(ParseResult parse, string? outputFile)
    {
        if (parse.GetResult(Format) is { Implicit: false } || outputFile is null)
        {
            return parse.GetValue(Format)!;
        }

        return Path.GetExtension(outputFile).ToLowerInvariant() switch
        {
            ".json" => "json",
            ".csv" => "csv",
            _ => "table",
        };
    }

    private static void WriteTable(string? outputFile, ImageResult[] images)
    {
        if (outputFile is null)
        {
            TablePrinter.Print(Console.Out, images);
            return;
        }

        AtomicFile.Write(outputFile, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: -1, leaveOpen: true);
            TablePrinter.Print(writer, images);
        });
    }
}
