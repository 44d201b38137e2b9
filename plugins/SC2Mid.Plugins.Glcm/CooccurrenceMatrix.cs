using System.Buffers;

namespace SC2Mid.Plugins.Glcm;

/// <summary>
/// A grey-level co-occurrence matrix: entry (i, j) counts the pixel pairs at one offset whose first pixel has level
/// i and whose second has level j, both inside the region.
/// </summary>
/// <remarks>
/// The matrix keeps integer counts. <see cref="Entries"/> and the indexer give them as the caller asked, divided by
/// their sum when normed, and <see cref="GlcmProperties"/> reads the counts directly, so the properties of a batch
/// never need the full matrix of doubles. The counts live in an array rented from the shared pool, because a
/// batch would otherwise allocate four large arrays per image; <see cref="Dispose"/> returns it.
/// </remarks>
internal sealed class CooccurrenceMatrix : IDisposable
{
    private int[]? _counts;
    private readonly double _divisor;
    private double[]? _entries;

    private CooccurrenceMatrix(
        int[] counts, int levels, (int Lowest, int Highest) used, long pairCount, long countSum, bool normed)
    {
        _counts = counts;
        Levels = levels;
        LowestLevel = Math.Max(used.Lowest, 0);
        HighestLevel = used.Highest;
        PairCount = pairCount;
        CountSum = countSum;
        _divisor = normed && countSum > 0 ? countSum : 1.0;
    }

    /// <summary>Number of rows and columns.</summary>
    public int Levels { get; }

    /// <summary>Lowest level that may have a non-zero row or column.</summary>
    public int LowestLevel { get; }

    /// <summary>
    /// Highest level that may have a non-zero row or column; below <see cref="LowestLevel"/> if none.
    /// </summary>
    public int HighestLevel { get; }

    /// <summary>Pixel pairs counted, before the symmetric matrix adds each pair a second time.</summary>
    public long PairCount { get; }

    /// <summary>Sum of the counts: <see cref="PairCount"/>, or twice it for a symmetric matrix.</summary>
    public long CountSum { get; }

    /// <summary>
    /// The counts row by row (index i · Levels + j), with the transpose added for a symmetric matrix.
    /// </summary>
    public ReadOnlySpan<int> Counts => CountArray.AsSpan(0, Levels * Levels);

    /// <summary>
    /// The entries row by row (index i · Levels + j): counts, or probabilities when normalised. Built on first use.
    /// </summary>
    public ReadOnlySpan<double> Entries =>
        _entries ??= Counts.ToArray().Select(count => count / _divisor).ToArray();

    /// <summary>Entry (i, j).</summary>
    public double this[int i, int j] => CountArray[(i * Levels) + j] / _divisor;

    private int[] CountArray => _counts ?? throw new ObjectDisposedException(nameof(CooccurrenceMatrix));

    /// <summary>Returns the counts to the pool; the matrix is unusable afterwards.</summary>
    public void Dispose()
    {
        if (_counts is { } counts)
        {
            _counts = null;
            ArrayPool<int>.Shared.Return(counts);
        }
    }

    /// <summary>Counts the pairs at <paramref name="offset"/> whose two pixels both lie inside the region.</summary>
    /// <param name="image">The quantised region.</param>
    /// <param name="levels">Number of levels; every level in <paramref name="image"/> is below it.</param>
    /// <param name="offset">From the first pixel of a pair to the second.</param>
    /// <param name="symmetric">Add the transpose, as scikit-image's <c>symmetric=True</c> does.</param>
    /// <param name="normed">Divide by the sum of the entries, unless that sum is 0.</param>
    public static CooccurrenceMatrix Count(
        LevelImage image,
        int levels,
        PixelOffset offset,
        bool symmetric,
        bool normed)
    {
        ArgumentNullException.ThrowIfNull(image);

        // A pair count fits in an int: there are fewer pairs than pixels, and the pixels fit in one array.
        int[] counts = ArrayPool<int>.Shared.Rent(levels * levels);
        Array.Clear(counts, 0, levels * levels);
        ReadOnlySpan<short> pixels = image.Levels;
        int firstRow = Math.Max(0, -offset.Rows);
        int endRow = Math.Min(image.Rows, image.Rows - offset.Rows);
        int firstColumn = Math.Max(0, -offset.Columns);
        int endColumn = Math.Min(image.Columns, image.Columns - offset.Columns);
        long pairs = 0;
        for (int r = firstRow; r < endRow; r++)
        {
            ReadOnlySpan<short> row = pixels.Slice(r * image.Columns, image.Columns);
            ReadOnlySpan<short> other = pixels.Slice((r + offset.Rows) * image.Columns, image.Columns);
            ReadOnlySpan<int> runs = image.RunsOf(r);
            for (int k = 0; k < runs.Length; k += 2)
            {
                // Only first pixels inside the region count, so the loop walks the row's runs of region pixels.
                int start = Math.Max(runs[k], firstColumn);
                int end = Math.Min(runs[k + 1], endColumn);
                if (start >= end)
                {
                    continue;
                }

                ReadOnlySpan<short> first = row[start..end];
                ReadOnlySpan<short> second = other.Slice(start + offset.Columns, first.Length);
                for (int c = 0; c < first.Length; c++)
                {
                    int j = second[c];
                    if (j != LevelImage.Outside)
                    {
                        counts[(first[c] * levels) + j]++;
                        pairs++;
                    }
                }
            }
        }

        if (symmetric)
        {
            AddTranspose(counts, levels, image.LowestLevel, image.HighestLevel);
        }

        return new CooccurrenceMatrix(
            counts, levels, (image.LowestLevel, image.HighestLevel), pairs, symmetric ? 2 * pairs : pairs, normed);
    }

    /// <summary>
    /// Adds the transpose in place. Only levels <paramref name="lowest"/>..<paramref name="highest"/> occur, so the
    /// rest of the matrix is zero and stays so.
    /// </summary>
    /// <remarks>
    /// The walk goes tile by tile, so that the column it reads for the transpose stays in cache.
    /// </remarks>
    private static void AddTranspose(int[] counts, int levels, int lowest, int highest)
    {
        const int Tile = 16;
        for (int tileRow = Math.Max(lowest, 0); tileRow <= highest; tileRow += Tile)
        {
            int rowEnd = Math.Min(tileRow + Tile, highest + 1);
            for (int tileColumn = tileRow; tileColumn <= highest; tileColumn += Tile)
            {
                int columnEnd = Math.Min(tileColumn + Tile, highest + 1);
                for (int i = tileRow; i < rowEnd; i++)
                {
                    for (int j = Math.Max(tileColumn, i); j < columnEnd; j++)
                    {
                        if (i == j)
                        {
                            counts[(i * levels) + i] *= 2;
                            continue;
                        }

                        int sum = counts[(i * levels) + j] + counts[(j * levels) + i];
                        counts[(i * levels) + j] = sum;
                        counts[(j * levels) + i] = sum;
                    }
                }
            }
        }
    }
}
