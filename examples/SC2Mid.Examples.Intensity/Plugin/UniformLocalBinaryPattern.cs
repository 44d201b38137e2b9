namespace SC2Mid.Examples.Intensity;

/// <summary>
/// Uniform local binary patterns with 8 neighbours on a circle of radius 1, computed as scikit-image 0.19.3
/// <c>feature.local_binary_pattern(image, P=8, R=1, method='uniform')</c> does, step for step, so that the codes
/// agree exactly (see <c>skimage/feature/_texture.pyx</c> and <c>skimage/_shared/interpolation.pxd</c>).
/// </summary>
internal static class UniformLocalBinaryPattern
{
    /// <summary>Number of neighbours P.</summary>
    public const int Points = 8;

    /// <summary>Number of distinct codes: 0..P for uniform patterns and P + 1 for all others.</summary>
    public const int CodeCount = Points + 2;

    // Neighbour offsets rounded to 5 decimals as numpy.round does (scale, round half to even, unscale), so that
    // diagonal neighbours sit at +-0.70711 exactly as in scikit-image.
    private static readonly double[] RowOffsets = Offsets(angle => -Math.Sin(angle));
    private static readonly double[] ColumnOffsets = Offsets(Math.Cos);

    /// <summary>
    /// Computes the uniform LBP code of each pixel whose mask value is non-zero and returns the fraction of those
    /// pixels with each code 0..9. Neighbours are read from the whole image, with 0 outside it.
    /// </summary>
    /// <param name="image">Grey values in row-major order.</param>
    /// <param name="mask">Mask values in row-major order, non-zero on the object.</param>
    /// <param name="rows">Image height.</param>
    /// <param name="columns">Image width.</param>
    /// <returns>Ten fractions that sum to 1, or null when the mask is empty.</returns>
    public static double[]? Histogram(double[] image, byte[] mask, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(mask);
        var counts = new long[CodeCount];
        long total = 0;
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                if (mask[(r * columns) + c] == 0)
                {
                    continue;
                }

                counts[Code(image, rows, columns, r, c)]++;
                total++;
            }
        }

        return total == 0 ? null : counts.Select(count => (double)count / total).ToArray();
    }

    /// <summary>Returns the uniform LBP code of one pixel.</summary>
    internal static int Code(double[] image, int rows, int columns, int r, int c)
    {
        var centre = image[(r * columns) + c];
        Span<int> bits = stackalloc int[Points];
        for (var i = 0; i < Points; i++)
        {
            var texture = Interpolate(image, rows, columns, r + RowOffsets[i], c + ColumnOffsets[i]);
            bits[i] = texture - centre >= 0 ? 1 : 0;
        }

        // scikit-image 0.19.3 counts bit changes along neighbours 0..7 only, without the step from 7 back to 0.
        var changes = 0;
        for (var i = 0; i < Points - 1; i++)
        {
            changes += bits[i] != bits[i + 1] ? 1 : 0;
        }

        if (changes > 2)
        {
            return Points + 1;
        }

        var ones = 0;
        foreach (var bit in bits)
        {
            ones += bit;
        }

        return ones;
    }

    /// <summary>Bilinear interpolation with the operations in scikit-image's order, 0 outside the image.</summary>
    private static double Interpolate(double[] image, int rows, int columns, double r, double c)
    {
        var minRow = (long)Math.Floor(r);
        var minColumn = (long)Math.Floor(c);
        var maxRow = (long)Math.Ceiling(r);
        var maxColumn = (long)Math.Ceiling(c);
        var dr = r - minRow;
        var dc = c - minColumn;
        var topLeft = Pixel(image, rows, columns, minRow, minColumn);
        var topRight = Pixel(image, rows, columns, minRow, maxColumn);
        var bottomLeft = Pixel(image, rows, columns, maxRow, minColumn);
        var bottomRight = Pixel(image, rows, columns, maxRow, maxColumn);
        var top = ((1 - dc) * topLeft) + (dc * topRight);
        var bottom = ((1 - dc) * bottomLeft) + (dc * bottomRight);
        return ((1 - dr) * top) + (dr * bottom);
    }

    private static double Pixel(double[] image, int rows, int columns, long r, long c) =>
        r < 0 || r >= rows || c < 0 || c >= columns ? 0 : image[(r * columns) + c];

    private static double[] Offsets(Func<double, double> trigonometric)
    {
        var offsets = new double[Points];
        for (var i = 0; i < Points; i++)
        {
            var raw = trigonometric(2 * Math.PI * i / Points);
            offsets[i] = Math.Round(raw * 1e5, MidpointRounding.ToEven) / 1e5;
        }

        return offsets;
    }
}
