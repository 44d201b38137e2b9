using Terminal.Gui.Drawing;

namespace SC2Mid.Ui.Imaging;

/// <summary>One terminal cell of a block rendering: an upper half block whose two halves are two pixels.</summary>
/// <param name="Top">Colour of the upper pixel, drawn as the glyph's foreground.</param>
/// <param name="Bottom">Colour of the lower pixel, drawn as the cell's background.</param>
internal readonly record struct BlockCell(Color Top, Color Bottom)
{
    /// <summary>The upper half block U+2580, whose foreground fills the top half of the cell.</summary>
    public const char Glyph = '▀';
}
