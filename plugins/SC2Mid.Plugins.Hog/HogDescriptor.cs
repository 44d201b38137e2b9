namespace SC2Mid.Plugins.Hog;

/// <summary>
/// Histogram of oriented gradients, computed step by step as scikit-image 0.19.3 <c>skimage.feature.hog</c>
/// computes it for a single-channel image, so that the values agree to rounding.
/// </summary>
internal sealed class HogDescriptor
{
    /// <summary>ε of the block normalisations, as in scikit-image's <c>_hog_normalize_block</c>.</summary>
    public const double Epsilon = 1e-5;

    private HogDescriptor(double[] cellHistograms, int cellRows, int cellColumns, double[] vector)
    {
        CellHistograms = cellHistograms;
        CellRows = cellRows;
        CellColumns = cellColumns;
        Vector = vector;
    }

    /// <summary>Cells along the rows: image rows / pixels per cell, rounded down.</summary>
    public int CellRows { get; }

    /// <summary>Cells along the columns.</summary>
    public int CellColumns { get; }

    /// <summary>
    /// Unnormalised cell histograms, index (cell row · CellColumns + cell column) · orientations + bin: the mean
    /// gradient magnitude per pixel of the cell that falls into each bin.
    /// </summary>
    public double[] CellHistograms { get; }

    /// <summary>
    /// The normalised blocks, flattened in scikit-image's order: block row, block column, cell row in the block,
    /// cell column in the block, orientation bin.
    /// </summary>
    public double[] Vector { get; }

    /// <summary>
    /// Computes the descriptor of an image of at least <see cref="HogOptions.MinimumSize"/> pixels each way.
    /// </summary>
    /// <param name="image">Pixels row by row.</param>
    /// <param name="rows">Image rows.</param>
    /// <param name="columns">Image columns.</param>
    /// <param name="options">Bins, cell and block sizes, normalisation.</param>
    /// <exception cref="ArgumentException">The image is smaller than one block.</exception>
    public static HogDescriptor Compute(ReadOnlySpan<double> image, int rows, int columns, HogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (rows < options.MinimumSize || columns < options.MinimumSize || image.Length != rows * columns)
        {
            throw new ArgumentException(
                $"A {rows} x {columns} image with {image.Length} pixels holds no {options.MinimumSize} x "
                + $"{options.MinimumSize} block.",
                nameof(image));
        }

        double[] pixels = image.ToArray();
        if (options.TransformSqrt)
        {
            for (int k = 0; k < pixels.Length; k++)
            {
                pixels[k] = Math.Sqrt(pixels[k]);
            }
        }

        (double[] magnitude, double[] orientation) = Gradient(pixels, rows, columns);
        int cellRows = rows / options.PixelsPerCell;
        int cellColumns = columns / options.PixelsPerCell;
        double[] histograms = CellHistogramsOf(magnitude, orientation, columns, cellRows, cellColumns, options);
        double[] vector = NormalizeBlocks(histograms, cellRows, cellColumns, options);
        return new HogDescriptor(histograms, cellRows, cellColumns, vector);
    }

