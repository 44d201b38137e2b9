using System.Collections.ObjectModel;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace SC2Mid.Ui.Views;

/// <summary>
/// The recipe editor: a C# recipe script, its compile diagnostics at their lines, and a run with progress and
/// cancellation.
/// </summary>
internal sealed class RecipePage : WorkbenchPage
{
    private const int DiagnosticsHeight = 7;

    private readonly ObservableCollection<string> _diagnostics = [];
    // NOTE: Terminal.Gui 2.5 marks TextView obsolete in favour of EditorView from a separate package that the
    // package source does not serve, so TextView stays until that package can be referenced.
#pragma warning disable CS0618
    private readonly TextView _editor;
#pragma warning restore CS0618
    private readonly ListView _diagnosticList;

    /// <summary>Creates the page with an empty script.</summary>
    public RecipePage()
        : base("Recipe")
    {
#pragma warning disable CS0618
        _editor = new TextView
        {
            X = 0,
            Y = 0,
            Width = Dim.Fill(),
            Height = Dim.Fill(DiagnosticsHeight),
            BorderStyle = LineStyle.Single,
            Title = "Recipe (C#)",
            TabKeyAddsTab = false,
        };
#pragma warning restore CS0618
        _diagnosticList = new ListView
        {
            X = 0,
            Y = Pos.AnchorEnd(DiagnosticsHeight),
            Width = Dim.Fill(),
            Height = DiagnosticsHeight,
            BorderStyle = LineStyle.Single,
            Title = "Diagnostics (Enter jumps to the line)",
        };
        _diagnosticList.SetSource(_diagnostics);
        Add(_editor, _diagnosticList);
    }

    /// <inheritdoc />
    public override IReadOnlyList<KeyHelp> KeyBindingHelp { get; } =
    [
        new("Recipe", "Ctrl+R", "compile and run the recipe in a worker process; Esc cancels it"),
        new("Recipe", "Tab / Shift+Tab", "move between the editor and the diagnostics"),
        new("Recipe", "Enter (diagnostics)", "move the editor's cursor to the diagnostic's line"),
    ];

    /// <summary>The script text.</summary>
    public string Script
    {
        get => _editor.Text;
        set => _editor.Text = value;
    }

    /// <summary>The diagnostics shown, for tests.</summary>
    internal IReadOnlyList<string> DiagnosticLines => _diagnostics;

    /// <summary>Replaces the diagnostics list.</summary>
    public void ShowDiagnostics(IEnumerable<string> lines)
    {
        _diagnostics.Clear();
        foreach (var line in lines)
        {
            _diagnostics.Add(line);
        }
    }
}
