using System.CommandLine;
using SC2Mid.Core.Batch;
using SC2Mid.Core.Extraction;

namespace SC2Mid.Cli;

/// <summary>
/// <c>sc2mid merge</c>: combines the output folders of the shards of one batch into results identical to a run
/// on one machine. Figures and crops stay in the shard folders.
/// </summary>
internal static class MergeCommand
{
    private static readonly Argument<DirectoryInfo[]> Shards = new("SHARD_DIR")
    {
        Description = "Output folders of 'sc2mid batch --shard I/N' runs of the same command, one per shard.",
        Arity = ArgumentArity.OneOrMore,
    };

    private static readonly Option<DirectoryInfo> Output = new("--out", "-o")
    {
        Description = "Folder for the merged results.csv, results.parquet, results.json and errors.csv.",
        Required = true,
    };

    public static Command Create()
    {
        var command = new Command("merge", "Merge the output folders of a sharded batch.") { Shards, Output };
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parse)
    {
        var output = parse.GetValue(Output)!.FullName;
        var inputs = parse.GetValue(Shards)!.Select(shard => Path.TrimEndingDirectorySeparator(shard.FullName));
        if (inputs.Contains(Path.TrimEndingDirectorySeparator(output), StringComparer.Ordinal))
        {
            Console.Error.WriteLine($"error: --out {output} is one of the shard folders; merge into a new folder.");
            return ExitCodes.UsageError;
        }

        var loaded = new List<(string Folder, RunManifest Manifest, IReadOnlySet<int> Indexes)>();
        foreach (var shard in parse.GetValue(Shards)!)
        {
            try
            {
                loaded.Add((shard.FullName, ResultJournal.LoadManifest(shard.FullName), ResultJournal.EntryIndexes(shard.FullName)));
            }
            catch (InvalidDataException exception)
            {
                Console.Error.WriteLine($"error: {exception.Message}");
                return ExitCodes.InputError;
            }
        }

        var first = loaded[0];
        foreach (var (folder, manifest, _) in loaded.Skip(1))
        {
            if (manifest.Key != first.Manifest.Key || manifest.ShardCount != first.Manifest.ShardCount)
            {
                Console.Error.WriteLine(
                    $"error: {folder} comes from a different command than {first.Folder} (dataset, plugins, options or "
                    + "shard count differ); merge only the shards of one batch.");
                return ExitCodes.InputError;
            }
        }

        var shardIndexes = loaded.Select(shard => shard.Manifest.ShardIndex).ToArray();
        var missingShards = Enumerable.Range(0, first.Manifest.ShardCount).Except(shardIndexes).ToArray();
        if (missingShards.Length > 0 || shardIndexes.Distinct().Count() != shardIndexes.Length)
        {
            Console.Error.WriteLine(
                $"error: expected each of the {first.Manifest.ShardCount} shards once; missing: "
                + $"{(missingShards.Length == 0 ? "none" : string.Join(", ", missingShards))}, given: {string.Join(", ", shardIndexes)}.");
            return ExitCodes.InputError;
        }

        var finished = loaded.Sum(shard => shard.Indexes.Count);
        if (finished != first.Manifest.ItemCount)
        {
            Console.Error.WriteLine(
                $"error: the shards hold {finished} of {first.Manifest.ItemCount} images; rerun the unfinished "
                + "shards with the same command, then merge again.");
            return ExitCodes.InputError;
        }

        // Entries are copied one at a time, so merging a large run does not hold its results in memory.
        var merged = first.Manifest with { ShardIndex = 0, ShardCount = 1 };
        var journal = ResultJournal.Open(output, merged, out _);
        foreach (var (folder, manifest, _) in loaded)
        {
            foreach (var (index, result) in ResultJournal.ReadEntries(folder, manifest))
            {
                journal.Record(index, result);
            }
        }

        var savedManifest = ResultJournal.LoadManifest(output);
        IEnumerable<ImageResult> Results() => ResultJournal.ReadEntries(output, savedManifest).Select(entry => entry.Result);
        BatchOutput.Write(output, savedManifest.Provenance, Results);
        return BatchCommand.Report(output, Results);
    }
}
