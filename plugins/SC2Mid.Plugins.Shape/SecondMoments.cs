using System.Numerics;

namespace SC2Mid.Plugins.Shape;

/// <summary>
/// Second central moments of the foreground pixel centres, kept exactly as integers scaled by n².
/// </summary>
/// <remarks>
/// With r the row and c the column of a pixel, <c>ScaledRowRow</c> = n·Σr² − (Σr)² = n²·μrr/n, and likewise for
/// the other two, so the covariance matrix of the pixel coordinates is [[μrr, μrc], [μrc, μcc]] / n with
/// μrr/n = ScaledRowRow / n². Exact integers make equalities such as μrr = μcc exact, which
/// <see cref="Orientation"/> depends on, and keep the small eigenvalue of a thin object free of cancellation.
/// </remarks>
/// <param name="Count">Number of pixels n.</param>
/// <param name="ScaledRowRow">n·Σr² − (Σr)².</param>
/// <param name="ScaledRowColumn">n·Σrc − Σr·Σc.</param>
/// <param name="ScaledColumnColumn">n·Σc² − (Σc)².</param>
internal readonly record struct SecondMoments(
    long Count,
    Int128 ScaledRowRow,
    Int128 ScaledRowColumn,
    Int128 ScaledColumnColumn)
{
    /// <summary>Accumulates the moments of the grid's foreground pixels.</summary>
    public static SecondMoments Of(MaskGrid grid)
    {
        // Σr² of a filled L x L box is about L⁴/3, so the long sums overflow beyond about 50 000 px on a side.
        // Checked arithmetic turns that into an OverflowException instead of a wrong value.
        long n = 0, sumRow = 0, sumColumn = 0, sumRowRow = 0, sumColumnColumn = 0, sumRowColumn = 0;
        ReadOnlySpan<byte> pixels = grid.Pixels;
        for (int row = 0; row < grid.Rows; row++)
        {
            // Per-row sums need no check: a row's Σc² stays below columns³ / 3, which fits a long below 3 million
            // columns.
            ReadOnlySpan<byte> line = pixels.Slice(row * grid.Columns, grid.Columns);
            long count = 0, columns = 0, columnsSquared = 0;
            (int first, int end) = grid.Extent(row);
            for (int column = first; column < end; column++)
            {
                long weight = line[column];
                count += weight;
                columns += weight * column;
                columnsSquared += weight * column * column;
            }

            checked
            {
                n += count;
                sumRow += count * row;
                sumColumn += columns;
                sumRowRow += count * row * row;
                sumColumnColumn += columnsSquared;
                sumRowColumn += columns * row;
            }
        }

        return new SecondMoments(
            n,
            ((Int128)n * sumRowRow) - ((Int128)sumRow * sumRow),
            ((Int128)n * sumRowColumn) - ((Int128)sumRow * sumColumn),
            ((Int128)n * sumColumnColumn) - ((Int128)sumColumn * sumColumn));
    }

    /// <summary>Variance of the row coordinate, μrr / n, in px².</summary>
    public double RowVariance => (double)ScaledRowRow / CountSquared;

    /// <summary>Covariance of row and column, μrc / n, in px².</summary>
    public double Covariance => (double)ScaledRowColumn / CountSquared;

    /// <summary>Variance of the column coordinate, μcc / n, in px².</summary>
    public double ColumnVariance => (double)ScaledColumnColumn / CountSquared;

    private double CountSquared => (double)Count * Count;

    /// <summary>
    /// Returns the eigenvalues λ1 ≥ λ2 ≥ 0 of the covariance matrix, in px². λ2 is computed as det/λ1 from the
    /// exact determinant, so it is exactly 0 when all pixels lie on one line.
    /// </summary>
    public (double Larger, double Smaller) Eigenvalues()
    {
        double halfTrace = (RowVariance + ColumnVariance) / 2;
        double halfDifference = (double)(ScaledRowRow - ScaledColumnColumn) / CountSquared / 2;
        double larger = halfTrace + Math.Sqrt((halfDifference * halfDifference) + (Covariance * Covariance));
        if (larger <= 0)
        {
            return (0, 0);
        }

        BigInteger scaledDeterminant = ((BigInteger)ScaledRowRow * (BigInteger)ScaledColumnColumn)
            - ((BigInteger)ScaledRowColumn * (BigInteger)ScaledRowColumn);
        double determinant = (double)scaledDeterminant / CountSquared / CountSquared;
        return (larger, Math.Max(0, determinant / larger));
    }

    /// <summary>
    /// Returns the angle in (−π/2, π/2] from the row axis to the major axis, counter-clockwise as displayed:
    /// 0.5·atan2(2μrc, μrr − μcc). When μrr = μcc the result is the formula's limit, +π/4 for μrc &gt; 0 and −π/4
    /// for μrc &lt; 0; when in addition μrc = 0 no axis is preferred and the result is null.
    /// </summary>
    /// <remarks>
    /// scikit-image 0.19.3 regionprops returns the opposite sign in the μrr = μcc case (its special branch
    /// disagrees with its own formula), and π/4 for the isotropic case; later releases swap the branches.
    /// </remarks>
    public double? Orientation()
    {
        if (ScaledRowRow == ScaledColumnColumn)
        {
            return Int128.Sign(ScaledRowColumn) switch
            {
                > 0 => Math.PI / 4,
                < 0 => -Math.PI / 4,
                _ => null,
            };
        }

        return 0.5 * Math.Atan2(2 * (double)ScaledRowColumn, (double)(ScaledRowRow - ScaledColumnColumn));
    }
}
