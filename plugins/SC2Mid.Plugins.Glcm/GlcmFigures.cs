using System.Globalization;
using SC2Mid.Sdk;

namespace SC2Mid.Plugins.Glcm;

/// <summary>The figures of one object: the study's 16 values as bar charts, and one heat map per angle.</summary>
internal static class GlcmFigures
{
    private static readonly string[] HistogramProperties = ["contrast", "homogeneity", "correlation", "energy"];

    /// <summary>
    /// Saves <c>glcm-histogram</c> (contrast, homogeneity, correlation and energy at the four angles) and
    /// <c>glcm-matrix-&lt;angle&gt;</c> for the first distance, except for an angle whose matrix has no pair.
    /// </summary>
    /// <param name="sink">Where the figures go.</param>
    /// <param name="matrices">The four matrices of the first distance, in the order of the angles.</param>
    /// <param name="properties">Their properties, null where a matrix has no pair.</param>
    /// <param name="image">The quantised region, for the level range shown.</param>
    /// <param name="settings">Parameters, for the titles.</param>
    public static void Save(
        IArtifactSink sink,
        IReadOnlyList<CooccurrenceMatrix> matrices,
        IReadOnlyList<GlcmProperties?> properties,
        LevelImage image,
        GlcmSettings settings)
    {
        string context = string.Create(
            CultureInfo.InvariantCulture,
            $"d = {settings.Distances[0]} px, {settings.Convention.ToString().ToLowerInvariant()} convention");
        var plots = HistogramProperties.Select(property => HistogramPlot(property, properties, context)).ToList();
        FigureWriter.SaveGrid(sink, "glcm-histogram", plots, columns: 2, width: 520, height: 380);

        (int lowest, int highest) = UsedLevelRange(image, settings.Levels);
        for (int a = 0; a < matrices.Count; a++)
        {
            // A matrix without pairs has no cell to colour, and its properties are already null with a reason.
            if (matrices[a].PairCount == 0)
            {
                continue;
            }

            int degrees = PixelOffset.AnglesInDegrees[a];
            ScottPlot.Plot plot = MatrixPlot(matrices[a], degrees, lowest, highest, context, settings.Normed);
            string name = string.Create(CultureInfo.InvariantCulture, $"glcm-matrix-{degrees}");
            FigureWriter.Save(sink, name, plot, 720, 640);
        }
    }

    private static ScottPlot.Plot HistogramPlot(
        string property,
        IReadOnlyList<GlcmProperties?> properties,
        string context)
    {
        var plot = new ScottPlot.Plot();
        var bars = new List<ScottPlot.Bar>();
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int a = 0; a < properties.Count; a++)
        {
            ticks.AddMajor(a, string.Create(CultureInfo.InvariantCulture, $"{PixelOffset.AnglesInDegrees[a]}°"));
            if (properties[a] is { } value)
            {
                double height = Select(value, property);
                bars.Add(new ScottPlot.Bar
                {
                    Position = a,
                    Value = height,
                    Label = height.ToString("G4", CultureInfo.InvariantCulture),
                });
            }
        }

        ScottPlot.Plottables.BarPlot barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 14;
        barPlot.ValueLabelStyle.FontName = FigureWriter.FontName;
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Margins(bottom: 0, top: 0.15);
        bool anyFlat = properties.Any(value => value is { IsFlat: true });
        string note = property == "correlation" && anyFlat ? "\n1 by rule where the region is flat" : string.Empty;
        plot.Title($"GLCM {property} ({context}){note}", size: 15);
        plot.XLabel("angle (degrees)", size: 14);
        plot.YLabel($"{property} (dimensionless)", size: 14);
        return plot;
    }

    private static double Select(GlcmProperties value, string property) =>
        property switch
        {
            "contrast" => value.Contrast,
            "homogeneity" => value.Homogeneity,
            "correlation" => value.Correlation,
            _ => value.Energy,
        };

    private static ScottPlot.Plot MatrixPlot(
        CooccurrenceMatrix matrix,
        int degrees,
        int lowest,
        int highest,
        string context,
        bool normed)
    {
        // The entries near the diagonal span several decades, so the colour shows log10 of each entry.
        // Empty cells become NaN and stay white.
        int size = highest - lowest + 1;
        var intensities = new double[size, size];
        double smallest = double.PositiveInfinity;
        double largest = double.NegativeInfinity;
        for (int i = 0; i < size; i++)
        {
            for (int j = 0; j < size; j++)
            {
                double entry = matrix[lowest + i, lowest + j];
                intensities[i, j] = entry > 0 ? Math.Log10(entry) : double.NaN;
                if (entry > 0)
                {
                    smallest = Math.Min(smallest, intensities[i, j]);
                    largest = Math.Max(largest, intensities[i, j]);
                }
            }
        }

        var plot = new ScottPlot.Plot();
        ScottPlot.Plottables.Heatmap heatmap = plot.Add.Heatmap(intensities);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.NaNCellColor = ScottPlot.Colors.White;
        if (smallest == largest)
        {
            // All non-empty cells are equal (a flat region has one); the colour bar needs a range of some width.
            heatmap.ManualRange = new ScottPlot.Range(smallest - 1, largest);
        }

        // With ScottPlot's default cell alignment the extent runs through the centres of the corner cells. Row i
        // is drawn at y = i and the y axis points down, so the diagonal i = j runs from the top left to the bottom
        // right, as the matrix is printed.
        heatmap.Extent = new ScottPlot.CoordinateRect(lowest, highest, lowest, highest);
        ScottPlot.Panels.ColorBar colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = normed ? "log10 p(i, j)" : "log10 count(i, j)";
        colorBar.LabelStyle.FontSize = 14;
        plot.Axes.InvertY();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Title($"GLCM at {degrees}° ({context})", size: 15);
        plot.XLabel("grey level j of the second pixel", size: 14);
        plot.YLabel("grey level i of the first pixel", size: 14);
        return plot;
    }

    /// <summary>Returns the lowest and highest level in the region, at least two levels apart by one.</summary>
    private static (int Lowest, int Highest) UsedLevelRange(LevelImage image, int levels)
    {
        int lowest = image.LowestLevel;
        int highest = image.HighestLevel;

        // A heat map needs two cells per axis to place its extent, so a flat region shows a neighbouring level too.
        if (lowest == highest)
        {
            return highest + 1 < levels ? (lowest, highest + 1) : (lowest - 1, highest);
        }

        return (lowest, highest);
    }
}
