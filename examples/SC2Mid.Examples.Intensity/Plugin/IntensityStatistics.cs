namespace SC2Mid.Examples.Intensity;

/// <summary>
/// Grey-value statistics of a set of pixels, with population moments <c>m_k = sum((x - mean)^k) / n</c> as
/// <c>numpy.std</c> and <c>scipy.stats.skew</c>/<c>kurtosis</c> with <c>bias=True</c> compute them.
/// </summary>
/// <param name="Count">Number of pixels n, at least 1.</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="StandardDeviation">sqrt(m2).</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
/// <param name="Median">Middle value, or the mean of the two middle values when n is even.</param>
/// <param name="Skewness">m3 / m2^1.5, or null when m2 = 0 (all values equal).</param>
/// <param name="Kurtosis">Excess kurtosis m4 / m2^2 - 3, or null when m2 = 0.</param>
internal sealed record IntensityStatistics(
    int Count,
    double Mean,
    double StandardDeviation,
    double Min,
    double Max,
    double Median,
    double? Skewness,
    double? Kurtosis)
{
    /// <summary>Computes the statistics of the values; the array is sorted in place.</summary>
    /// <returns>The statistics, or null when <paramref name="values"/> is empty.</returns>
    public static IntensityStatistics? Compute(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0)
        {
            return null;
        }

        Array.Sort(values);
        var n = values.Length;
        var mean = values.Sum() / n;
        double m2 = 0, m3 = 0, m4 = 0;
        foreach (var value in values)
        {
            var deviation = value - mean;
            var square = deviation * deviation;
            m2 += square;
            m3 += square * deviation;
            m4 += square * square;
        }

        m2 /= n;
        m3 /= n;
        m4 /= n;
        var median = n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
        return new IntensityStatistics(
            n,
            mean,
            Math.Sqrt(m2),
            values[0],
            values[^1],
            median,
            m2 > 0 ? m3 / Math.Pow(m2, 1.5) : null,
            m2 > 0 ? (m4 / (m2 * m2)) - 3 : null);
    }
}
