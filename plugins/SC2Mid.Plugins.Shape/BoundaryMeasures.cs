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
    /// <returns>A byte per grid pixel, 1 on border pixels, and the number of border pixels.</returns>
    public static (byte[] Border, long Count) FindBorderPixels(MaskGrid grid)
    {
        var border = new byte[grid.Rows * grid.Columns];
        long count = 0;

        // The padding rows and columns are background, so only interior grid pixels can be foreground.
        for (int row = 1; row < grid.Rows - 1; row++)
        {
            for (int column = 1; column < grid.Columns - 1; column++)
            {
                if (grid[row, column]
                    && !(grid[row - 1, column] && grid[row + 1, column]
                         && grid[row, column - 1] && grid[row, column + 1]))
                {
                    border[(row * grid.Columns) + column] = 1;
                    count++;
                }
            }
        }

        return (border, count);
    }

    /// <summary>
    /// Returns scikit-image's 4-neighbourhood perimeter: the sum over border pixels of the weight selected by
    /// the pixel's configuration of border neighbours (Benkrid and Crookes).
    /// </summary>
    /// <param name="border">Border pixels of a grid with <paramref name="columns"/> columns, from
    /// <see cref="FindBorderPixels"/>.</param>
    /// <param name="columns">Columns of the grid.</param>
    public static double Perimeter(ReadOnlySpan<byte> border, int columns)
    {
        // Counting codes first and summing count × weight afterwards follows skimage's bincount and dot product.
        Span<long> histogram = stackalloc long[PerimeterWeights.Length];
        int rows = border.Length / columns;
        for (int row = 1; row < rows - 1; row++)
        {
            for (int column = 1; column < columns - 1; column++)
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
    public static double CroftonPerimeter(MaskGrid grid)
    {
        Span<long> histogram = stackalloc long[16];
        CountConfigurations(grid, histogram);
        double perimeter = 0;
        for (int code = 0; code < histogram.Length; code++)
        {
            perimeter += histogram[code] * CroftonCoefficients[code];
        }

        return perimeter;
    }

    /// <summary>
    /// Returns the Euler number with 8-connected foreground and 4-connected background: components minus holes.
    /// </summary>
    public static long EulerNumber8(MaskGrid grid)
    {
        Span<long> histogram = stackalloc long[16];
        CountConfigurations(grid, histogram);
        long euler = 0;
        for (int code = 0; code < histogram.Length; code++)
        {
            euler += histogram[code] * Euler8Coefficients[code];
        }

        return euler;
    }

    /// <summary>
    /// Counts every 2x2 window of the grid by its configuration code: 1·p(r, c) + 2·p(r − 1, c) + 4·p(r, c − 1)
    /// + 8·p(r − 1, c − 1), where (r, c) is the window's lower right pixel.
    /// </summary>
    /// <remarks>
    /// This is skimage's <c>ndi.convolve(image, [[0, 0, 0], [0, 1, 4], [0, 2, 8]])</c> on the image padded with
    /// one background pixel: convolution flips the kernel, so the weight 2 applies to the pixel above and 4 to the
    /// pixel on the left. Windows outside the grid hold only background and have code 0.
    /// </remarks>
    private static void CountConfigurations(MaskGrid grid, Span<long> histogram)
    {
        ReadOnlySpan<byte> pixels = grid.Pixels;
        int columns = grid.Columns;
        for (int row = 1; row < grid.Rows; row++)
        {
            for (int column = 1; column < columns; column++)
            {
                int index = (row * columns) + column;
                int code = pixels[index] + (2 * pixels[index - columns]) + (4 * pixels[index - 1])
                    + (8 * pixels[index - columns - 1]);
                histogram[code]++;
            }
        }
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
