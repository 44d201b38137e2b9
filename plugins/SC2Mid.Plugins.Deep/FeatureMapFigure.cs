using OpenCvSharp;

namespace SC2Mid.Plugins.Deep;

/// <summary>Draws the channels of a tapped value as a grid of feature maps, one cell per channel.</summary>
/// <remarks>
/// Cells run left to right, then top to bottom, in channel order, in a grid of ceil(sqrt(n)) columns. Each map is
/// stretched on its own from its minimum (dark) to its maximum (bright) with the viridis colour map, so brightness
/// compares positions within a map, not between maps. A constant map is drawn dark. Small maps are enlarged by an
/// integer factor with nearest-neighbour interpolation until a cell is at least <see cref="MinimumCellSize"/> pixels.
/// </remarks>
internal static class FeatureMapFigure
{
    /// <summary>Minimum cell height and width in pixels, so that 7 × 7 maps stay visible.</summary>
    public const int MinimumCellSize = 56;

    private const int Gap = 2;

    /// <summary>Draws the first <paramref name="maxChannels"/> channels; requires <see cref="LayerOutput.HasMaps"/>.</summary>
    /// <returns>An 8-bit BGR image; the caller disposes it.</returns>
    public static Mat Draw(LayerOutput output, int maxChannels)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!output.HasMaps)
        {
            throw new ArgumentException(
                $"A value of shape [{string.Join(", ", output.Shape)}] has no 2-D maps to draw.", nameof(output));
        }

        int count = Math.Min(output.Channels, maxChannels);
        int columns = (int)Math.Ceiling(Math.Sqrt(count));
        int rows = (count + columns - 1) / columns;
        int factor = Math.Max(1, (int)Math.Ceiling(MinimumCellSize / (double)Math.Max(output.MapHeight, output.MapWidth)));
        int cellHeight = output.MapHeight * factor;
        int cellWidth = output.MapWidth * factor;
        var figure = new Mat(
            rows * (cellHeight + Gap) + Gap,
            columns * (cellWidth + Gap) + Gap,
            MatType.CV_8UC3,
            Scalar.All(255));

        using var map = new Mat(output.MapHeight, output.MapWidth, MatType.CV_32FC1);
        using var grey = new Mat();
        using var enlarged = new Mat();
        using var coloured = new Mat();
        for (int channel = 0; channel < count; channel++)
        {
            for (int y = 0; y < output.MapHeight; y++)
            {
                for (int x = 0; x < output.MapWidth; x++)
                {
                    map.Set(y, x, output.MapValue(channel, y, x));
                }
            }

            Cv2.MinMaxLoc(map, out double minimum, out double maximum);
            double range = maximum - minimum;
            map.ConvertTo(grey, MatType.CV_8UC1, range > 0 ? 255 / range : 0, range > 0 ? -minimum * 255 / range : 0);
            Cv2.Resize(grey, enlarged, new Size(cellWidth, cellHeight), 0, 0, InterpolationFlags.Nearest);
            Cv2.ApplyColorMap(enlarged, coloured, ColormapTypes.Viridis);

            int top = Gap + channel / columns * (cellHeight + Gap);
            int left = Gap + channel % columns * (cellWidth + Gap);
            using Mat cell = figure[new Rect(left, top, cellWidth, cellHeight)];
            coloured.CopyTo(cell);
        }

        return figure;
    }
}
