using System.Buffers;

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
    /// <remarks>
    /// Each p is the count divided by the sum of the counts. Zero entries add nothing to any sum, so the first
    /// pass visits only the levels that occur and skips empty cells, and the second visits the cells the first found.
    /// </remarks>
    /// <exception cref="ArgumentException">The matrix has no pair, so p = P / ΣP is undefined.</exception>
    public static GlcmProperties Of(CooccurrenceMatrix matrix, GlcmConvention convention)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.CountSum <= 0)
        {
            throw new ArgumentException(
                "The matrix counts no pixel pair, so its properties are undefined.", nameof(matrix));
        }

        int lowest = matrix.LowestLevel;
        int width = matrix.Width;
        ReadOnlySpan<int> table = matrix.Table;
        double sum = matrix.CountSum;
        double[] homogeneityWeight = HomogeneityWeights(width, convention);

        // The first pass also lists the non-empty cells, so the second visits only those.
        int[] cells = ArrayPool<int>.Shared.Rent(width * width);
        double[] probabilities = ArrayPool<double>.Shared.Rent(width * width);
        int filled = 0;
        double contrast = 0, dissimilarity = 0, homogeneity = 0, asm = 0, meanI = 0, meanJ = 0;
        for (int row = 0; row < width; row++)
        {
            // Counts cluster near the diagonal, so each row is read from its first to its last non-zero cell.
            ReadOnlySpan<int> counts = table.Slice(row * width, width);
            int first = counts.IndexOfAnyExcept(0);
            if (first < 0)
            {
                continue;
            }

            int last = counts.LastIndexOfAnyExcept(0);
            int i = lowest + row;
            for (int k = first; k <= last; k++)
            {
                if (counts[k] == 0)
                {
                    continue;
                }

                double p = counts[k] / sum;
                int j = lowest + k;
                int difference = Math.Abs(i - j);
                contrast += p * difference * difference;
                dissimilarity += p * difference;
                homogeneity += p * homogeneityWeight[difference];
                asm += p * p;
                meanI += p * i;
                meanJ += p * j;
                cells[filled] = (row * width) + k;
                probabilities[filled] = p;
                filled++;
            }
        }

        double varianceI = 0, varianceJ = 0, covariance = 0;
        for (int n = 0; n < filled; n++)
        {
            double p = probabilities[n];
            double di = lowest + (cells[n] / width) - meanI;
            double dj = lowest + (cells[n] % width) - meanJ;
            varianceI += p * di * di;
            varianceJ += p * dj * dj;
            covariance += p * di * dj;
        }

        ArrayPool<int>.Shared.Return(cells);
        ArrayPool<double>.Shared.Return(probabilities);

        double deviationI = Math.Sqrt(varianceI);
        double deviationJ = Math.Sqrt(varianceJ);
        bool flat = deviationI < FlatThreshold || deviationJ < FlatThreshold;
        double correlation = flat ? 1.0 : covariance / (deviationI * deviationJ);
        double energy = convention == GlcmConvention.Matlab ? asm : Math.Sqrt(asm);
        return new GlcmProperties(contrast, dissimilarity, homogeneity, asm, energy, correlation, flat);
    }

    /// <summary>Returns the homogeneity weight of each level difference |i − j| below <paramref name="count"/>.
    /// </summary>
    private static double[] HomogeneityWeights(int count, GlcmConvention convention)
    {
        var weights = new double[count];
        for (int difference = 0; difference < count; difference++)
        {
            weights[difference] = convention == GlcmConvention.Matlab
                ? 1.0 / (1.0 + difference)
                : 1.0 / (1.0 + ((double)difference * difference));
        }

        return weights;
    }
}
