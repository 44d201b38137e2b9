using System.Diagnostics;
using System.Globalization;
using SC2Mid.Core.Extraction;
using SC2Mid.Core.Output;
using SC2Mid.Recipes.Running;
using SC2Mid.Ui.Logging;
using SC2Mid.Ui.Session;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace SC2Mid.Ui.Views;

/// <summary>
/// The workbench's main window: one page at a time (dataset, plugins, recipe, results, log, help), a job line with
/// a progress bar, and a status bar. It owns the global key bindings and the background job.
/// </summary>
internal sealed class WorkbenchWindow : Window
{
    /// <summary>Smallest terminal width in columns that shows the layout; below it a notice is shown.</summary>
    public const int MinimumColumns = 60;

    /// <summary>Smallest terminal height in rows that shows the layout; below it a notice is shown.</summary>
    public const int MinimumRows = 16;

    /// <summary>How often the log pane pulls new lines.</summary>
    private static readonly TimeSpan LogRefreshInterval = TimeSpan.FromMilliseconds(250);

    private readonly WorkbenchSession _session;
    private readonly string _resultsFolder;
    private readonly BackgroundJob _job = new();
    private readonly Bar _pageBar;
    private readonly View _content;
    private readonly ProgressBar _progress;
    private readonly Label _jobStatus;
    private readonly StatusBar _statusBar;
    private readonly Label _tooSmall;
    private readonly HelpPage _help;
    private WorkbenchPage _current;
    private WorkbenchPage _beforeHelp;
    private IApplication? _app;
    private bool _wasTooSmall;
    private int _completed;

    /// <summary>Creates the window; call <see cref="Attach"/> before running it.</summary>
    /// <param name="session">The dataset, plugins and recipe the window works on.</param>
    /// <param name="logBuffer">The latest log lines, shown in the log pane.</param>
    /// <param name="logFile">Path of the log file, shown in the log pane's title.</param>
    /// <param name="resultsFolder">Folder under which Ctrl+S on the Results page saves results.</param>
    public WorkbenchWindow(WorkbenchSession session, LogBuffer logBuffer, string logFile, string resultsFolder)
    {
        _session = session;
        _resultsFolder = resultsFolder;
        Title = $"sc2mid workbench: {session.Dataset.Source}";
        DatasetPage = new DatasetPage(session);
        PluginsPage = new PluginsPage();
        RecipePage = new RecipePage(session.RecipeFile);
        ResultsPage = new ResultsPage();
        LogPage = new LogPage(logBuffer, logFile);
        WorkbenchPage[] pages = [DatasetPage, PluginsPage, RecipePage, ResultsPage, LogPage];
        _help = new HelpPage(GlobalKeyBindingHelp.Concat(pages.SelectMany(page => page.KeyBindingHelp)));

        _pageBar = new Bar(
        [
            new Shortcut(Key.F1, "Help", () => ToggleHelp()),
            new Shortcut(Key.F2, "Dataset", () => ShowPage(DatasetPage)),
            new Shortcut(Key.F3, "Plugins", () => ShowPage(PluginsPage)),
            new Shortcut(Key.F4, "Recipe", () => ShowPage(RecipePage)),
            new Shortcut(Key.F5, "Results", () => ShowPage(ResultsPage)),
            new Shortcut(Key.F6, "Log", () => ShowPage(LogPage)),
        ])
        {
            X = 0,
            Y = 0,
            Width = Dim.Fill(),
        };
        _content = new View { X = 0, Y = 1, Width = Dim.Fill(), Height = Dim.Fill(2), CanFocus = true };
        foreach (var page in pages.Append(_help))
        {
            page.Visible = false;
            _content.Add(page);
        }

        _progress = new ProgressBar { X = 0, Y = Pos.AnchorEnd(2), Width = 24, Height = 1, Fraction = 0 };
        _jobStatus = new Label
        {
            X = Pos.Right(_progress) + 1,
            Y = Pos.AnchorEnd(2),
            Width = Dim.Fill(),
            Height = 1,
            HotKeySpecifier = DatasetPage.NoHotKey,
            Text = "Ready. Ctrl+E extracts the features of every image; F1 lists the keys.",
        };
        _statusBar = new StatusBar(
        [
            new Shortcut(Key.E.WithCtrl, "Extract features", () => StartExtraction()),
            new Shortcut(Key.R.WithCtrl, "Run recipe", () => StartRecipe()),
            new Shortcut(Key.Esc, "Cancel", () => CancelWork()),
            new Shortcut(Key.Q.WithCtrl, "Quit", () => Quit()),
        ]);
        _tooSmall = new Label
        {
            X = 0,
            Y = 0,
            Width = Dim.Fill(),
            Height = Dim.Fill(),
            Visible = false,
            HotKeySpecifier = DatasetPage.NoHotKey,
        };
        Add(_pageBar, _content, _progress, _jobStatus, _statusBar, _tooSmall);

        ResultsPage.SaveRequested += (_, _) => StartSave();
        _current = DatasetPage;
        _beforeHelp = DatasetPage;
        DatasetPage.Visible = true;
        FrameChanged += (_, _) => UpdateSizeNotice();
    }

