namespace SC2Mid.Plugins.Glcm;

/// <summary>
/// A grey-level co-occurrence matrix: entry (i, j) counts the pixel pairs at one offset whose first pixel has level
/// i and whose second has level j, both inside the region.
/// </summary>
internal sealed class CooccurrenceMatrix
{
    private readonly double[] _entries;

    private CooccurrenceMatrix(double[] entries, int levels, long pairCount)
    {
        _entries = entries;
        Levels = levels;
        PairCount = pairCount;
    }

    /// <summary>Number of rows and columns.</summary>
    public int Levels { get; }

    /// <summary>Pixel pairs counted, before the symmetric matrix adds each pair a second time.</summary>
    public long PairCount { get; }

    /// <summary>The entries row by row (index i · Levels + j): counts, or probabilities when normalised.</summary>
    public ReadOnlySpan<double> Entries => _entries;

    /// <summary>Entry (i, j).</summary>
    public double this[int i, int j] => _entries[(i * Levels) + j];

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
        var counts = new long[levels * levels];
        ReadOnlySpan<int> pixels = image.Levels;
        int firstRow = Math.Max(0, -offset.Rows);
        int endRow = Math.Min(image.Rows, image.Rows - offset.Rows);
        int firstColumn = Math.Max(0, -offset.Columns);
        int endColumn = Math.Min(image.Columns, image.Columns - offset.Columns);
        long pairs = 0;
        for (int r = firstRow; r < endRow; r++)
        {
            int firstIndex = r * image.Columns;
            int secondIndex = ((r + offset.Rows) * image.Columns) + offset.Columns;
            for (int c = firstColumn; c < endColumn; c++)
            {
                int i = pixels[firstIndex + c];
                int j = pixels[secondIndex + c];
                if (i != LevelImage.Outside && j != LevelImage.Outside)
                {
                    counts[(i * levels) + j]++;
                    pairs++;
                }
            }
        }

        var entries = new double[counts.Length];
        for (int i = 0; i < levels; i++)
        {
            for (int j = 0; j < levels; j++)
            {
                long count = counts[(i * levels) + j];
                entries[(i * levels) + j] = symmetric ? count + counts[(j * levels) + i] : count;
            }
        }

        double sum = symmetric ? 2.0 * pairs : pairs;
        if (normed && sum > 0)
        {
            for (int k = 0; k < entries.Length; k++)
            {
                entries[k] /= sum;
            }
        }

        return new CooccurrenceMatrix(entries, levels, pairs);
    }
}
