namespace SC2Mid.Ui.Results;

/// <summary>Counts of values in equal-width bins between their minimum and maximum.</summary>
/// <param name="Minimum">Smallest value, the lower edge of the first bin.</param>
/// <param name="Maximum">Largest value, the upper edge of the last bin (inclusive).</param>
/// <param name="Counts">Values per bin.</param>
/// <param name="Missing">Values that were null or not finite and so were not counted.</param>
internal sealed record Histogram(double Minimum, double Maximum, int[] Counts, int Missing)
{
    /// <summary>Number of values counted in the bins.</summary>
    public int Total => Counts.Sum();

    /// <summary>
    /// Bins the finite values of <paramref name="values"/> into <paramref name="binCount"/> bins. When all values
    /// are equal every value falls into the middle bin; with no finite value the result has no counts.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="binCount"/> is below 1.</exception>
    public static Histogram Compute(IEnumerable<double?> values, int binCount)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        var all = values.ToArray();
        var finite = all.Where(value => value is { } number && double.IsFinite(number)).Select(value => value!.Value).ToArray();
        var counts = new int[binCount];
        var missing = all.Length - finite.Length;
        if (finite.Length == 0)
        {
            return new Histogram(double.NaN, double.NaN, counts, missing);
        }

        var minimum = finite.Min();
        var maximum = finite.Max();
        foreach (var value in finite)
        {
            var bin = maximum == minimum
                ? binCount / 2
                : Math.Min(binCount - 1, (int)((value - minimum) / (maximum - minimum) * binCount));
            counts[bin]++;
        }

        return new Histogram(minimum, maximum, counts, missing);
    }
}
