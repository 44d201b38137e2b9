namespace SC2Mid.Plugins.Shape;

/// <summary>
/// Perimeter estimates and the Euler number computed from local pixel configurations, reproducing
/// scikit-image 0.19.3 (<c>skimage/measure/_regionprops_utils.py</c>) on the whole mask as one object.
/// </summary>
internal static class BoundaryMeasures
{
    private static readonly double Sqrt2 = Math.Sqrt(2);

    // skimage.measure.perimeter: a border pixel's code is 1 + 2·(border 4-neighbours) + 10·(border diagonal
    // neighbours), and the code selects its contribution to the length. Codes not listed contribute 0.
    private static readonly double[] PerimeterWeights = BuildPerimeterWeights();

    // skimage.measure.perimeter_crofton with directions=4, indexed by the 2x2 configuration code.
    private static readonly double[] CroftonCoefficients =
    [
        0,
        Math.PI / 4 * (1 + (1 / Sqrt2)),
        Math.PI / (4 * Sqrt2),
        Math.PI / (2 * Sqrt2),
        0,
        Math.PI / 4 * (1 + (1 / Sqrt2)),
        0,
        Math.PI / (4 * Sqrt2),
        Math.PI / 4,
        Math.PI / 2,
        Math.PI / (4 * Sqrt2),
        Math.PI / (4 * Sqrt2),
        Math.PI / 4,
        Math.PI / 2,
        0,
        0,
    ];

    // skimage.measure.euler_number for 8-connected foreground (Ohser, Nagel and Schladitz 2002).
    private static readonly int[] Euler8Coefficients = [0, 0, 0, 0, 0, 0, -1, 0, 1, 0, 0, 0, 0, 0, -1, 0];

