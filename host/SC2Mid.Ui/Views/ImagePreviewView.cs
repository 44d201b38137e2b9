using System.Text;
using SC2Mid.Ui.Imaging;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace SC2Mid.Ui.Views;

/// <summary>
/// Draws a <see cref="PreviewBitmap"/> with half-block characters (two pixels per cell, 256-colour grey ramp) and
/// the mask outline in yellow. Works in any terminal with colour; see <see cref="DatasetPage"/> for sixel.
/// </summary>
internal sealed class ImagePreviewView : View
{
    private PreviewBitmap? _bitmap;
    private BlockImage? _rendered;
    private System.Drawing.Size _renderedFor;
    private string _message = "No image selected.";

    /// <summary>The last rendering, for tests; null until drawn with a bitmap.</summary>
    public BlockImage? Rendered => _rendered;

    /// <summary>Shows <paramref name="bitmap"/>.</summary>
    public void Show(PreviewBitmap bitmap)
    {
        _bitmap = bitmap;
        _rendered = null;
        SetNeedsDraw();
    }

    /// <summary>Shows a line of text in place of an image, for loading and for errors.</summary>
    public void ShowMessage(string message)
    {
        _bitmap = null;
        _rendered = null;
        _message = message;
        SetNeedsDraw();
    }

    /// <inheritdoc />
    protected override bool OnDrawingContent(DrawContext? context)
    {
        var size = Viewport.Size;
        if (size.Width < 1 || size.Height < 1)
        {
            return true;
        }

        if (_bitmap is null)
        {
            SetAttributeForRole(VisualRole.Normal);
            AddStr(0, 0, _message.Length > size.Width ? _message[..size.Width] : _message);
            return true;
        }

        if (_rendered is null || _renderedFor != size)
        {
            _rendered = BlockRenderer.Render(_bitmap, size.Width, size.Height);
            _renderedFor = size;
        }

        var glyph = new Rune(BlockCell.Glyph);
        for (var row = 0; row < _rendered.Rows; row++)
        {
            for (var column = 0; column < _rendered.Columns; column++)
            {
                var cell = _rendered[column, row];
                SetAttribute(new Attribute(cell.Top, cell.Bottom));
                AddRune(column, row, glyph);
            }
        }

        return true;
    }
}
