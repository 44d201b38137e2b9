using SC2Mid.Core.Output;

namespace SC2Mid.Core.Batch;

/// <summary>
/// What identifies a batch run, stored as <c>.journal/run.json</c> in its output folder: the same key means the
/// same dataset, plugins, parameters and options, so finished images can be reused by a resumed run or a merge.
/// </summary>
/// <param name="Key">SHA-256 of the dataset items, the plugin provenance and the extraction options.</param>
/// <param name="ShardIndex">0-based shard of this run.</param>
/// <param name="ShardCount">Number of shards the dataset is split into; 1 for an unsharded run.</param>
/// <param name="ItemCount">Images in the whole dataset, all shards together.</param>
/// <param name="DatasetSource">The dataset folder or manifest the run read.</param>
/// <param name="Provenance">Tool version, plugins and feature definitions.</param>
public sealed record RunManifest(
    string Key,
    int ShardIndex,
    int ShardCount,
    int ItemCount,
    string DatasetSource,
    RunProvenance Provenance);