    /// <summary>Global key bindings, listed first on the help page.</summary>
    public static IReadOnlyList<KeyHelp> GlobalKeyBindingHelp { get; } =
    [
        new("global", "F1", "show or hide this key table"),
        new("global", "F2 / F3 / F4 / F5 / F6", "show the Dataset / Plugins / Recipe / Results / Log page"),
        new("global", "Ctrl+E", "extract the features of every image with every loaded plugin, in the background"),
        new("global", "Ctrl+R", "save and run the recipe of the Recipe page on the dataset, in a worker process"),
        new("global", "Esc", "cancel the running extraction or recipe; on the help page, go back"),
        new("global", "Ctrl+Q", "quit (cancels running work first)"),
        new("global", "Tab / Shift+Tab", "move the focus between the views of a page"),
        new("global", "Mouse", "click status bar entries, table rows and headers; wheel scrolls"),
    ];

    /// <summary>The dataset browser.</summary>
    public DatasetPage DatasetPage { get; }

    /// <summary>The plugin browser.</summary>
    public PluginsPage PluginsPage { get; }

    /// <summary>The recipe editor.</summary>
    public RecipePage RecipePage { get; }

    /// <summary>The results table and histogram.</summary>
    public ResultsPage ResultsPage { get; }

    /// <summary>The log pane.</summary>
    public LogPage LogPage { get; }

    /// <summary>The page shown.</summary>
    public WorkbenchPage CurrentPage => _current;

    /// <summary>The background job, for tests that wait for it.</summary>
    internal BackgroundJob Job => _job;

    /// <summary>The text of the job line.</summary>
    public string JobStatus => _jobStatus.Text;

    /// <summary>Whether the "window too small" notice replaces the layout.</summary>
    public bool IsTooSmall => _tooSmall.Visible;

    /// <summary>
    /// Connects the window to <paramref name="app"/>: global keys, the log refresh timer, the plugin loading and the
    /// first preview. Call it after <see cref="IApplication.Init"/> and before running the window.
    /// </summary>
    public void Attach(IApplication app)
    {
        _app = app;
        app.Keyboard.KeyDown += OnApplicationKeyDown;
        app.AddTimeout(LogRefreshInterval, () =>
        {
            LogPage.Refresh();
            return true;
        });
        LoadPluginsInBackground(app);
        if (RecipePage.Load() is { } error)
        {
            SetStatus(error);
        }

        DatasetPage.Attach(app);
    }

    /// <summary>Shows <paramref name="page"/> in place of the current one and gives it the focus.</summary>
    public void ShowPage(WorkbenchPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        _current.Visible = false;
        _current = page;
        page.Visible = true;
        page.FocusTarget.SetFocus();
        SetNeedsLayout();
    }