    /// <summary>
    /// Returns the gradient magnitude and its unsigned orientation in degrees, [0, 180). The gradient is the
    /// central difference without division by 2, and 0 on the first and last row (row component) and column
    /// (column component), as scikit-image's <c>_hog_channel_gradient</c> computes it.
    /// </summary>
    private static (double[] Magnitude, double[] Orientation) Gradient(double[] pixels, int rows, int columns)
    {
        var magnitude = new double[pixels.Length];
        var orientation = new double[pixels.Length];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                int k = (r * columns) + c;
                double rowGradient = r > 0 && r < rows - 1 ? pixels[k + columns] - pixels[k - columns] : 0;
                double columnGradient = c > 0 && c < columns - 1 ? pixels[k + 1] - pixels[k - 1] : 0;
                magnitude[k] = double.Hypot(columnGradient, rowGradient);

                // NumPy: rad2deg(arctan2(g_row, g_col)) % 180, where % takes the divisor's sign.
                double degrees = Math.Atan2(rowGradient, columnGradient) * (180.0 / Math.PI);
                double remainder = degrees % 180.0;
                if (remainder != 0 && remainder < 0)
                {
                    remainder += 180.0;
                }

                orientation[k] = remainder == 0 ? 0.0 : remainder;
            }
        }

        return (magnitude, orientation);
    }

    private static double[] CellHistogramsOf(
        double[] magnitude,
        double[] orientation,
        int columns,
        int cellRows,
        int cellColumns,
        HogOptions options)
    {
        int size = options.PixelsPerCell;
        int bins = options.Orientations;
        double binWidth = 180.0 / bins;
        var histograms = new double[cellRows * cellColumns * bins];
        var totals = new float[bins];
        for (int cellRow = 0; cellRow < cellRows; cellRow++)
        {
            for (int cellColumn = 0; cellColumn < cellColumns; cellColumn++)
            {
                Array.Clear(totals);
                for (int r = cellRow * size; r < (cellRow + 1) * size; r++)
                {
                    for (int c = cellColumn * size; c < (cellColumn + 1) * size; c++)
                    {
                        int k = (r * columns) + c;
                        for (int bin = 0; bin < bins; bin++)
                        {
                            // Bin i takes [binWidth * i, binWidth * (i + 1)), with both ends computed as
                            // scikit-image's cell_hog computes them, so that a boundary angle lands in the same bin.
                            if (orientation[k] < binWidth * (bin + 1) && orientation[k] >= binWidth * bin)
                            {
                                // scikit-image 0.19.3 accumulates in a C float: round the double sum to float.
                                totals[bin] = (float)(totals[bin] + magnitude[k]);
                            }
                        }
                    }
                }

                int offset = ((cellRow * cellColumns) + cellColumn) * bins;
                for (int bin = 0; bin < bins; bin++)
                {
                    histograms[offset + bin] = totals[bin] / (float)(size * size);
                }
            }
        }

        return histograms;
    }

    private static double[] NormalizeBlocks(double[] histograms, int cellRows, int cellColumns, HogOptions options)
    {
        int blockCells = options.CellsPerBlock;
        int bins = options.Orientations;
        int blockRows = cellRows - blockCells + 1;
        int blockColumns = cellColumns - blockCells + 1;
        int blockLength = blockCells * blockCells * bins;
        var vector = new double[blockRows * blockColumns * blockLength];
        var block = new double[blockLength];
        for (int blockRow = 0; blockRow < blockRows; blockRow++)
        {
            for (int blockColumn = 0; blockColumn < blockColumns; blockColumn++)
            {
                int n = 0;
                for (int r = blockRow; r < blockRow + blockCells; r++)
                {
                    for (int c = blockColumn; c < blockColumn + blockCells; c++)
                    {
                        Array.Copy(histograms, ((r * cellColumns) + c) * bins, block, n, bins);
                        n += bins;
                    }
                }

                Normalize(block, options.BlockNorm);
                block.CopyTo(vector, ((blockRow * blockColumns) + blockColumn) * blockLength);
            }
        }

        return vector;
    }

    private static void Normalize(double[] block, HogBlockNorm norm)
    {
        switch (norm)
        {
            case HogBlockNorm.L1:
            case HogBlockNorm.L1Sqrt:
                double l1 = block.Sum(Math.Abs) + Epsilon;
                for (int k = 0; k < block.Length; k++)
                {
                    block[k] = norm == HogBlockNorm.L1 ? block[k] / l1 : Math.Sqrt(block[k] / l1);
                }

                break;
            case HogBlockNorm.L2:
                Scale(block);
                break;
            default:
                Scale(block);
                for (int k = 0; k < block.Length; k++)
                {
                    block[k] = Math.Min(block[k], 0.2);
                }

                Scale(block);
                break;
        }
    }

    /// <summary>Divides by √(Σv² + ε²).</summary>
    private static void Scale(double[] block)
    {
        double l2 = Math.Sqrt(block.Sum(value => value * value) + (Epsilon * Epsilon));
        for (int k = 0; k < block.Length; k++)
        {
            block[k] /= l2;
        }
    }
}
