using System.Buffers;

namespace SC2Mid.Plugins.Glcm;

/// <summary>
/// A grey-level co-occurrence matrix: entry (i, j) counts the pixel pairs at one offset whose first pixel has level
/// i and whose second has level j, both inside the region.
/// </summary>
/// <remarks>
/// The matrix keeps integer counts, and only for the levels that occur in the region: a table of
/// <see cref="Width"/> × <see cref="Width"/> counts from <see cref="LowestLevel"/> up. A micrograph that uses 80 of
/// 256 grey levels then counts into 25 kB instead of 256 kB, which stays in the processor's fastest cache. Every
/// other entry is 0. <see cref="Entries"/> and the indexer give the full matrix, divided by the sum of the counts
/// when normed, and <see cref="GlcmProperties"/> reads the table directly. The table is rented from the shared
/// pool and <see cref="Dispose"/> returns it.
/// </remarks>
internal sealed class CooccurrenceMatrix : IDisposable
{
    private int[]? _table;
    private readonly double _divisor;
    private double[]? _entries;

    private CooccurrenceMatrix(
        int[] table, int levels, (int Lowest, int Highest) used, long pairCount, long countSum, bool normed)
    {
        _table = table;
        Levels = levels;
        LowestLevel = Math.Max(used.Lowest, 0);
        Width = Math.Max(used.Highest - LowestLevel + 1, 0);
        PairCount = pairCount;
        CountSum = countSum;
        _divisor = normed && countSum > 0 ? countSum : 1.0;
    }

    /// <summary>Number of rows and columns.</summary>
    public int Levels { get; }

    /// <summary>Lowest level that occurs in the region: row and column 0 of <see cref="Table"/>.</summary>
    public int LowestLevel { get; }

    /// <summary>Number of levels from the lowest to the highest that occurs; 0 when no level occurs.</summary>
    public int Width { get; }

    /// <summary>Pixel pairs counted, before the symmetric matrix adds each pair a second time.</summary>
    public long PairCount { get; }

    /// <summary>Sum of the counts: <see cref="PairCount"/>, or twice it for a symmetric matrix.</summary>
    public long CountSum { get; }

    /// <summary>
    /// The counts of levels <see cref="LowestLevel"/> onward, row by row: index (i − LowestLevel) · Width +
    /// (j − LowestLevel), with the transpose added for a symmetric matrix.
    /// </summary>
    public ReadOnlySpan<int> Table =>
        (_table ?? throw new ObjectDisposedException(nameof(CooccurrenceMatrix))).AsSpan(0, Width * Width);

    /// <summary>
    /// The entries of the full matrix row by row (index i · Levels + j): counts, or probabilities when normalised.
    /// Built on first use.
    /// </summary>
    public ReadOnlySpan<double> Entries
    {
        get
        {
            if (_entries is null)
            {
                var entries = new double[Levels * Levels];
                ReadOnlySpan<int> table = Table;
                for (int row = 0; row < Width; row++)
                {
                    for (int column = 0; column < Width; column++)
                    {
                        entries[((LowestLevel + row) * Levels) + LowestLevel + column] =
                            table[(row * Width) + column] / _divisor;
                    }
                }

                _entries = entries;
            }

            return _entries;
        }
    }

    /// <summary>Entry (i, j).</summary>
    public double this[int i, int j]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(i);
            ArgumentOutOfRangeException.ThrowIfNegative(j);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(i, Levels);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(j, Levels);
            int row = i - LowestLevel;
            int column = j - LowestLevel;
            return row < 0 || column < 0 || row >= Width || column >= Width
                ? 0
                : Table[(row * Width) + column] / _divisor;
        }
    }

    /// <summary>Returns the table to the pool; the matrix is unusable afterwards.</summary>
    public void Dispose()
    {
        if (_table is { } table)
        {
            _table = null;
            ArrayPool<int>.Shared.Return(table);
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
        int lowest = Math.Max(image.LowestLevel, 0);
        int width = Math.Max(image.HighestLevel - lowest + 1, 0);
        int[] table = ArrayPool<int>.Shared.Rent(Math.Max(width * width, 1));
        Array.Clear(table, 0, width * width);
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
                        table[((first[c] - lowest) * width) + j - lowest]++;
                        pairs++;
                    }
                }
            }
        }

        if (symmetric)
        {
            AddTranspose(table, width);
        }

        return new CooccurrenceMatrix(
            table, levels, (image.LowestLevel, image.HighestLevel), pairs, symmetric ? 2 * pairs : pairs, normed);
    }

    /// <summary>Adds the transpose of the <paramref name="width"/> × <paramref name="width"/> table in place.</summary>
    /// <remarks>
    /// The walk goes tile by tile, so that the column it reads for the transpose stays in cache.
    /// </remarks>
    private static void AddTranspose(int[] table, int width)
    {
        const int Tile = 16;
        for (int tileRow = 0; tileRow < width; tileRow += Tile)
        {
            int rowEnd = Math.Min(tileRow + Tile, width);
            for (int tileColumn = tileRow; tileColumn < width; tileColumn += Tile)
            {
                int columnEnd = Math.Min(tileColumn + Tile, width);
                for (int i = tileRow; i < rowEnd; i++)
                {
                    for (int j = Math.Max(tileColumn, i); j < columnEnd; j++)
                    {
                        if (i == j)
                        {
                            table[(i * width) + i] *= 2;
                            continue;
                        }

                        int sum = table[(i * width) + j] + table[(j * width) + i];
                        table[(i * width) + j] = sum;
                        table[(j * width) + i] = sum;
                    }
                }
            }
        }
    }
}
