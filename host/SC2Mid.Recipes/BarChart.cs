using System.Globalization;
using OpenCvSharp;

namespace SC2Mid.Recipes;

/// <summary>Draws horizontal bar charts with OpenCV, one labelled bar per value, scaled to the largest magnitude.
/// </summary>
internal static class BarChart
{
    private const int Width = 900;
    private const int RowHeight = 34;
    private const int Margin = 16;
    private const int TitleHeight = 40;
    private const double FontScale = 0.5;
    private const HersheyFonts Font = HersheyFonts.HersheySimplex;

    /// <summary>Returns a white 8-bit BGR chart; the caller disposes it.</summary>
    /// <exception cref="ArgumentException">The label and value counts differ, or there is no value.</exception>
    public static Mat Draw(string title, IReadOnlyList<string> labels, IReadOnlyList<double> values)
    {
        if (labels.Count != values.Count || values.Count == 0)
        {
            throw new ArgumentException(
                $"A bar chart needs one label per value and at least one value; got {labels.Count} labels and "
                + $"{values.Count} values.",
                nameof(values));
        }

        var height = TitleHeight + (RowHeight * values.Count) + Margin;
        var chart = new Mat(height, Width, MatType.CV_8UC3, Scalar.White);
        Cv2.PutText(chart, title, new Point(Margin, 26), Font, 0.6, Scalar.Black, 1, LineTypes.AntiAlias);

        var labelWidth = labels.Max(label => Cv2.GetTextSize(label, Font, FontScale, 1, out _).Width) + (2 * Margin);
        const int valueWidth = 110;
        var barSpace = Math.Max(50, Width - labelWidth - valueWidth - Margin);
        var largest = values.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
        for (var index = 0; index < values.Count; index++)
        {
            var top = TitleHeight + (index * RowHeight);
            var baseline = top + (RowHeight / 2) + 5;
            DrawText(chart, labels[index], new Point(Margin, baseline));
            var value = values[index];
            var text = double.IsFinite(value) ? value.ToString("G4", CultureInfo.InvariantCulture) : "n/a";
            if (double.IsFinite(value) && largest > 0)
            {
                var length = (int)Math.Round(barSpace * Math.Abs(value) / largest);
                var color = value >= 0 ? new Scalar(180, 119, 31) : new Scalar(14, 127, 255);
                Cv2.Rectangle(chart, new Rect(labelWidth, top + 6, Math.Max(1, length), RowHeight - 12), color, -1);
            }

            var textX = labelWidth + barSpace + 8;
            DrawText(chart, text, new Point(textX, baseline));
        }

        return chart;
    }

    private static void DrawText(Mat chart, string text, Point origin) =>
        Cv2.PutText(chart, text, origin, Font, FontScale, Scalar.Black, 1, LineTypes.AntiAlias);
}