    /// <summary>Starts a batch extraction of the whole dataset unless one is running or the plugins are loading.</summary>
    /// <returns>Whether a job was started.</returns>
    public bool StartExtraction()
    {
        var app = _app ?? throw new InvalidOperationException("Attach the window to an application first.");
        if (_session.Catalog is null)
        {
            SetStatus("The plugins are still loading; press Ctrl+E again once the Plugins page (F3) lists them.");
            return false;
        }

        _completed = 0;
        var total = _session.Dataset.Items.Count;
        var stopwatch = Stopwatch.StartNew();
        var progress = new UiThreadProgress<BatchProgress>(app, report => OnImageFinished(report, stopwatch));
        var started = _job.TryStart("extraction", token =>
        {
            Extract(app, progress, stopwatch, token);
            return Task.CompletedTask;
        });
        if (!started)
        {
            SetStatus($"The {_job.Name} is still running; press Esc to cancel it first.");
            return false;
        }

        _progress.Fraction = 0;
        SetStatus($"Extracting {total} images with {WorkbenchSession.ExtractionThreads} threads… (Esc cancels)");
        return true;
    }

    /// <summary>
    /// Saves the recipe page and runs the recipe in a worker process, showing its diagnostics, output and progress,
    /// unless a job is running.
    /// </summary>
    /// <returns>Whether a job was started.</returns>
    public bool StartRecipe()
    {
        var app = _app ?? throw new InvalidOperationException("Attach the window to an application first.");
        if (_job.IsRunning)
        {
            SetStatus($"The {_job.Name} is still running; press Esc to cancel it first.");
            return false;
        }

        if (RecipePage.Save() is { } error)
        {
            SetStatus(error);
            return false;
        }

        RecipePage.ClearOutput();
        ShowPage(RecipePage);
        _progress.Fraction = 0;
        var events = new UiThreadProgress<RecipeEvent>(app, OnRecipeEvent);
        _job.TryStart("recipe", token => RunRecipe(app, events, token));
        SetStatus($"Running {Path.GetFileName(_session.RecipeFile)}… (Esc cancels)");
        return true;
    }

    /// <summary>Writes the results of the last extraction in the background, unless a job is running.</summary>
    /// <returns>Whether a job was started.</returns>
    public bool StartSave()
    {
        var app = _app ?? throw new InvalidOperationException("Attach the window to an application first.");
        if (!_session.HasResults)
        {
            SetStatus("Nothing to save yet: Ctrl+E extracts the features first.");
            return false;
        }

        var started = _job.TryStart("save", _ =>
        {
            try
            {
                var (csv, json) = _session.SaveResults(_resultsFolder);
                app.Invoke(() => SetStatus($"Saved {csv} and {Path.GetFileName(json)}."));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                UiLog.SaveFailed(_session.Logger, exception);
                app.Invoke(() => SetStatus($"Saving the results failed: {exception.Message}"));
            }

            return Task.CompletedTask;
        });
        if (!started)
        {
            SetStatus($"The {_job.Name} is still running; press Esc to cancel it first.");
        }

        return started;
    }

    /// <summary>Cancels the running job, if any.</summary>
    public void CancelWork()
    {
        if (_job.Cancel())
        {
            SetStatus($"Cancelling the {_job.Name}…");
        }
    }

    /// <summary>Cancels running work and stops the application.</summary>
    public void Quit()
    {
        _job.Cancel();
        _app?.RequestStop(this);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && _app is not null)
        {
            _app.Keyboard.KeyDown -= OnApplicationKeyDown;
        }

