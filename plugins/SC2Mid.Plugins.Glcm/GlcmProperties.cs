namespace SC2Mid.Plugins.Glcm;

/// <summary>Haralick-type properties of one co-occurrence matrix, after dividing it by its sum.</summary>
/// <param name="Contrast">Σ p(i, j) (i − j)².</param>
/// <param name="Dissimilarity">Σ p(i, j) |i − j|.</param>
/// <param name="Homogeneity">Σ p/(1 + (i − j)²) under scikit-image, Σ p/(1 + |i − j|) under MATLAB.</param>
/// <param name="Asm">Angular second moment Σ p².</param>
/// <param name="Energy">√ASM under scikit-image, ASM under MATLAB.</param>
/// <param name="Correlation">
/// Σ p (i − μi)(j − μj) / (σi σj), or exactly 1 when σi or σj is below <see cref="FlatThreshold"/>.
/// </param>
/// <param name="IsFlat">Whether <see cref="Correlation"/> was set to 1 because σi or σj was below it.</param>
internal readonly record struct GlcmProperties(
    double Contrast,
    double Dissimilarity,
    double Homogeneity,
    double Asm,
    double Energy,
    double Correlation,
    bool IsFlat)
{
    /// <summary>
    /// Standard deviation below which correlation is 1 by rule, as scikit-image 0.19.3 <c>graycoprops</c> sets it
    /// (<c>std_i &lt; 1e-15</c> or <c>std_j &lt; 1e-15</c>). Correlation 0/0 is undefined; 1 is the value of a
    /// region whose pairs all share one level, where the second level is a function of the first.
    /// </summary>
    public const double FlatThreshold = 1e-15;

    /// <summary>Computes the properties of a matrix with at least one pair.</summary>
    /// <exception cref="ArgumentException">The matrix has no pair, so p = P / ΣP is undefined.</exception>
    public static GlcmProperties Of(CooccurrenceMatrix matrix, GlcmConvention convention)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int levels = matrix.Levels;
        ReadOnlySpan<double> entries = matrix.Entries;
        double sum = 0;
        foreach (double entry in entries)
        {
            sum += entry;
        }

        if (sum <= 0)
        {
            throw new ArgumentException(
                "The matrix counts no pixel pair, so its properties are undefined.", nameof(matrix));
        }

        double contrast = 0, dissimilarity = 0, homogeneity = 0, asm = 0, meanI = 0, meanJ = 0;
        for (int i = 0; i < levels; i++)
        {
            for (int j = 0; j < levels; j++)
            {
                double p = entries[(i * levels) + j] / sum;
                if (p == 0)
                {
                    continue;
                }

                int difference = i - j;
                contrast += p * difference * difference;
                dissimilarity += p * Math.Abs(difference);
                homogeneity += convention == GlcmConvention.Matlab
                    ? p / (1.0 + Math.Abs(difference))
                    : p / (1.0 + (difference * difference));
                asm += p * p;
                meanI += p * i;
                meanJ += p * j;
            }
        }

        double varianceI = 0, varianceJ = 0, covariance = 0;
        for (int i = 0; i < levels; i++)
        {
            for (int j = 0; j < levels; j++)
            {
                double p = entries[(i * levels) + j] / sum;
                varianceI += p * (i - meanI) * (i - meanI);
                varianceJ += p * (j - meanJ) * (j - meanJ);
                covariance += p * (i - meanI) * (j - meanJ);
            }
        }

        double deviationI = Math.Sqrt(varianceI);
        double deviationJ = Math.Sqrt(varianceJ);
        bool flat = deviationI < FlatThreshold || deviationJ < FlatThreshold;
        double correlation = flat ? 1.0 : covariance / (deviationI * deviationJ);
        double energy = convention == GlcmConvention.Matlab ? asm : Math.Sqrt(asm);
        return new GlcmProperties(contrast, dissimilarity, homogeneity, asm, energy, correlation, flat);
    }
}
