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
        Description = "Passes over the dataset per measurement; the fastest pass is reported.",
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

        DatasetItem[] items;
        try
        {
            var dataset = DatasetReader.Read(parse.GetValue(Dataset)!);
            items = dataset.Items.Where(item => item.MaskPath is not null).ToArray();
        }
        catch (DatasetException exception)
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            return ExitCodes.InputError;
        }

        // A benchmark times whole passes, so an image that cannot be decoded is left out, not counted as a failure.
        items = items.Where(CanDecode).ToArray();
        if (items.Length == 0)
        {
            Console.Error.WriteLine("error: the dataset has no image with a mask that can be decoded.");
            return ExitCodes.InputError;
        }

        // Pinning comes first, so that every thread started afterwards, OpenCV's and ONNX Runtime's included,
        // inherits the single core. HostSession also limits OpenCV to one thread.
        var pinning = PinToOneCore();
        using var session = HostSession.Open(parse);
        var loaded = session.Catalog.Loaded.Select(entry => entry.Id).ToArray();
        var families = parse.GetValue(CommonOptions.Features)?.Split(',', StringSplitOptions.TrimEntries) ?? loaded;
        var classical = ClassicalFamilies.Where(loaded.Contains).ToArray();

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{items.Length} images, {repeat} pass(es), 1 thread, {pinning}, "
            + $"{System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture}, "
            + $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}"));

        // The CNN family runs last because its model raises the process's peak working set for every later row.
        var runs = families.OrderBy(family => family == "deep").Select(family => (family, new[] { family })).ToList();
        if (classical.Length > 1)
        {
            var name = "classical: " + string.Join("+", classical);
            runs.Insert(runs.FindLastIndex(run => run.family != "deep") + 1, (name, classical));
        }

        // A first, untimed pass of each row in turn warms it up and records the process's peak working set so far.
        // Then each round times one pass of every row in turn, so a change in the machine's load during the
        // benchmark slows the decode-only floor as much as the families measured against it.
        var passes = new List<(string Name, Action Pass, long PeakWorkingSet)>();
        AddRow(passes, "decode only (floor)", () => Decode(items));
        foreach (var (name, ids) in runs)
        {
            var extractor = new Extractor(session.Catalog, new ExtractionOptions { PluginIds = ids });
            AddRow(passes, name, () =>
            {
                foreach (var item in items)
                {
                    extractor.Extract(item);
                }
            });
        }

        var measurements = passes.Select(row => new Measurement(row.PeakWorkingSet)).ToArray();
        for (var round = 0; round < repeat; round++)
        {
            for (var row = 0; row < passes.Count; row++)
            {
                measurements[row].Add(passes[row].Pass);
            }
        }

        Console.Out.WriteLine(
            "| family | ms/image | images/s | × decode-only | allocated MB/image | process peak working set so far, MB |");
        Console.Out.WriteLine("|---|---|---|---|---|---|");
        for (var row = 0; row < passes.Count; row++)
        {
            PrintRow(passes[row].Name, measurements[row], items.Length, measurements[0]);
        }

        return ExitCodes.Success;
    }

    private static bool CanDecode(DatasetItem item)
    {
        try
        {
            Decode([item]);
            return true;
        }
        catch (ImageLoadException exception)
        {
            Console.Error.WriteLine($"warning: left out of the benchmark: {exception.Message}");
            return false;
        }
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

    /// <summary>
    /// Restricts the calling thread, and so every thread it starts afterwards, to the last core the process may
    /// run on, so that the measured work and its helper threads share one core. Returns a description for the
    /// header.
    /// </summary>
    private static string PinToOneCore()
    {
        var cores = Environment.ProcessorCount;
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsWindows())
        {
            return string.Create(
                CultureInfo.InvariantCulture, $"not pinned (no affinity on this system), {cores} cores");
        }

        using var process = Process.GetCurrentProcess();
        try
        {
            var allowed = (ulong)(long)process.ProcessorAffinity;
            var core = 63 - System.Numerics.BitOperations.LeadingZeroCount(allowed);
            process.ProcessorAffinity = checked((IntPtr)(1L << core));
            return string.Create(CultureInfo.InvariantCulture, $"pinned to core {core} of {cores}");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return string.Create(CultureInfo.InvariantCulture, $"not pinned ({exception.Message}), {cores} cores");
        }
    }

    private static void AddRow(List<(string Name, Action Pass, long PeakWorkingSet)> passes, string name, Action pass)
    {
        pass();
        using var process = Process.GetCurrentProcess();
        passes.Add((name, pass, process.PeakWorkingSet64));
    }

    /// <summary>The fastest of several timed passes of one row.</summary>
    private sealed class Measurement(long peakWorkingSet)
    {
        public double Seconds { get; private set; } = double.MaxValue;

        public long Allocated { get; private set; }

        public long PeakWorkingSet { get; } = peakWorkingSet;

        public void Add(Action pass)
        {
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var stopwatch = Stopwatch.StartNew();
            pass();
            stopwatch.Stop();
            Allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            Seconds = Math.Min(Seconds, stopwatch.Elapsed.TotalSeconds);
        }
    }

    private static void PrintRow(
        string name,
        Measurement measurement,
        int images,
        Measurement decode)
    {
        var perImage = measurement.Seconds / images;
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {perImage * 1000:F2} | {1 / perImage:F1} | {measurement.Seconds / decode.Seconds:F2} | "
            + $"{measurement.Allocated / 1e6 / images:F2} | {measurement.PeakWorkingSet / 1e6:F0} |"));
    }
}