        if (disposing)
        {
            _job.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Extract(IApplication app, IProgress<BatchProgress> progress, Stopwatch stopwatch, CancellationToken token)
    {
        var total = _session.Dataset.Items.Count;
        try
        {
            var results = _session.Extract(progress, token);
            var summary = Summarize(results, stopwatch.Elapsed);
            UiLog.ExtractionFinished(_session.Logger, summary);
            app.Invoke(() =>
            {
                ResultsPage.ShowResults(results);
                _progress.Fraction = 1;
                SetStatus($"{summary} F5 shows the results.");
            });
        }
        catch (OperationCanceledException)
        {
            app.Invoke(() =>
            {
                UiLog.ExtractionCancelled(_session.Logger, _completed, total);
                SetStatus($"Extraction cancelled after {_completed} of {total} images; no results were kept.");
            });
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The extractor records plugin faults per image, so what reaches here is a host fault. It ends the job
            // and is shown, because it must not take the workbench down.
            UiLog.ExtractionFailed(_session.Logger, exception);
            app.Invoke(() => SetStatus($"Extraction failed: {exception.GetType().Name}: {exception.Message} (see F6)"));
        }
    }

    private async Task RunRecipe(IApplication app, IProgress<RecipeEvent> events, CancellationToken token)
    {
        try
        {
            var result = await _session.RunRecipeAsync(events, token).ConfigureAwait(false);
            UiLog.RecipeFinished(_session.Logger, result.Status.ToString(), result.ExitCode, result.Elapsed.TotalSeconds);
            app.Invoke(() => OnRecipeFinished(result));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A worker that cannot start (no sc2mid path, missing executable) or a broken pipe ends the job with a
            // message, because the workbench itself must keep running.
            UiLog.RecipeFailed(_session.Logger, exception);
            app.Invoke(() => SetStatus($"The recipe could not be run: {exception.Message} (see F6)"));
        }
    }

    private void OnRecipeEvent(RecipeEvent recipeEvent)
    {
        RecipePage.Show(recipeEvent);
        if (recipeEvent is RecipeProgressEvent { Progress: var progress } && _job.IsRunning)
        {
            _progress.Fraction = progress.Total > 0 ? (float)progress.Completed / progress.Total : 0;
            SetStatus($"[{progress.Completed}/{progress.Total}] {progress.Message} (Esc cancels)");
        }
    }

    private void OnRecipeFinished(RecipeRunResult result)
    {
        var seconds = result.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);
        var errors = result.Diagnostics.Where(diagnostic => diagnostic.IsError).ToArray();
        SetStatus(result.Status switch
        {
            RecipeRunStatus.Succeeded => $"Recipe finished in {seconds} s with exit code {result.ExitCode}.",
            RecipeRunStatus.CompileFailed => $"The recipe does not compile: {errors.Length} errors; the cursor is on the first.",
            RecipeRunStatus.Cancelled => $"Recipe cancelled after {seconds} s.",
            RecipeRunStatus.TimedOut => $"Recipe timed out after {seconds} s.",
            _ => $"Recipe failed (exit code {result.ExitCode}): {result.ErrorMessage}",
        });
        _progress.Fraction = result.Status == RecipeRunStatus.Succeeded ? 1 : _progress.Fraction;
        var first = errors.FirstOrDefault(diagnostic => string.Equals(diagnostic.FilePath, _session.RecipeFile, StringComparison.Ordinal));
        if (first is not null)
        {
            RecipePage.GoTo(first);
        }
    }

    private void OnImageFinished(BatchProgress report, Stopwatch stopwatch)
    {
        _completed = Math.Max(_completed, report.Completed);
        var status = CsvResultWriter.StatusName(report.Last.Status);
        UiLog.ImageFinished(_session.Logger, report.Last.ImageId, status);
        DatasetPage.SetResult(report.Last);
        if (!_job.IsRunning)
        {
            return;
        }

        _progress.Fraction = report.Total == 0 ? 1 : (float)report.Completed / report.Total;
        SetStatus(string.Create(
            CultureInfo.InvariantCulture,
            $"[{report.Completed}/{report.Total}] {report.Last.ImageId}: {status} ({stopwatch.Elapsed.TotalSeconds:F1} s) Esc cancels"));
    }

