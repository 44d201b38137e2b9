using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SC2Mid.Core.Datasets;
using SC2Mid.Core.Extraction;
using SC2Mid.Core.Output;

namespace SC2Mid.Core.Batch;

/// <summary>
/// The record of a batch run in <c>OUT/.journal/</c>: the run manifest and one file per finished image, each
/// written atomically. A run restarted with the same command skips the images already recorded, and the final
/// tables are always rendered from the journal, so an interrupted run gives the same files as an uninterrupted one.
/// </summary>
public sealed class ResultJournal
{
    /// <summary>Name of the journal folder inside a run's output folder.</summary>
    public const string FolderName = ".journal";

    private readonly string _entries;
    private readonly HashSet<int> _finished;
    private readonly Lock _lock = new();

    private ResultJournal(string folder, RunManifest manifest, HashSet<int> finished)
    {
        _entries = Path.Combine(folder, "entries");
        Manifest = manifest;
        _finished = finished;
    }

    /// <summary>The manifest of this run.</summary>
    public RunManifest Manifest { get; }

    /// <summary>Dataset indexes of the images already finished.</summary>
    public IReadOnlySet<int> Finished
    {
        get
        {
            lock (_lock)
            {
                return _finished.ToHashSet();
            }
        }
    }

    /// <summary>
    /// Opens the journal of <paramref name="outputFolder"/>. An existing journal with the same key and shard is
    /// resumed; one from a different command is discarded.
    /// </summary>
    /// <param name="outputFolder">The run's output folder.</param>
    /// <param name="manifest">The manifest of the run about to start.</param>
    /// <param name="discarded">Set when a journal of a different run was found and removed.</param>
    public static ResultJournal Open(string outputFolder, RunManifest manifest, out bool discarded)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var folder = Path.Combine(outputFolder, FolderName);
        var manifestPath = Path.Combine(folder, "run.json");
        discarded = false;
        if (File.Exists(manifestPath))
        {
            var existing = ReadManifest(manifestPath);
            if (existing.Key == manifest.Key && existing.ShardIndex == manifest.ShardIndex
                && existing.ShardCount == manifest.ShardCount)
            {
                return new ResultJournal(folder, manifest, ReadIndexes(Path.Combine(folder, "entries")));
            }

            Directory.Delete(folder, recursive: true);
            discarded = true;
        }

