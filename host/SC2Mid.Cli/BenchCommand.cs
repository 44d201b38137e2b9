using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SC2Mid.Core.Datasets;
using SC2Mid.Core.Extraction;
using SC2Mid.Core.Imaging;

namespace SC2Mid.Cli;

/// <summary>
/// <c>sc2mid bench</c>: time per image of each feature family on one thread, next to the time to only decode the
/// image and mask, which is the floor any extraction pays.
/// </summary>
internal static class BenchCommand
{
    /// <summary>Families measured together as the classical feature set.</summary>
    private static readonly string[] ClassicalFamilies = ["shape", "hu", "glcm", "hog"];

    private static readonly Argument<string> Dataset = new("DATASET")
    {
        Description = "Folder of images with masks, or a CSV manifest; images without a mask are skipped.",
    };

    private static readonly Option<int> Repeat = new("--repeat")
    {
        Description = "Passes over the dataset per measurement; the fastest pass is reported (default 3).",
        DefaultValueFactory = _ => 3,
    };

    public static Command Create()
    {
        var command = new Command(
            "bench",
            "Measure images per second of each feature family on one thread, and the ratio to decode-only time.")
        {
            Dataset, Repeat, CommonOptions.Features,
        };
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parse)
    {
        var repeat = parse.GetValue(Repeat);
        if (repeat < 1)
        {
            throw new UsageException($"--repeat must be 1 or more, not {repeat}.");
        }

        var items = DatasetReader.Read(parse.GetValue(Dataset)!).Items.Where(item => item.MaskPath is not null).ToArray();
        if (items.Length == 0)
        {
            Console.Error.WriteLine("error: the dataset has no image with a mask.");
            return ExitCodes.InputError;
        }

        using var session = HostSession.Open(parse);
        var loaded = session.Catalog.Loaded.Select(entry => entry.Id).ToArray();
        var families = parse.GetValue(CommonOptions.Features)?.Split(',', StringSplitOptions.TrimEntries) ?? loaded;
        var classical = ClassicalFamilies.Where(loaded.Contains).ToArray();

        var decode = Measure(repeat, () => Decode(items));
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{items.Length} images, {repeat} passes, 1 thread, {Environment.ProcessorCount} cores, "
            + $"{System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture}, "
            + $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}"));
        Console.Out.WriteLine("| family | ms/image | images/s | × decode-only | allocated MB/image | process peak working set so far, MB |");
        Console.Out.WriteLine("|---|---|---|---|---|---|");
        PrintRow("decode only (floor)", decode, items.Length, decode);
        // The CNN family runs last because its model raises the process's peak working set for every later row.
        var runs = families.OrderBy(family => family == "deep").Select(family => (family, new[] { family })).ToList();
        if (classical.Length > 1)
        {
            runs.Insert(runs.FindLastIndex(run => run.family != "deep") + 1, ("classical: " + string.Join("+", classical), classical));
        }

        foreach (var (name, ids) in runs)
        {
            var extractor = new Extractor(session.Catalog, new ExtractionOptions { PluginIds = ids });
            extractor.Extract(items[0]);
            var measurement = Measure(repeat, () =>
            {
                foreach (var item in items)
                {
                    extractor.Extract(item);
                }
            });
            PrintRow(name, measurement, items.Length, decode);
        }

        return ExitCodes.Success;
    }

    private static void Decode(IEnumerable<DatasetItem> items)
    {
        var loader = new ImageLoader(new ImageLoadOptions());
        foreach (var item in items)
        {
            using var image = loader.LoadImage(item.ImagePath);
            using var mask = loader.LoadMask(item.MaskPath!, image.Grey.Size());
        }
    }

    private static (double Seconds, long Allocated, long PeakWorkingSet) Measure(int repeat, Action pass)
    {
        var best = double.MaxValue;
        long allocated = 0;
        for (var i = 0; i < repeat; i++)
        {
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var stopwatch = Stopwatch.StartNew();
            pass();
            stopwatch.Stop();
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            best = Math.Min(best, stopwatch.Elapsed.TotalSeconds);
        }

        using var process = Process.GetCurrentProcess();
        return (best, allocated, process.PeakWorkingSet64);
    }

    private static void PrintRow(
        string name,
        (double Seconds, long Allocated, long PeakWorkingSet) measurement,
        int images,
        (double Seconds, long Allocated, long PeakWorkingSet) decode)
    {
        var perImage = measurement.Seconds / images;
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {perImage * 1000:F2} | {1 / perImage:F1} | {measurement.Seconds / decode.Seconds:F2} | "
            + $"{measurement.Allocated / 1e6 / images:F2} | {measurement.PeakWorkingSet / 1e6:F0} |"));
    }
}
