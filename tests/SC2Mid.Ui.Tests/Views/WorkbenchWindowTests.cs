using SC2Mid.Core.Extraction;
using SC2Mid.Ui.Imaging;
using SC2Mid.Ui.Views;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace SC2Mid.Ui.Tests.Views;

[Collection(WorkbenchTestGroup.Name)]
public class WorkbenchWindowTests
{
    [Fact]
    public void Open_BundledSample_ListsSamplesAndKeys()
    {
        using var harness = new WorkbenchHarness();

        var screen = harness.Screen;

        ScreenAssert.Contains("TS_001.133.tif", screen);
        ScreenAssert.Contains("niaid-tem/niaid_", screen);
        ScreenAssert.Contains("not run", screen);
        ScreenAssert.Contains("Extract", screen);
        ScreenAssert.Contains("Quit", screen);
    }

    [Fact]
    public void Open_BundledSample_DrawsPreviewWithOutline()
    {
        using var harness = new WorkbenchHarness();

        harness.PumpUntil(() => harness.Window.DatasetPage.BlockPreview.Rendered is not null, "the preview");

        Assert.True(harness.Window.DatasetPage.BlockPreview.Rendered!.OutlinePixels > 0);
        Assert.Contains(BlockCell.Glyph, harness.Screen);
        ScreenAssert.Contains("TS_001.133.tif: 960 x 928 px, 8-bit tiff", harness.Screen);
        ScreenAssert.Contains("foreground value > 0", harness.Screen);
    }

    [Fact]
    public void F1_ShowsKeyTable_EscReturns()
    {
        using var harness = new WorkbenchHarness();

        harness.Press(Key.F1);
        var help = harness.Screen;
        harness.Press(Key.Esc);

        ScreenAssert.Contains("Key bindings", help);
        ScreenAssert.Contains("Ctrl+E", help);
        ScreenAssert.Contains("Shift+S", help);
        Assert.Same(harness.Window.DatasetPage, harness.Window.CurrentPage);
        Assert.False(harness.Window.StopRequested);
    }

    [Fact]
    public void F3_AfterLoading_DescribesShapePlugin()
    {
        using var harness = new WorkbenchHarness();
        harness.WaitForPlugins();
        harness.PumpUntil(() => harness.Window.PluginsPage.DetailsText.Contains("shape.area", StringComparison.Ordinal), "plugin details");

        harness.Press(Key.F3);
        var screen = harness.Screen;

        Assert.Same(harness.Window.PluginsPage, harness.Window.CurrentPage);
        ScreenAssert.Contains("(loaded)", screen);
        Assert.Contains("shape.area [px^2, nm^2 when calibrated]", harness.Window.PluginsPage.DetailsText, StringComparison.Ordinal);
    }

    [Fact]
    public void CtrlE_BundledSample_FillsResultsAndStatuses()
    {
        using var harness = new WorkbenchHarness();
        harness.WaitForPlugins();

        harness.Press(Key.E.WithCtrl);
        harness.PumpUntil(() => harness.Window.ResultsPage.Table is not null, "the extraction");
        var status = harness.Window.JobStatus;
        var datasetScreen = harness.Screen;
        harness.Press(Key.F5);
        var resultsScreen = harness.Screen;

        ScreenAssert.Contains("2 images: 1 ok, 1 without mask, 0 partial, 0 failed", status);
        ScreenAssert.Contains("no_mask", datasetScreen);
        Assert.Equal(2, harness.Window.ResultsPage.Table!.Rows);
        ScreenAssert.Contains("shape.area [px^2]", resultsScreen);
    }

    [Fact]
    public void ShiftS_FeatureColumn_SortsDescending()
    {
        using var harness = new WorkbenchHarness();
        harness.WaitForPlugins();
        harness.Press(Key.E.WithCtrl);
        harness.PumpUntil(() => harness.Window.ResultsPage.Table is not null, "the extraction");
        harness.Press(Key.F5);

        harness.Window.ResultsPage.TableView.SetSelection(ResultsTableColumn, 0, false, null);
        harness.Press(Key.S.WithShift);

        Assert.Equal(ResultsTableColumn, harness.Window.ResultsPage.Table!.SortColumn);
        Assert.True(harness.Window.ResultsPage.Table.SortDescending);
        Assert.NotNull(harness.Window.ResultsPage.Histogram.Drawn);
        ScreenAssert.Contains("largest first", harness.Screen);
    }

