using System.Globalization;
using SC2Mid.Ui.Results;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

namespace SC2Mid.Ui.Views;

/// <summary>
/// Draws a histogram of one feature with eighth-block characters (▁ to █), one column per bin, with the value
/// range and the largest count as labels.
/// </summary>
internal sealed class HistogramView : View
{
    private static readonly char[] Eighths = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

    private IReadOnlyList<double?> _values = [];
    private string _feature = "";

    /// <summary>The histogram drawn last, for tests; null before the first draw with values.</summary>
    public Histogram? Drawn { get; private set; }

    /// <summary>Shows the histogram of <paramref name="values"/>, labelled with <paramref name="feature"/>.</summary>
    public void Show(string feature, IReadOnlyList<double?> values)
    {
        _feature = feature;
        _values = values;
        SetNeedsDraw();
    }

    /// <summary>Shows nothing but <paramref name="message"/>.</summary>
    public void Clear(string message)
    {
        _feature = message;
        _values = [];
        Drawn = null;
        SetNeedsDraw();
    }

    /// <inheritdoc />
    protected override bool OnDrawingContent(DrawContext? context)
    {
        var size = Viewport.Size;
        SetAttributeForRole(VisualRole.Normal);
        if (size.Height < 3 || size.Width < 10)
        {
            return true;
        }

        if (_values.Count == 0)
        {
            AddStr(0, 0, Fit(_feature, size.Width));
            return true;
        }

        var histogram = Histogram.Compute(_values, size.Width);
        Drawn = histogram;
        var peak = Math.Max(1, histogram.Counts.Max());
        var header = string.Create(
            CultureInfo.InvariantCulture,
            $"{_feature}: {histogram.Total} values, {histogram.Missing} empty, largest bin {peak}");
        AddStr(0, 0, Fit(header, size.Width));

        var barRows = size.Height - 2;
        for (var column = 0; column < histogram.Counts.Length; column++)
        {
            var eighths = (int)Math.Round(histogram.Counts[column] * barRows * 8.0 / peak);
            for (var row = 0; row < barRows; row++)
            {
                var filled = Math.Clamp(eighths - (row * 8), 0, 8);
                AddRune(column, size.Height - 2 - row, new System.Text.Rune(Eighths[filled]));
            }
        }

        var minimum = histogram.Minimum.ToString("G4", CultureInfo.InvariantCulture);
        var maximum = histogram.Maximum.ToString("G4", CultureInfo.InvariantCulture);
        AddStr(0, size.Height - 1, minimum);
        if (maximum.Length + minimum.Length + 1 <= size.Width)
        {
            AddStr(size.Width - maximum.Length, size.Height - 1, maximum);
        }

        return true;
    }

    private static string Fit(string text, int width) => text.Length <= width ? text : text[..width];
}
