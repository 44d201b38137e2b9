using SC2Mid.Core.Datasets;

namespace SC2Mid.Core.Extraction;

/// <summary>Runs an extractor over every item of a dataset, in parallel, keeping the dataset's order.</summary>
public static class BatchRunner
{
    /// <summary>Extracts every item. A failing image is recorded in its result and the others go on.</summary>
    /// <param name="extractor">The configured extractor.</param>
    /// <param name="items">Images to process.</param>
    /// <param name="maxParallelism">Images processed at once (at least 1).</param>
    /// <param name="progress">Receives one report per finished image, from worker threads.</param>
    /// <param name="cancellationToken">Stops the run; images not yet started are not processed.</param>
    /// <returns>One result per item, in the order of <paramref name="items"/>.</returns>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static IReadOnlyList<ImageResult> Run(
        Extractor extractor,
        IReadOnlyList<DatasetItem> items,
        int maxParallelism,
        IProgress<BatchProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallelism, 1);
        var results = new ImageResult[items.Count];
        var completed = 0;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxParallelism,
            CancellationToken = cancellationToken,
        };
        Parallel.For(0, items.Count, options, index =>
        {
            var result = extractor.Extract(items[index], cancellationToken);
            results[index] = result;
            progress?.Report(new BatchProgress(Interlocked.Increment(ref completed), items.Count, result));
        });
        return results;
    }

    /// <summary>
    /// Extracts the given items of a dataset and hands each result to <paramref name="record"/> as soon as it is
    /// finished, so that a journal can persist it before the next image starts.
    /// </summary>
    /// <param name="extractor">The configured extractor.</param>
    /// <param name="items">Images to process with their dataset indexes.</param>
    /// <param name="maxParallelism">Images processed at once (at least 1).</param>
    /// <param name="record">Receives each index and result, from worker threads.</param>
    /// <param name="progress">Receives one report per finished image, from worker threads.</param>
    /// <param name="cancellationToken">Stops the run; images not yet started are not processed.</param>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static void Run(
        Extractor extractor,
        IReadOnlyList<(int Index, DatasetItem Item)> items,
        int maxParallelism,
        Action<int, ImageResult> record,
        IProgress<BatchProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallelism, 1);
        var completed = 0;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxParallelism,
            CancellationToken = cancellationToken,
        };
        Parallel.ForEach(items, options, pair =>
        {
            var result = extractor.Extract(pair.Item, cancellationToken);
            record(pair.Index, result);
            progress?.Report(new BatchProgress(Interlocked.Increment(ref completed), items.Count, result));
        });
    }
}
