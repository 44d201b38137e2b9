using Terminal.Gui.Drawing;

namespace SC2Mid.Ui.Imaging;

/// <summary>
/// Renders a <see cref="PreviewBitmap"/> into half-block cells: each cell shows two vertically stacked pixels, so
/// a terminal cell of roughly 1:2 width to height gives nearly square pixels.
/// </summary>
internal static class BlockRenderer
{
    /// <summary>Colour of mask outline pixels: xterm palette index 226, pure yellow.</summary>
    public static readonly Color OutlineColour = new(255, 255, 0);

    /// <summary>
    /// Scales <paramref name="source"/> to fit <paramref name="columns"/> × <paramref name="rows"/> cells, keeping
    /// its aspect ratio, and draws the mask outline over it.
    /// </summary>
    /// <remarks>
    /// Grey values are area averages of the source pixels each target pixel covers, quantized with
    /// <see cref="GreyRamp"/>. A target pixel is foreground when at least half of its source pixels are. The
    /// outline is the set of foreground target pixels with a background 4-neighbour or on the image edge.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="columns"/> or <paramref name="rows"/> is below 1.</exception>
    public static BlockImage Render(PreviewBitmap source, int columns, int rows)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);

        var scale = Math.Min((double)columns / source.Width, rows * 2.0 / source.Height);
        var width = Math.Clamp((int)Math.Round(source.Width * scale), 1, columns);
        var height = Math.Clamp((int)Math.Round(source.Height * scale), 1, rows * 2);
        var (grey, foreground) = Resample(source, width, height);
        var outline = Outline(foreground, width, height);

        var cellRows = (height + 1) / 2;
        var cells = new BlockCell[width * cellRows];
        var outlinePixels = 0;
        for (var row = 0; row < cellRows; row++)
        {
            for (var x = 0; x < width; x++)
            {
                var top = PixelColour(grey, outline, width, x, 2 * row, ref outlinePixels);

                // An odd pixel height leaves the lower half of the last row empty, drawn black.
                var bottom = (2 * row) + 1 < height
                    ? PixelColour(grey, outline, width, x, (2 * row) + 1, ref outlinePixels)
                    : new Color(0, 0, 0);
                cells[(row * width) + x] = new BlockCell(top, bottom);
            }
        }

        return new BlockImage(width, cellRows, cells, outlinePixels);
    }

    /// <summary>
    /// Returns the pixels of <paramref name="source"/> at its own resolution, indexed [x, y], with the mask outline
    /// drawn over them, for raster output such as sixel.
    /// </summary>
    public static Color[,] Composite(PreviewBitmap source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var foreground = new bool[source.Width * source.Height];
        for (var i = 0; i < foreground.Length; i++)
        {
            foreground[i] = source.Mask is not null && source.Mask[i];
        }

        var outline = Outline(foreground, source.Width, source.Height);
        var pixels = new Color[source.Width, source.Height];
        var outlinePixels = 0;
        for (var y = 0; y < source.Height; y++)
        {
            for (var x = 0; x < source.Width; x++)
            {
                pixels[x, y] = PixelColour(source.Grey, outline, source.Width, x, y, ref outlinePixels);
            }
        }

        return pixels;
    }

    private static Color PixelColour(byte[] grey, bool[] outline, int width, int x, int y, ref int outlinePixels)
    {
        var index = (y * width) + x;
        if (outline[index])
        {
            outlinePixels++;
            return OutlineColour;
        }

        var level = GreyRamp.Quantize(grey[index]);
        return new Color(level, level, level);
    }

    private static (byte[] Grey, bool[] Foreground) Resample(PreviewBitmap source, int width, int height)
    {
        var grey = new byte[width * height];
        var foreground = new bool[width * height];
        for (var y = 0; y < height; y++)
        {
            var y0 = y * source.Height / height;
            var y1 = Math.Max(y0 + 1, (y + 1) * source.Height / height);
            for (var x = 0; x < width; x++)
            {
                var x0 = x * source.Width / width;
                var x1 = Math.Max(x0 + 1, (x + 1) * source.Width / width);
                long sum = 0;
                var inside = 0;
                for (var sy = y0; sy < y1; sy++)
                {
                    for (var sx = x0; sx < x1; sx++)
                    {
                        sum += source.GreyAt(sx, sy);
                        inside += source.IsForeground(sx, sy) ? 1 : 0;
                    }
                }

                var count = (x1 - x0) * (y1 - y0);
                grey[(y * width) + x] = (byte)((sum + (count / 2)) / count);
                foreground[(y * width) + x] = source.Mask is not null && 2 * inside >= count;
            }
        }

        return (grey, foreground);
    }

    private static bool[] Outline(bool[] foreground, int width, int height)
    {
        var outline = new bool[foreground.Length];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (!foreground[(y * width) + x])
                {
                    continue;
                }

                var onEdge = x == 0 || y == 0 || x == width - 1 || y == height - 1;
                outline[(y * width) + x] = onEdge
                    || !foreground[(y * width) + x - 1]
                    || !foreground[(y * width) + x + 1]
                    || !foreground[((y - 1) * width) + x]
                    || !foreground[((y + 1) * width) + x];
            }
        }

        return outline;
    }
}