    [Fact]
    public void ArrowKeys_ResultsPage_MoveColumnAndHistogram()
    {
        using var harness = new WorkbenchHarness();
        harness.WaitForPlugins();
        harness.Press(Key.E.WithCtrl);
        harness.PumpUntil(() => harness.Window.ResultsPage.Table is not null, "the extraction");
        harness.Press(Key.F5);

        foreach (var _ in Enumerable.Range(0, ResultsTableColumn))
        {
            harness.Press(Key.CursorRight);
        }

        Assert.True(harness.Window.ResultsPage.TableView.HasFocus);
        Assert.Equal(ResultsTableColumn, harness.Window.ResultsPage.TableView.Value!.SelectedCell.X);
        Assert.NotNull(harness.Window.ResultsPage.Histogram.Drawn);
    }

    [Fact]
    public void HeaderClick_ResultsTable_SortsThenReverses()
    {
        using var harness = new WorkbenchHarness();
        harness.WaitForPlugins();
        harness.Press(Key.E.WithCtrl);
        harness.PumpUntil(() => harness.Window.ResultsPage.Table is not null, "the extraction");
        harness.Press(Key.F5);
        // The header cell, not the word in the table's title.
        var header = FindOnScreen(harness.Screen, "│status ") + new System.Drawing.Size(1, 0);

        harness.App.InjectSequence(InputInjectionExtensions.LeftButtonClick(header));
        harness.RunIteration();
        var firstSort = (harness.Window.ResultsPage.Table!.SortColumn, harness.Window.ResultsPage.Table.SortDescending);
        harness.App.InjectSequence(InputInjectionExtensions.LeftButtonClick(header));
        harness.RunIteration();

        Assert.Equal((2, false), firstSort);
        Assert.Equal(2, harness.Window.ResultsPage.Table.SortColumn);
        Assert.True(harness.Window.ResultsPage.Table.SortDescending);
    }

    [Fact]
    public void PageBarClick_Plugins_ShowsPluginsPage()
    {
        using var harness = new WorkbenchHarness();
        var entry = FindOnScreen(harness.Screen, "Plugins  F3");

        harness.App.InjectSequence(InputInjectionExtensions.LeftButtonClick(entry));
        harness.RunIteration();

        Assert.Same(harness.Window.PluginsPage, harness.Window.CurrentPage);
    }

