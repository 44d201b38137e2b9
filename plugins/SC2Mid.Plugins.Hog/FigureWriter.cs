using OpenCvSharp;
using SC2Mid.Sdk;

namespace SC2Mid.Plugins.Hog;

/// <summary>Renders ScottPlot plots to PNG and saves them through the host's artifact sink.</summary>
internal static class FigureWriter
{
    /// <summary>Font of every figure: DejaVu Sans, from the Debian package fonts-dejavu-core.</summary>
    public const string FontName = "DejaVu Sans";

    /// <summary>Renders plots of equal size into a grid, row by row, and saves the grid as one figure.</summary>
    /// <returns>The path that the sink returned.</returns>
    public static string SaveGrid(
        IArtifactSink sink,
        string name,
        IReadOnlyList<ScottPlot.Plot> plots,
        int columns,
        int width,
        int height)
    {
        var tiles = plots.Select(plot => Render(plot, width, height)).ToList();
        try
        {
            int rows = (tiles.Count + columns - 1) / columns;
            using var grid = new Mat(rows * height, columns * width, MatType.CV_8UC3, Scalar.All(255));
            for (int k = 0; k < tiles.Count; k++)
            {
                using var cell = new Mat(grid, new Rect((k % columns) * width, (k / columns) * height, width, height));
                tiles[k].CopyTo(cell);
            }

            return sink.SaveFigure(name, grid);
        }
        finally
        {
            tiles.ForEach(tile => tile.Dispose());
        }
    }

    /// <summary>Renders one plot and saves it.</summary>
    /// <returns>The path that the sink returned.</returns>
    public static string Save(IArtifactSink sink, string name, ScottPlot.Plot plot, int width, int height)
    {
        using Mat image = Render(plot, width, height);
        return sink.SaveFigure(name, image);
    }

    private static Mat Render(ScottPlot.Plot plot, int width, int height)
    {
        plot.Font.Set(FontName);
        byte[] png = plot.GetImageBytes(width, height, ScottPlot.ImageFormat.Png);
        return Cv2.ImDecode(png, ImreadModes.Color);
    }
}
