using System.Collections.ObjectModel;
using SC2Mid.Core.Plugins;
using SC2Mid.Ui.Plugins;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace SC2Mid.Ui.Views;

/// <summary>
/// The plugin browser: every plugin folder found, loaded or not, and for the selected one its manifest, features
/// with units, parameters with defaults and ranges, and the reasons it was rejected.
/// </summary>
internal sealed class PluginsPage : WorkbenchPage
{
    private readonly ObservableCollection<string> _labels = ["Loading plugins…"];
    private readonly ListView _list;
    // NOTE: TextView is obsolete in Terminal.Gui 2.5 (see RecipePage); it is the read-only view that scrolls and wraps.
#pragma warning disable CS0618
    private readonly TextView _details;
#pragma warning restore CS0618
    private PluginCatalog? _catalog;

    /// <summary>Creates the page; it lists nothing until <see cref="ShowCatalog"/> is called.</summary>
    public PluginsPage()
        : base("Plugins")
    {
        _list = new ListView
        {
            X = 0,
            Y = 0,
            Width = Dim.Percent(30),
            Height = Dim.Fill(),
            BorderStyle = LineStyle.Single,
            Title = "Plugins",
        };
        _list.SetSource(_labels);
#pragma warning disable CS0618
        _details = new TextView
        {
            X = Pos.Right(_list),
            Y = 0,
            Width = Dim.Fill(),
            Height = Dim.Fill(),
            ReadOnly = true,
            WordWrap = true,
            BorderStyle = LineStyle.Single,
            Title = "Details",
            Text = "The plugins load in the background.",
        };
#pragma warning restore CS0618
        Add(_list, _details);
        _list.ValueChanged += (_, _) => ShowSelected();
    }

    /// <inheritdoc />
    public override View FocusTarget => _list;

    /// <inheritdoc />
    public override IReadOnlyList<KeyHelp> KeyBindingHelp { get; } =
    [
        new("Plugins", "Up/Down", "select a plugin"),
        new("Plugins", "Tab", "move between the list and the details; arrows and PgUp/PgDn scroll the details"),
    ];

    /// <summary>The details text, for tests.</summary>
    internal string DetailsText => _details.Text;

    /// <summary>Lists the entries of <paramref name="catalog"/> and shows the first.</summary>
    public void ShowCatalog(PluginCatalog catalog)
    {
        _catalog = catalog;
        _labels.Clear();
        foreach (var entry in catalog.Entries)
        {
            _labels.Add(PluginDescriber.Label(entry));
        }

        if (catalog.Entries.Count == 0)
        {
            _labels.Add("(no plugin folder found)");
            _details.Text = $"No plugin was found in {PluginCatalog.DefaultDirectory} or the --plugins folders.";
            return;
        }

        _list.SelectedItem = 0;
        ShowSelected();
    }

    /// <summary>Shows the details of a load failure of the whole catalog.</summary>
    public void ShowError(string message)
    {
        _labels.Clear();
        _labels.Add("(loading failed)");
        _details.Text = message;
    }

    private void ShowSelected()
    {
        if (_catalog is null || _list.SelectedItem is not { } index || index < 0 || index >= _catalog.Entries.Count)
        {
            return;
        }

        _details.Text = PluginDescriber.Describe(_catalog.Entries[index]);
    }
}
