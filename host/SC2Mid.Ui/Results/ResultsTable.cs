using System.Globalization;
using SC2Mid.Core.Extraction;
using SC2Mid.Core.Output;
using Terminal.Gui.Views;

namespace SC2Mid.Ui.Results;

/// <summary>
/// Batch results as a table for <see cref="TableView"/>: one row per image and object (one row with the status for
/// an image without objects), then one column per feature in pixel units and, when any image is calibrated, one
/// column per length or area in nm. Rows can be sorted by any column.
/// </summary>
internal sealed class ResultsTable : ITableSource
{
    /// <summary>Number of leading columns that describe the row rather than hold a feature value.</summary>
    public const int KeyColumns = 3;

    private readonly List<ResultsColumn> _columns;
    private readonly List<ResultsRow> _rows;

    /// <summary>Builds the table from the results of one batch, in the batch's order.</summary>
    public ResultsTable(IReadOnlyList<ImageResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var descriptors = results
            .SelectMany(result => result.Objects)
            .SelectMany(objectResult => objectResult.Features)
            .Select(feature => feature.Descriptor)
            .DistinctBy(descriptor => descriptor.Name)
            .ToArray();
        var calibrated = results.Any(result => result.Calibration.NmPerPixel is not null);

        _columns = [.. descriptors.Select(descriptor => new ResultsColumn(
            $"{descriptor.Name} [{descriptor.PixelUnit}]", descriptor.Name, Calibrated: false))];
        if (calibrated)
        {
            _columns.AddRange(descriptors.Where(descriptor => descriptor.IsCalibrated).Select(descriptor =>
                new ResultsColumn($"{descriptor.Name} [{descriptor.CalibratedUnit}]", descriptor.Name, Calibrated: true)));
        }

        _rows = [];
        foreach (var result in results)
        {
            var status = CsvResultWriter.StatusName(result.Status);
            if (result.Objects.Count == 0)
            {
                _rows.Add(new ResultsRow(result.ImageId, null, status, new double?[_columns.Count]));
                continue;
            }

            foreach (var objectResult in result.Objects)
            {
                var byName = objectResult.Features.ToDictionary(feature => feature.Descriptor.Name, StringComparer.Ordinal);
                var values = _columns
                    .Select(column => byName.TryGetValue(column.Feature, out var feature)
                        ? column.Calibrated ? feature.CalibratedValue : feature.PixelValue
                        : null)
                    .ToArray();
                _rows.Add(new ResultsRow(result.ImageId, objectResult.ObjectId, status, values));
            }
        }
    }

    /// <inheritdoc />
    public string[] ColumnNames => ["image", "object", "status", .. _columns.Select(column => column.Header)];

    /// <inheritdoc />
    public int Columns => KeyColumns + _columns.Count;

    /// <inheritdoc />
    public int Rows => _rows.Count;

    /// <summary>Index of the column the rows are sorted by, or null while they are in batch order.</summary>
    public int? SortColumn { get; private set; }

    /// <summary>Whether the sort is from largest to smallest.</summary>
    public bool SortDescending { get; private set; }

    /// <summary>Returns the text shown in a cell: numbers with 6 significant digits, an empty cell for null.</summary>
    public object this[int row, int col] => col switch
    {
        0 => _rows[row].ImageId,
        1 => _rows[row].ObjectId?.ToString(CultureInfo.InvariantCulture) ?? "",
        2 => _rows[row].Status,
        _ => _rows[row].Values[col - KeyColumns]?.ToString("G6", CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>Returns the value of a feature column for every row, in display order; null where there is none.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="column"/> is not a feature column.</exception>
    public IReadOnlyList<double?> ValuesOf(int column)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(column, KeyColumns);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Columns);
        return _rows.Select(row => row.Values[column - KeyColumns]).ToArray();
    }

    /// <summary>
    /// Sorts the rows by <paramref name="column"/>. Feature columns sort numerically with empty cells last in either
    /// direction; the image and status columns sort by ordinal text, then by object number. The sort is stable.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="column"/> is outside the table.</exception>
    public void Sort(int column, bool descending)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Columns);
        IComparer<ResultsRow> comparer = column switch
        {
            0 => Comparer<ResultsRow>.Create((a, b) => Ordered(string.CompareOrdinal(a.ImageId, b.ImageId), a, b)),
            1 => Comparer<ResultsRow>.Create((a, b) => Nullable.Compare(a.ObjectId, b.ObjectId)),
            2 => Comparer<ResultsRow>.Create((a, b) => Ordered(string.CompareOrdinal(a.Status, b.Status), a, b)),
            _ => new ValueComparer(column - KeyColumns, descending),
        };
        var sorted = descending && column < KeyColumns
            ? _rows.OrderByDescending(row => row, comparer).ToList()
            : _rows.OrderBy(row => row, comparer).ToList();
        _rows.Clear();
        _rows.AddRange(sorted);
        SortColumn = column;
        SortDescending = descending;
    }

    private static int Ordered(int order, ResultsRow a, ResultsRow b) =>
        order != 0 ? order : Nullable.Compare(a.ObjectId, b.ObjectId);

    /// <summary>Compares one value column, keeping rows without a value at the end in both directions.</summary>
    private sealed class ValueComparer(int index, bool descending) : IComparer<ResultsRow>
    {
        public int Compare(ResultsRow? x, ResultsRow? y)
        {
            var a = x!.Values[index];
            var b = y!.Values[index];
            if (a is null || b is null)
            {
                return (a is null ? 1 : 0) - (b is null ? 1 : 0);
            }

            return descending ? b.Value.CompareTo(a.Value) : a.Value.CompareTo(b.Value);
        }
    }

    private sealed record ResultsColumn(string Header, string Feature, bool Calibrated);

    private sealed record ResultsRow(string ImageId, int? ObjectId, string Status, double?[] Values);
}