    /// <summary>
    /// Marks the border pixels: foreground pixels with at least one background 4-neighbour. This is the mask
    /// minus its binary erosion by the 3x3 cross with background outside the image.
    /// </summary>
    /// <param name="grid">The mask.</param>
    /// <param name="border">
    /// Receives a byte per grid pixel, 1 on border pixels. It must be at least as long as the grid.
    /// </param>
    /// <returns>The number of border pixels.</returns>
    public static long FindBorderPixels(MaskGrid grid, Span<byte> border)
    {
        ReadOnlySpan<byte> pixels = grid.Pixels;
        border = border[..pixels.Length];
        border.Clear();
        int columns = grid.Columns;
        long count = 0;

        // The padding rows and columns are background, so only interior grid pixels can be foreground.
        for (int row = 1; row < grid.Rows - 1; row++)
        {
            ReadOnlySpan<byte> above = pixels.Slice((row - 1) * columns, columns);
            ReadOnlySpan<byte> line = pixels.Slice(row * columns, columns);
            ReadOnlySpan<byte> below = pixels.Slice((row + 1) * columns, columns);
            Span<byte> marks = border.Slice(row * columns, columns);
            (int first, int end) = grid.Extent(row);
            for (int column = first; column < end; column++)
            {
                // Pixels are 0 or 1, so the product of the four neighbours is 1 only when all are foreground.
                if (line[column] != 0
                    && (above[column] & below[column] & line[column - 1] & line[column + 1]) == 0)
                {
                    marks[column] = 1;
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>
    /// Returns scikit-image's 4-neighbourhood perimeter: the sum over border pixels of the weight selected by
    /// the pixel's configuration of border neighbours (Benkrid and Crookes).
    /// </summary>
    /// <param name="border">Border pixels of <paramref name="grid"/>, from <see cref="FindBorderPixels"/>.</param>
    /// <param name="grid">The grid, for its size and foreground extents.</param>
    public static double Perimeter(ReadOnlySpan<byte> border, MaskGrid grid)
    {
        // Counting codes first and summing count × weight afterwards follows skimage's bincount and dot product.
        Span<long> histogram = stackalloc long[PerimeterWeights.Length];
        int columns = grid.Columns;
        for (int row = 1; row < grid.Rows - 1; row++)
        {
            // Border pixels are foreground pixels, so they lie within the row's foreground extent.
            (int first, int end) = grid.Extent(row);
            for (int column = first; column < end; column++)
            {
                int index = (row * columns) + column;
                if (border[index] == 0)
                {
                    continue;
                }

                int axial = border[index - columns] + border[index + columns] + border[index - 1] + border[index + 1];
                int diagonal = border[index - columns - 1] + border[index - columns + 1]
                    + border[index + columns - 1] + border[index + columns + 1];
                histogram[1 + (2 * axial) + (10 * diagonal)]++;
            }
        }

        double perimeter = 0;
        for (int code = 0; code < histogram.Length; code++)
        {
            perimeter += histogram[code] * PerimeterWeights[code];
        }

        return perimeter;
    }

    /// <summary>Returns scikit-image's Crofton perimeter with 4 directions.</summary>
    /// <param name="configurations">The histogram from <see cref="CountConfigurations"/>.</param>
    public static double CroftonPerimeter(ReadOnlySpan<long> configurations)
    {
        double perimeter = 0;
        for (int code = 0; code < configurations.Length; code++)
        {
            perimeter += configurations[code] * CroftonCoefficients[code];
        }

        return perimeter;
    }

    /// <summary>
    /// Returns the Euler number with 8-connected foreground and 4-connected background: components minus holes.
    /// </summary>
    /// <param name="configurations">The histogram from <see cref="CountConfigurations"/>.</param>
    public static long EulerNumber8(ReadOnlySpan<long> configurations)
    {
        long euler = 0;
        for (int code = 0; code < configurations.Length; code++)
        {
            euler += configurations[code] * Euler8Coefficients[code];
        }

        return euler;
    }

    /// <summary>
    /// Counts the 2x2 windows of the grid by their configuration code: 1·p(r, c) + 2·p(r − 1, c) + 4·p(r, c − 1)
    /// + 8·p(r − 1, c − 1), where (r, c) is the window's lower right pixel.
    /// </summary>
    /// <remarks>
    /// This is skimage's <c>ndi.convolve(image, [[0, 0, 0], [0, 1, 4], [0, 2, 8]])</c> on the image padded with
    /// one background pixel: convolution flips the kernel, so the weight 2 applies to the pixel above and 4 to the
    /// pixel on the left. Windows outside the grid hold only background and have code 0.
    /// </remarks>
    /// <returns>The number of windows of each code 1..15; code 0 (background only) is left at 0.</returns>
    public static long[] CountConfigurations(MaskGrid grid)
    {
        var histogram = new long[16];
        ReadOnlySpan<byte> pixels = grid.Pixels;
        int columns = grid.Columns;
        for (int row = 1; row < grid.Rows; row++)
        {
            // A window with no foreground pixel has code 0, which no measure uses, so each pair of rows is read
            // only across the union of their foreground extents.
            (int firstAbove, int endAbove) = grid.Extent(row - 1);
            (int firstHere, int endHere) = grid.Extent(row);
            if (endAbove == 0 && endHere == 0)
            {
                continue;
            }

            int firstEither = Math.Min(endAbove == 0 ? firstHere : firstAbove, endHere == 0 ? firstAbove : firstHere);
            int from = Math.Max(1, firstEither);
            int to = Math.Min(columns - 1, Math.Max(endAbove, endHere));
            ReadOnlySpan<byte> above = pixels.Slice((row - 1) * columns, columns);
            ReadOnlySpan<byte> line = pixels.Slice(row * columns, columns);
            int previous = (2 * above[from - 1]) + line[from - 1];
            for (int column = from; column <= to; column++)
            {
                // previous is 2·above + line of the column on the left, so 4·previous supplies the weights 4 and 8.
                int current = (2 * above[column]) + line[column];
                histogram[current + (4 * previous)]++;
                previous = current;
            }
        }

        return histogram;
    }

    private static double[] BuildPerimeterWeights()
    {
        var weights = new double[50];
        foreach (int code in (int[])[5, 7, 15, 17, 25, 27])
        {
            weights[code] = 1;
        }

        weights[21] = weights[33] = Sqrt2;
        weights[13] = weights[23] = (1 + Sqrt2) / 2;
        return weights;
    }
}