    [Fact]
    public void Esc_RunningExtraction_CancelsIt()
    {
        // 60 copies of the cryo-ET sample keep one extraction thread busy long enough to cancel it midway.
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "sc2mid-ui-cancel-" + Guid.NewGuid().ToString("N")));
        try
        {
            for (var i = 0; i < 60; i++)
            {
                File.Copy(Path.Combine(Repository.Root, "samples", "cryoet", "TS_001.133.tif"), Path.Combine(folder.FullName, $"copy{i:D2}.tif"));
                File.Copy(
                    Path.Combine(Repository.Root, "samples", "cryoet", "TS_001.133_ground_truth.tif"),
                    Path.Combine(folder.FullName, $"copy{i:D2}_ground_truth.tif"));
            }

            using var harness = new WorkbenchHarness(dataset: folder.FullName);
            harness.WaitForPlugins();

            harness.Press(Key.E.WithCtrl);
            harness.PumpUntil(() => harness.Window.JobStatus.StartsWith('['), "the first finished image");
            harness.Press(Key.Esc);
            harness.PumpUntil(() => !harness.Window.Job.IsRunning, "the extraction to stop");
            harness.RunIteration();

            ScreenAssert.Contains("Extraction cancelled after", harness.Window.JobStatus);
            Assert.Null(harness.Window.ResultsPage.Table);
            Assert.False(harness.Window.StopRequested);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void CtrlS_ResultsPage_WritesCsvAndJson()
    {
        using var harness = new WorkbenchHarness();
        harness.WaitForPlugins();
        harness.Press(Key.E.WithCtrl);
        harness.PumpUntil(() => harness.Window.ResultsPage.Table is not null, "the extraction");
        harness.Press(Key.F5);

        harness.Press(Key.S.WithCtrl);
        harness.PumpUntil(() => harness.Window.JobStatus.StartsWith("Saved ", StringComparison.Ordinal), "the save");

        var folder = Assert.Single(Directory.GetDirectories(harness.ResultsFolder));
        var csv = File.ReadAllLines(Path.Combine(folder, "results.csv"));
        Assert.Contains("shape.area [px^2]", csv[0], StringComparison.Ordinal);
        Assert.Equal(3, csv.Length);
        Assert.True(new FileInfo(Path.Combine(folder, "results.json")).Length > 0);
    }

    [Fact]
    public void CtrlS_BeforeExtraction_SavesNothing()
    {
        using var harness = new WorkbenchHarness();
        harness.Press(Key.F5);

        harness.Press(Key.S.WithCtrl);

        ScreenAssert.Contains("Nothing to save yet", harness.Window.JobStatus);
        Assert.False(Directory.Exists(harness.ResultsFolder));
    }

    [Fact]
    public void Esc_NoJob_DoesNotQuit()
    {
        using var harness = new WorkbenchHarness();

        harness.Press(Key.Esc);

        Assert.False(harness.Window.StopRequested);
    }

    [Fact]
    public void CtrlQ_Idle_RequestsStop()
    {
        using var harness = new WorkbenchHarness();

        harness.Press(Key.Q.WithCtrl);

        Assert.True(harness.Window.StopRequested);
    }

    [Fact]
    public void Resize_BelowMinimum_ShowsNoticeThenRestores()
    {
        using var harness = new WorkbenchHarness();

        harness.Resize(40, 10);
        var small = harness.Screen;
        var tooSmall = harness.Window.IsTooSmall;
        harness.Resize(120, 40);
        var restored = harness.Screen;

        Assert.True(tooSmall);
        ScreenAssert.Contains("Window too small", small);
        Assert.False(harness.Window.IsTooSmall);
        ScreenAssert.Contains("TS_001.133.tif", restored);
        ScreenAssert.DoesNotContain("Window too small", restored);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(4, 2)]
    [InlineData(WorkbenchWindow.MinimumColumns - 1, WorkbenchWindow.MinimumRows)]
    [InlineData(WorkbenchWindow.MinimumColumns, WorkbenchWindow.MinimumRows)]
    public void Resize_TinyOrBorderlineSizes_DrawsWithoutThrowing(int columns, int rows)
    {
        using var harness = new WorkbenchHarness();

        harness.Resize(columns, rows);
        harness.PumpUntil(() => harness.Session.Catalog is not null, "the plugins to load");

        Assert.Equal(columns < WorkbenchWindow.MinimumColumns || rows < WorkbenchWindow.MinimumRows, harness.Window.IsTooSmall);
    }

    [Fact]
    public void LogPage_AfterStart_ShowsLifecycleMessages()
    {
        using var harness = new WorkbenchHarness();
        harness.WaitForPlugins();

        harness.PumpUntil(
            () => harness.Window.LogPage.Lines.Any(line => line.Contains("Plugins loaded", StringComparison.Ordinal)),
            "the log line of the plugin loading");
        harness.Press(Key.F6);
        var screen = harness.Screen;

        ScreenAssert.Contains("Loaded plugin shape", screen);
        ScreenAssert.Contains("Plugins loaded", screen);
    }

    private static System.Drawing.Point FindOnScreen(string screen, string text)
    {
        var lines = screen.Split('\n');
        for (var row = 0; row < lines.Length; row++)
        {
            var column = lines[row].IndexOf(text, StringComparison.Ordinal);
            if (column >= 0)
            {
                return new System.Drawing.Point(column, row);
            }
        }

        throw new InvalidOperationException($"'{text}' is not on the screen:\n{screen}");
    }

    /// <summary>The first feature column of the results table.</summary>
    private const int ResultsTableColumn = SC2Mid.Ui.Results.ResultsTable.KeyColumns;
}
