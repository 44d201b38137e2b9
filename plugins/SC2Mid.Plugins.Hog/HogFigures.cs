using System.Globalization;
using OpenCvSharp;
using SC2Mid.Sdk;

namespace SC2Mid.Plugins.Hog;

/// <summary>The HOG figures: the descriptor as a bar chart, and oriented line glyphs per cell over the input.</summary>
internal static class HogFigures
{
    /// <summary>Largest edge in pixels of the raster on which the glyphs are drawn.</summary>
    private const int GlyphRasterSize = 960;

    /// <summary>Saves <c>hog-histogram</c> of a one-block descriptor: one bar per value, coloured by cell.</summary>
    public static void SaveHistogram(IArtifactSink sink, HogDescriptor descriptor, HogOptions options, string title)
    {
        var plot = new ScottPlot.Plot();
        var bars = new List<ScottPlot.Bar>();
        int bins = options.Orientations;
        for (int k = 0; k < descriptor.Vector.Length; k++)
        {
            int cell = k / bins;
            bars.Add(new ScottPlot.Bar
            {
                Position = k,
                Value = descriptor.Vector[k],
                FillColor = ScottPlot.Palette.Default.GetColor(cell),
                LineWidth = 0,
            });
        }

        plot.Add.Bars(bars);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int k = 0; k < descriptor.Vector.Length; k += bins)
        {
            int cell = k / bins;
            int row = cell / descriptor.CellColumns;
            int column = cell % descriptor.CellColumns;
            ticks.AddMajor(k, string.Create(CultureInfo.InvariantCulture, $"{k}\ncell ({row}, {column})"));
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Margins(bottom: 0);
        plot.Title(title, size: 15);
        plot.XLabel(
            string.Create(
                CultureInfo.InvariantCulture,
                $"index i of hog.i: {bins} orientation bins of 180/{bins} degrees per cell, cells row by row"),
            size: 14);
        plot.YLabel("normalised bin value (dimensionless)", size: 14);
        FigureWriter.Save(sink, "hog-histogram", plot, 960, 480);
    }

    /// <summary>
    /// Saves <c>hog-glyphs</c>: the HOG input in grey with, in every cell, one line per bin through the cell centre,
    /// perpendicular to the bin's mean gradient direction (along the edge), as scikit-image's
    /// <c>hog(visualize=True)</c> draws them. A line's brightness is the bin's unnormalised value divided by the
    /// 99th percentile of all bin values, capped at 1, so that one strong edge does not leave every other cell dark.
    /// </summary>
    public static void SaveGlyphs(
        IArtifactSink sink,
        HogInput input,
        HogDescriptor descriptor,
        HogOptions options,
        string title)
    {
        int scale = Math.Max(1, GlyphRasterSize / Math.Max(input.Rows, input.Columns));
        using Mat raster = DrawGlyphs(input, descriptor, options, scale);
        Cv2.ImEncode(".png", raster, out byte[] png);

        var plot = new ScottPlot.Plot();
        var image = new ScottPlot.Image(png);
        plot.Add.ImageRect(image, new ScottPlot.CoordinateRect(0, input.Columns, input.Rows, 0));
        plot.Axes.SetLimits(0, input.Columns, input.Rows, 0);
        plot.Axes.SquareUnits();
        plot.Title(title, size: 15);
        plot.XLabel("column (px of the HOG input)", size: 14);
        plot.YLabel("row (px of the HOG input)", size: 14);
        FigureWriter.Save(sink, "hog-glyphs", plot, 800, 800);
    }

    private static Mat DrawGlyphs(HogInput input, HogDescriptor descriptor, HogOptions options, int scale)
    {
        using var grey = new Mat(input.Rows, input.Columns, MatType.CV_64FC1);
        grey.SetArray(input.Pixels);
        using var grey8 = new Mat();
        Cv2.Normalize(grey, grey8, 0, 255, NormTypes.MinMax, (int)MatType.CV_8U);
        using var large = new Mat();
        Cv2.Resize(grey8, large, new Size(input.Columns * scale, input.Rows * scale), 0, 0, InterpolationFlags.Nearest);
        var background = new Mat();
        Cv2.CvtColor(large, background, ColorConversionCodes.GRAY2BGR);
        background.ConvertTo(background, -1, 0.6);

        int bins = options.Orientations;
        double[] sorted = descriptor.CellHistograms.Where(value => value > 0).Order().ToArray();
        if (sorted.Length == 0)
        {
            return background;
        }

        double reference = sorted[(int)(0.99 * (sorted.Length - 1))];

        using var glyphs = new Mat(background.Size(), MatType.CV_8UC3, Scalar.All(0));
        double radius = 0.45 * options.PixelsPerCell * scale;
        int thickness = Math.Max(1, options.PixelsPerCell * scale / 80);
        for (int cellRow = 0; cellRow < descriptor.CellRows; cellRow++)
        {
            for (int cellColumn = 0; cellColumn < descriptor.CellColumns; cellColumn++)
            {
                double centreX = (cellColumn + 0.5) * options.PixelsPerCell * scale;
                double centreY = (cellRow + 0.5) * options.PixelsPerCell * scale;
                for (int bin = 0; bin < bins; bin++)
                {
                    int cell = (cellRow * descriptor.CellColumns) + cellColumn;
                    double value = descriptor.CellHistograms[(cell * bins) + bin];
                    double brightness = Math.Min(1.0, value / reference);
                    if (brightness <= 0)
                    {
                        continue;
                    }

                    // The bin's middle gradient angle runs from the column axis towards the row axis. The glyph is
                    // perpendicular to it, from (row − dc, column + dr) to (row + dc, column − dr) as in scikit-image.
                    double angle = Math.PI * (bin + 0.5) / bins;
                    double dr = radius * Math.Sin(angle);
                    double dc = radius * Math.Cos(angle);
                    var start = new Point((int)Math.Round(centreX + dr), (int)Math.Round(centreY - dc));
                    var end = new Point((int)Math.Round(centreX - dr), (int)Math.Round(centreY + dc));
                    var colour = new Scalar(40 * brightness, 200 * brightness, 255 * brightness);
                    Cv2.Line(glyphs, start, end, colour, thickness, LineTypes.AntiAlias);
                }
            }
        }

        Cv2.Add(background, glyphs, background);
        return background;
    }
}