        Directory.CreateDirectory(Path.Combine(folder, "entries"));
        AtomicFile.Write(manifestPath, stream => JsonSerializer.Serialize(stream, manifest, JournalEntry.SerializerOptions));
        return new ResultJournal(folder, manifest, []);
    }

    /// <summary>
    /// Returns the finished images whose image or mask file was written after the image's journal entry, so that a
    /// resumed run processes them again instead of keeping results of the old file.
    /// </summary>
    /// <remarks>
    /// NOTE: this compares modification times only. A file replaced by an older copy that keeps its time stamp
    /// (<c>cp -p</c>, <c>rsync -a</c>) is not noticed; remove the output folder's <c>.journal</c> to start over.
    /// </remarks>
    /// <param name="items">The dataset's items, indexed like the journal.</param>
    public IReadOnlyList<int> ChangedSince(IReadOnlyList<DatasetItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var changed = new List<int>();
        foreach (var index in Finished.Where(index => index < items.Count).Order())
        {
            var recorded = File.GetLastWriteTimeUtc(Path.Combine(_entries, EntryName(index)));
            var item = items[index];
            if (WrittenAfter(item.ImagePath, recorded) || (item.MaskPath is { } mask && WrittenAfter(mask, recorded)))
            {
                changed.Add(index);
            }
        }

        lock (_lock)
        {
            _finished.ExceptWith(changed);
        }

        return changed;
    }

    private static bool WrittenAfter(string path, DateTime time) =>
        File.Exists(path) && File.GetLastWriteTimeUtc(path) > time;

    /// <summary>Records one finished image. Thread-safe.</summary>
    public void Record(int index, ImageResult result)
    {
        var entry = JournalEntry.From(index, result);
        AtomicFile.Write(
            Path.Combine(_entries, EntryName(index)),
            stream => JsonSerializer.Serialize(stream, entry, JournalEntry.SerializerOptions));
        lock (_lock)
        {
            _finished.Add(index);
        }
    }

    /// <summary>Reads the manifest and every finished image of a run's output folder, in dataset order.</summary>
    /// <exception cref="InvalidDataException">The folder has no journal, or a journal file is unreadable.</exception>
    public static (RunManifest Manifest, IReadOnlyList<(int Index, ImageResult Result)> Entries) Load(string outputFolder)
    {
        var manifest = LoadManifest(outputFolder);
        return (manifest, ReadEntries(outputFolder, manifest).ToList());
    }

    /// <summary>Reads the manifest of a run's output folder.</summary>
    /// <exception cref="InvalidDataException">The folder has no journal, or its manifest is unreadable.</exception>
    public static RunManifest LoadManifest(string outputFolder)
    {
        var manifestPath = Path.Combine(outputFolder, FolderName, "run.json");
        if (!File.Exists(manifestPath))
        {
            throw new InvalidDataException($"{outputFolder} has no {FolderName}/run.json; it is not a batch output folder.");
        }

        return ReadManifest(manifestPath);
    }

    /// <summary>Dataset indexes of the finished images of a run's output folder, read from the file names only.</summary>
    public static IReadOnlySet<int> EntryIndexes(string outputFolder) =>
        ReadIndexes(Path.Combine(outputFolder, FolderName, "entries"));

    /// <summary>
    /// Reads the finished images of a run's output folder one at a time, in dataset order, so that rendering the
    /// final files of a large run does not hold every result in memory.
    /// </summary>
    /// <exception cref="InvalidDataException">A journal file is unreadable or names an unknown feature.</exception>
    public static IEnumerable<(int Index, ImageResult Result)> ReadEntries(string outputFolder, RunManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var features = manifest.Provenance.Features.ToDictionary(feature => feature.Name, StringComparer.Ordinal);
        var entries = Path.Combine(outputFolder, FolderName, "entries");

        // Entry files are named by their dataset index. Sorting the indexes rather than the paths keeps 4 bytes per
        // image in memory instead of a path string.
        var indexes = ReadIndexes(entries).ToArray();
        Array.Sort(indexes);
        foreach (var index in indexes)
        {
            var entry = Deserialize<JournalEntry>(Path.Combine(entries, EntryName(index)));
            yield return (entry.Index, entry.ToResult(features));
        }
    }

    /// <summary>Computes the run key from everything that decides the values: items, plugins and options.</summary>
    public static string ComputeKey(
        IReadOnlyList<DatasetItem> items,
        RunProvenance provenance,
        ExtractionOptions options)
    {
        var identity = new
        {
            Items = items,
            provenance.ToolVersion,
            provenance.Plugins,
            // Output folders do not change values, and each shard of a cluster run writes to its own folder.
            Options = options with { ArtifactsFolder = null, CropsFolder = null },
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(identity, JournalEntry.SerializerOptions);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    private static string EntryName(int index) =>
        index.ToString("D8", System.Globalization.CultureInfo.InvariantCulture) + ".json";

    private static HashSet<int> ReadIndexes(string entries) =>
        Directory.Exists(entries)
            ? Directory.EnumerateFiles(entries, "*.json")
                .Select(path => int.Parse(Path.GetFileNameWithoutExtension(path), System.Globalization.CultureInfo.InvariantCulture))
                .ToHashSet()
            : [];

    private static RunManifest ReadManifest(string path) => Deserialize<RunManifest>(path);

    private static T Deserialize<T>(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path, Encoding.UTF8), JournalEntry.SerializerOptions)
                ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path} is not a valid journal file: {exception.Message}", exception);
        }
    }
}
