using System.Data;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace SC2Mid.Ui.Views;

/// <summary>The key binding table of every page, shown by F1.</summary>
internal sealed class HelpPage : WorkbenchPage
{
    private readonly TableView _table;

    /// <summary>Creates the page from the global bindings and those of each page.</summary>
    public HelpPage(IEnumerable<KeyHelp> bindings)
        : base("Help")
    {
        var data = new DataTable();
        data.Columns.Add("where");
        data.Columns.Add("keys");
        data.Columns.Add("action");
        foreach (var binding in bindings)
        {
            data.Rows.Add(binding.Scope, binding.Keys, binding.Action);
        }

        _table = new TableView(new DataTableSource(data))
        {
            X = 0,
            Y = 0,
            Width = Dim.Fill(),
            Height = Dim.Fill(),
            FullRowSelect = true,
            BorderStyle = LineStyle.Single,
            Title = "Key bindings (F1 or Esc returns to the previous page)",
        };
        Add(_table);
    }

    /// <inheritdoc />
    public override View FocusTarget => _table;

    /// <inheritdoc />
    public override IReadOnlyList<KeyHelp> KeyBindingHelp { get; } = [];
}