    private static string Summarize(IReadOnlyList<ImageResult> results, TimeSpan elapsed)
    {
        var counts = results.GroupBy(result => result.Status).ToDictionary(group => group.Key, group => group.Count());
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{results.Count} images: {counts.GetValueOrDefault(ImageStatus.Ok)} ok, "
            + $"{counts.GetValueOrDefault(ImageStatus.NoMask)} without mask, "
            + $"{counts.GetValueOrDefault(ImageStatus.Partial)} partial, "
            + $"{counts.GetValueOrDefault(ImageStatus.Failed)} failed in {elapsed.TotalSeconds:F1} s.");
    }

    private void LoadPluginsInBackground(IApplication app)
    {
        _ = Task.Run(() =>
        {
            try
            {
                var catalog = _session.LoadPlugins();
                app.Invoke(() => PluginsPage.ShowCatalog(catalog));
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The catalog records per-plugin faults itself; this is a fault of the search (an unreadable
                // folder), which leaves the workbench usable for browsing the dataset.
                UiLog.PluginsFailed(_session.Logger, exception);
                app.Invoke(() => PluginsPage.ShowError($"Loading the plugins failed: {exception.Message}"));
            }
        });
    }

    private void OnApplicationKeyDown(object? sender, Key key)
    {
        // A dialog on top of the workbench keeps its own keys.
        if (!ReferenceEquals(_app?.TopRunnableView, this))
        {
            return;
        }

        key.Handled = HandleGlobalKey(key);
    }

    private bool HandleGlobalKey(Key key)
    {
        if (key == Key.F1)
        {
            ToggleHelp();
        }
        else if (key == Key.F2 || key == Key.F3 || key == Key.F4 || key == Key.F5 || key == Key.F6)
        {
            WorkbenchPage[] pages = [DatasetPage, PluginsPage, RecipePage, ResultsPage, LogPage];
            Key[] keys = [Key.F2, Key.F3, Key.F4, Key.F5, Key.F6];
            ShowPage(pages[Array.IndexOf(keys, key)]);
        }
        else if (key == Key.E.WithCtrl)
        {
            StartExtraction();
        }
        else if (key == Key.R.WithCtrl)
        {
            StartRecipe();
        }
        else if (key == Key.Esc)
        {
            // Esc would otherwise quit the window (Terminal.Gui's default); here it cancels or leaves the help.
            if (ReferenceEquals(_current, _help))
            {
                ToggleHelp();
            }
            else
            {
                CancelWork();
            }
        }
        else if (key == Key.Q.WithCtrl)
        {
            Quit();
        }
        else
        {
            return !IsTooSmall && _current.HandlePageKey(key);
        }

        return true;
    }

    private void ToggleHelp()
    {
        if (ReferenceEquals(_current, _help))
        {
            ShowPage(_beforeHelp);
            return;
        }

        _beforeHelp = _current;
        ShowPage(_help);
    }

    private void SetStatus(string text) => _jobStatus.Text = text;

    private void UpdateSizeNotice()
    {
        var size = Frame.Size;
        var tooSmall = size.Width < MinimumColumns || size.Height < MinimumRows;
        if (tooSmall)
        {
            _tooSmall.Text = $"Window too small: {size.Width} x {size.Height}. The workbench needs at least "
                + $"{MinimumColumns} x {MinimumRows}; enlarge the terminal, or press Ctrl+Q to quit.";
        }

        if (tooSmall == _wasTooSmall)
        {
            return;
        }

        _wasTooSmall = tooSmall;
        if (tooSmall)
        {
            UiLog.WindowTooSmall(_session.Logger, size.Width, size.Height);
        }

        _tooSmall.Visible = tooSmall;
        _pageBar.Visible = !tooSmall;
        _content.Visible = !tooSmall;
        _progress.Visible = !tooSmall;
        _jobStatus.Visible = !tooSmall;
        _statusBar.Visible = !tooSmall;
        SetNeedsLayout();
    }
}
