using SC2Mid.Ui.Imaging;
using Terminal.Gui.Drawing;

namespace SC2Mid.Ui.Tests.Imaging;

public class BlockRendererTests
{
    [Fact]
    public void Render_SquareMask_OutlinesItsBorderOnly()
    {
        // 8 x 8 image with a 4 x 4 foreground square at (2..5, 2..5): its border has 12 pixels, its inside 4.
        var bitmap = Bitmap(8, 8, grey: (x, y) => 100, mask: (x, y) => x is >= 2 and <= 5 && y is >= 2 and <= 5);

        var image = BlockRenderer.Render(bitmap, columns: 8, rows: 4);

        Assert.Equal(8, image.Columns);
        Assert.Equal(4, image.Rows);
        Assert.Equal(12, image.OutlinePixels);
        Assert.Equal(BlockRenderer.OutlineColour, image[2, 1].Top);
        Assert.Equal(BlockRenderer.OutlineColour, image[2, 1].Bottom);
        Assert.Equal(new Color(98, 98, 98), image[3, 1].Bottom);
        Assert.Equal(new Color(98, 98, 98), image[0, 0].Top);
    }

    [Fact]
    public void Render_NoMask_DrawsNoOutline()
    {
        var bitmap = Bitmap(6, 6, grey: (x, y) => (byte)(x * 40), mask: null);

        var image = BlockRenderer.Render(bitmap, columns: 6, rows: 3);

        Assert.Equal(0, image.OutlinePixels);
        Assert.Equal(new Color(0, 0, 0), image[0, 0].Top);
        Assert.Equal(new Color(198, 198, 198), image[5, 2].Bottom);
    }

    [Fact]
    public void Render_WideImage_KeepsAspectRatio()
    {
        // 40 x 10 pixels into 20 columns x 20 rows (40 pixel rows): the width limits, so 20 x 5 pixels, 3 rows.
        var bitmap = Bitmap(40, 10, grey: (x, y) => 50, mask: null);

        var image = BlockRenderer.Render(bitmap, columns: 20, rows: 20);

        Assert.Equal(20, image.Columns);
        Assert.Equal(3, image.Rows);
        Assert.Equal(new Color(0, 0, 0), image[0, 2].Bottom);
    }

    [Fact]
    public void Render_LargeImage_AveragesBlocks()
    {
        // Left half black, right half white; shrunk 10 times, each target pixel averages one half only.
        var bitmap = Bitmap(100, 100, grey: (x, y) => x < 50 ? (byte)0 : (byte)255, mask: null);

        var image = BlockRenderer.Render(bitmap, columns: 10, rows: 5);

        Assert.Equal(new Color(0, 0, 0), image[4, 2].Top);
        Assert.Equal(new Color(255, 255, 255), image[5, 2].Top);
    }

    [Fact]
    public void Render_ZeroColumns_Throws()
    {
        var bitmap = Bitmap(2, 2, grey: (x, y) => 0, mask: null);

        Assert.Throws<ArgumentOutOfRangeException>(() => BlockRenderer.Render(bitmap, 0, 3));
    }

    [Fact]
    public void Composite_SquareMask_KeepsSizeAndOutlines()
    {
        var bitmap = Bitmap(8, 8, grey: (x, y) => 100, mask: (x, y) => x is >= 2 and <= 5 && y is >= 2 and <= 5);

        var pixels = BlockRenderer.Composite(bitmap);

        Assert.Equal(8, pixels.GetLength(0));
        Assert.Equal(8, pixels.GetLength(1));
        Assert.Equal(BlockRenderer.OutlineColour, pixels[2, 3]);
        Assert.Equal(new Color(98, 98, 98), pixels[3, 3]);
    }

    private static PreviewBitmap Bitmap(int width, int height, Func<int, int, byte> grey, Func<int, int, bool>? mask)
    {
        var values = new byte[width * height];
        var foreground = mask is null ? null : new bool[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                values[(y * width) + x] = grey(x, y);
                if (foreground is not null)
                {
                    foreground[(y * width) + x] = mask!(x, y);
                }
            }
        }

        return new PreviewBitmap(width, height, values, foreground, "test");
    }
}
