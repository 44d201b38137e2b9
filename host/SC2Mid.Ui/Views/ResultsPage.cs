using SC2Mid.Core.Extraction;
using SC2Mid.Ui.Results;
using Terminal.Gui.Input;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace SC2Mid.Ui.Views;

/// <summary>
/// The results of the latest batch extraction as a sortable table, with a histogram of the selected feature column.
/// </summary>
internal sealed class ResultsPage : WorkbenchPage
{
    private const int HistogramHeight = 9;

    private readonly TableView _tableView;
    private readonly HistogramView _histogram;
    private ResultsTable? _table;

    /// <summary>Creates an empty page; <see cref="ShowResults"/> fills it.</summary>
    public ResultsPage()
        : base("Results")
    {
        _tableView = new TableView
        {
            X = 0,
            Y = 0,
            Width = Dim.Fill(),
            Height = Dim.Fill(HistogramHeight),
            MultiSelect = false,
            BorderStyle = LineStyle.Single,
            Title = "Results (no extraction yet: Ctrl+E)",
        };
        _histogram = new HistogramView
        {
            X = 0,
            Y = Pos.AnchorEnd(HistogramHeight),
            Width = Dim.Fill(),
            Height = HistogramHeight,
            BorderStyle = LineStyle.Single,
            Title = "Histogram",
        };
        _histogram.Clear("Select a feature column to see its histogram.");
        Add(_tableView, _histogram);
        _tableView.ValueChanged += (_, _) => ShowHistogram();
        _tableView.MouseEvent += OnTableMouse;
    }

    /// <inheritdoc />
    public override View FocusTarget => _tableView;

    /// <inheritdoc />
    public override IReadOnlyList<KeyHelp> KeyBindingHelp { get; } =
    [
        new("Results", "Arrows, PgUp/PgDn, Home/End", "move the cell cursor; the histogram follows the column"),
        new("Results", "S", "sort by the selected column, smallest first (empty cells last)"),
        new("Results", "Shift+S", "sort by the selected column, largest first (empty cells last)"),
        new("Results", "Click a header", "sort by that column; click again to reverse"),
        new("Results", "Ctrl+S", "save results.csv and results.json (as sc2mid batch writes them) to a new folder"),
    ];

    /// <summary>Raised by Ctrl+S: the workbench saves the results of the last extraction.</summary>
    public event EventHandler? SaveRequested;

    /// <summary>The table shown, or null before the first extraction.</summary>
    internal ResultsTable? Table => _table;

    /// <summary>The table view, for tests.</summary>
    internal TableView TableView => _tableView;

    /// <summary>The histogram, for tests.</summary>
    internal HistogramView Histogram => _histogram;

    /// <summary>Shows the results of a batch.</summary>
    public void ShowResults(IReadOnlyList<ImageResult> results)
    {
        _table = new ResultsTable(results);
        _tableView.Style.GetOrCreateColumnStyle(0).MaxWidth = DatasetPage.ImageColumnWidth;
        _tableView.Table = _table;
        _tableView.Update();
        _tableView.Title = $"Results: {_table.Rows} rows, {_table.Columns - ResultsTable.KeyColumns} feature columns";
        ShowHistogram();
    }

    /// <inheritdoc />
    public override bool HandlePageKey(Key key)
    {
        if (key == Key.S.WithCtrl)
        {
            SaveRequested?.Invoke(this, EventArgs.Empty);
            return true;
        }

        if (key == Key.S || key == Key.S.WithShift)
        {
            return SortSelected(descending: key == Key.S.WithShift);
        }

        return false;
    }

    /// <summary>Sorts by the selected column and keeps the cursor on that column.</summary>
    public bool SortSelected(bool descending)
    {
        if (_table is null || _tableView.Value is not { } selection)
        {
            return false;
        }

        return SortBy(selection.SelectedCell.X, descending);
    }

    private bool SortBy(int column, bool descending)
    {
        if (_table is null || column < 0 || column >= _table.Columns)
        {
            return false;
        }

        _table.Sort(column, descending);
        var direction = descending ? "largest first" : "smallest first";
        _tableView.Title = $"Results sorted by {_table.ColumnNames[column]}, {direction}";
        _tableView.Update();
        ShowHistogram();
        return true;
    }

    private void OnTableMouse(object? sender, Mouse mouse)
    {
        // A second click soon after the first arrives as a double click; it reverses the sort all the same.
        const MouseFlags clicks =
            MouseFlags.LeftButtonClicked | MouseFlags.LeftButtonDoubleClicked | MouseFlags.LeftButtonTripleClicked;
        if (_table is null || (mouse.Flags & clicks) == 0 || mouse.Position is not { } position)
        {
            return;
        }

        var cell = _tableView.ScreenToCell(position.X, position.Y, out int? headerColumn);
        if (cell is null && headerColumn is { } column)
        {
            var descending = _table.SortColumn == column && !_table.SortDescending;
            SortBy(column, descending);
            mouse.Handled = true;
        }
    }

    private void ShowHistogram()
    {
        if (_table is null || _tableView.Value is not { } selection)
        {
            return;
        }

        var column = selection.SelectedCell.X;
        if (column < ResultsTable.KeyColumns || column >= _table.Columns)
        {
            _histogram.Clear("Select a feature column (right of 'status') to see its histogram.");
            return;
        }

        _histogram.Show(_table.ColumnNames[column], _table.ValuesOf(column));
    }
}
