using System.Collections.ObjectModel;
using System.Drawing;
using System.Globalization;
using SC2Mid.Recipes.Compilation;
using SC2Mid.Recipes.Running;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace SC2Mid.Ui.Views;

/// <summary>
/// The recipe editor: a C# recipe file, the compiler's diagnostics at their lines, and the output of the last run.
/// The workbench runs the file in a worker process (see <see cref="WorkbenchWindow.StartRecipe"/>).
/// </summary>
internal sealed class RecipePage : WorkbenchPage
{
    /// <summary>
    /// The recipe written to a new recipe file (<c>Recipes/workbench.csx</c>, embedded): the shape plugin on the
    /// dataset open in the workbench.
    /// </summary>
    public static string StarterRecipe { get; } = ReadStarterRecipe();

    private const int OutputHeight = 9;

    private readonly ObservableCollection<string> _lines = [];
    private readonly List<RecipeDiagnostic?> _diagnosticOfLine = [];

    // NOTE: Terminal.Gui 2.5 marks TextView obsolete in favour of EditorView from a separate package that the
    // package source does not serve, so TextView stays until that package can be referenced.
#pragma warning disable CS0618
    private readonly TextView _editor;
#pragma warning restore CS0618
    private readonly ListView _output;

    /// <summary>Creates the page for <paramref name="recipeFile"/>; <see cref="Load"/> reads it.</summary>
    public RecipePage(string recipeFile)
        : base("Recipe")
    {
        RecipeFile = Path.GetFullPath(recipeFile);
#pragma warning disable CS0618
        _editor = new TextView
        {
            X = 0,
            Y = 0,
            Width = Dim.Fill(),
            Height = Dim.Fill(OutputHeight),
            BorderStyle = LineStyle.Single,
            Title = $"Recipe: {RecipeFile}",
            TabKeyAddsTab = false,
        };
#pragma warning restore CS0618
        _output = new ListView
        {
            X = 0,
            Y = Pos.AnchorEnd(OutputHeight),
            Width = Dim.Fill(),
            Height = OutputHeight,
            BorderStyle = LineStyle.Single,
            Title = "Diagnostics and output (Enter on a diagnostic moves the cursor to its line)",
        };
        _output.SetSource(_lines);
        _output.Accepting += (_, args) => args.Handled = GoToSelectedDiagnostic();
        Add(_editor, _output);
    }

    /// <inheritdoc />
    public override View FocusTarget => _editor;

    /// <inheritdoc />
    public override IReadOnlyList<KeyHelp> KeyBindingHelp { get; } =
    [
        new("Recipe", "Ctrl+S", "save the recipe file"),
        new("Recipe", "Ctrl+R", "save, then compile and run the recipe in a worker process; Esc cancels the run"),
        new("Recipe", "Tab / Shift+Tab", "move between the editor and the diagnostics"),
        new("Recipe", "Enter (diagnostics)", "move the editor's cursor to the diagnostic's line and column"),
    ];

    /// <summary>Full path of the recipe file.</summary>
    public string RecipeFile { get; }

    /// <summary>The script text in the editor.</summary>
    public string Script
    {
        get => _editor.Text;
        set => _editor.Text = value;
    }

    /// <summary>The lines of the diagnostics and output list, for tests.</summary>
    internal IReadOnlyList<string> OutputLines => _lines;

    /// <summary>The editor's cursor as a 0-based column and row.</summary>
    public Point EditorCursor => _editor.InsertionPoint;

    /// <inheritdoc />
    public override bool HandlePageKey(Key key)
    {
        if (key != Key.S.WithCtrl)
        {
            return false;
        }

        SaveAndReport();
        return true;
    }

    /// <summary>Reads the recipe file into the editor, first writing <see cref="StarterRecipe"/> when it is missing.</summary>
    /// <returns>Null on success, else why the file could not be read or created.</returns>
    public string? Load()
    {
        try
        {
            if (!File.Exists(RecipeFile))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(RecipeFile)!);
                File.WriteAllText(RecipeFile, StarterRecipe);
            }

            _editor.Text = File.ReadAllText(RecipeFile);
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            _editor.Text = StarterRecipe;
            return $"Cannot read {RecipeFile}: {exception.Message}";
        }
    }

    /// <summary>Writes the editor's text to the recipe file.</summary>
    /// <returns>Null on success, else why the file could not be written.</returns>
    public string? Save()
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(RecipeFile)!);
            File.WriteAllText(RecipeFile, _editor.Text);
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return $"Cannot save {RecipeFile}: {exception.Message}";
        }
    }

    /// <summary>Clears the list before a run.</summary>
    public void ClearOutput()
    {
        _lines.Clear();
        _diagnosticOfLine.Clear();
    }

    /// <summary>Adds what a running recipe reported: diagnostics, output lines, log messages and errors.</summary>
    public void Show(RecipeEvent recipeEvent)
    {
        ArgumentNullException.ThrowIfNull(recipeEvent);
        switch (recipeEvent)
        {
            case RecipeDiagnosticEvent { Diagnostic: var diagnostic }:
                Append(Describe(diagnostic), diagnostic);
                break;
            case RecipeOutputEvent { Text: var text, IsError: var isError }:
                Append(isError ? $"stderr: {text}" : text, null);
                break;
            case RecipeLogEvent log:
                Append($"{log.Level}: {log.Category}: {log.Message}", null);
                break;
            case RecipeErrorEvent error:
                Append($"error (exit code {error.ExitCode}): {error.Message}", null);
                break;
            case RecipeCompiledEvent compiled:
                var source = compiled.FromCache ? "from the cache" : "compiled";
                Append(string.Create(CultureInfo.InvariantCulture, $"{source} in {compiled.Elapsed.TotalSeconds:F1} s"), null);
                break;
        }
    }

    /// <summary>Moves the editor's cursor to <paramref name="diagnostic"/> and focuses the editor.</summary>
    public void GoTo(RecipeDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        _editor.InsertionPoint = new Point(Math.Max(0, diagnostic.Column - 1), Math.Max(0, diagnostic.Line - 1));
        _editor.SetFocus();
    }

    private string Describe(RecipeDiagnostic diagnostic)
    {
        // Diagnostics in the edited file are shown by line only; those in #load-ed files keep their path.
        var file = string.Equals(diagnostic.FilePath, RecipeFile, StringComparison.Ordinal) ? "line" : diagnostic.FilePath + ":";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{file} {diagnostic.Line}:{diagnostic.Column}: {diagnostic.Severity} {diagnostic.Id}: {diagnostic.Message}");
    }

    private void Append(string line, RecipeDiagnostic? diagnostic)
    {
        _lines.Add(line);
        _diagnosticOfLine.Add(diagnostic);
        _output.SelectedItem = _lines.Count - 1;
    }

    private bool GoToSelectedDiagnostic()
    {
        if (_output.SelectedItem is not { } index || index < 0 || index >= _diagnosticOfLine.Count
            || _diagnosticOfLine[index] is not { } diagnostic
            || !string.Equals(diagnostic.FilePath, RecipeFile, StringComparison.Ordinal))
        {
            return false;
        }

        GoTo(diagnostic);
        return true;
    }

    private static string ReadStarterRecipe()
    {
        using var stream = typeof(RecipePage).Assembly.GetManifestResourceStream("SC2Mid.Ui.workbench.csx")
            ?? throw new InvalidOperationException("The embedded starter recipe SC2Mid.Ui.workbench.csx is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private void SaveAndReport()
    {
        var error = Save();
        Append(error ?? $"Saved {RecipeFile}.", null);
    }
}
