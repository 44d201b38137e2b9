using System.Globalization;
using SC2Mid.Core.Datasets;
using SC2Mid.Core.Extraction;
using SC2Mid.Core.Output;
using Terminal.Gui.Views;

namespace SC2Mid.Ui.Views;

/// <summary>The dataset browser's rows: image, mask, pixel size from the dataset and the latest status of each sample.</summary>
internal sealed class DatasetTable(Dataset dataset) : ITableSource
{
    private readonly Dictionary<string, ImageResult> _results = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public string[] ColumnNames => ["image", "status", "objects", "nm/px", "mask"];

    /// <inheritdoc />
    public int Columns => 5;

    /// <inheritdoc />
    public int Rows => dataset.Items.Count;

    /// <summary>Returns the text of one cell.</summary>
    public object this[int row, int col]
    {
        get
        {
            var item = dataset.Items[row];
            _results.TryGetValue(item.ImageId, out var result);
            return col switch
            {
                0 => item.ImageId,
                1 => result is null ? "not run" : CsvResultWriter.StatusName(result.Status),
                2 => result is null ? "" : result.Objects.Count.ToString(CultureInfo.InvariantCulture),
                3 => item.Calibration?.NmPerPixel?.ToString("G6", CultureInfo.InvariantCulture) ?? "-",
                _ => item.MaskPath is null ? "(none)" : Path.GetFileName(item.MaskPath),
            };
        }
    }

    /// <summary>The dataset item of a row.</summary>
    public DatasetItem ItemAt(int row) => dataset.Items[row];

    /// <summary>Returns the latest result of a row's image, or null before its first extraction.</summary>
    public ImageResult? ResultAt(int row) => _results.GetValueOrDefault(dataset.Items[row].ImageId);

    /// <summary>Records the latest result of one image, replacing the previous one.</summary>
    public void SetResult(ImageResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _results[result.ImageId] = result;
    }
}
