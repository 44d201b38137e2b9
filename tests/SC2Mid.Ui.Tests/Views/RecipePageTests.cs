using SC2Mid.Ui.Views;
using Terminal.Gui.Input;

namespace SC2Mid.Ui.Tests.Views;

/// <summary>The recipe editor, run through the built sc2mid as the worker process.</summary>
[Collection(WorkbenchTestGroup.Name)]
public class RecipePageTests
{
    [Fact]
    public void Open_NoRecipeFile_WritesStarterRecipe()
    {
        using var harness = new WorkbenchHarness();

        Assert.True(File.Exists(harness.Session.RecipeFile));
        Assert.Equal(RecipePage.StarterRecipe, File.ReadAllText(harness.Session.RecipeFile));
        Assert.Equal(RecipePage.StarterRecipe, harness.Window.RecipePage.Script.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void CtrlR_StarterRecipe_RunsAndShowsOutput()
    {
        using var harness = new WorkbenchHarness();

        harness.Press(Key.R.WithCtrl);
        harness.PumpUntil(() => !harness.Window.Job.IsRunning && harness.Window.JobStatus.StartsWith("Recipe", StringComparison.Ordinal), "the recipe run");

        Assert.Same(harness.Window.RecipePage, harness.Window.CurrentPage);
        ScreenAssert.Contains("Recipe finished in", harness.Window.JobStatus);
        ScreenAssert.Contains("with exit code 0", harness.Window.JobStatus);
        Assert.Contains(harness.Window.RecipePage.OutputLines, line => line.StartsWith("1 objects", StringComparison.Ordinal));
        Assert.Contains(harness.Window.RecipePage.OutputLines, line => line.Contains("object 1: area", StringComparison.Ordinal));
    }

    [Fact]
    public void CtrlR_CompileError_MovesCursorToError()
    {
        using var harness = new WorkbenchHarness();
        harness.Window.RecipePage.Script = "var x = 1;\nvar y = undefinedName + x;\n";

        harness.Press(Key.R.WithCtrl);
        harness.PumpUntil(() => !harness.Window.Job.IsRunning && harness.Window.JobStatus.Contains("compile", StringComparison.Ordinal), "the compile errors");

        ScreenAssert.Contains("The recipe does not compile: 1 errors", harness.Window.JobStatus);
        Assert.Contains(harness.Window.RecipePage.OutputLines, line => line.StartsWith("line 2:9: error CS0103", StringComparison.Ordinal));
        Assert.Equal(new System.Drawing.Point(8, 1), harness.Window.RecipePage.EditorCursor);
        ScreenAssert.Contains("CS0103", harness.Screen);
    }

    [Fact]
    public void CtrlS_EditedScript_SavesFile()
    {
        using var harness = new WorkbenchHarness();
        harness.Press(Key.F4);
        harness.Window.RecipePage.Script = "Console.WriteLine(\"saved\");\n";

        harness.Press(Key.S.WithCtrl);

        Assert.Equal("Console.WriteLine(\"saved\");\n", File.ReadAllText(harness.Session.RecipeFile).ReplaceLineEndings("\n"));
        Assert.Contains(harness.Window.RecipePage.OutputLines, line => line.StartsWith("Saved ", StringComparison.Ordinal));
    }

    [Fact]
    public void Esc_RunningRecipe_CancelsIt()
    {
        using var harness = new WorkbenchHarness();
        harness.Window.RecipePage.Script = "while (true) { CancellationToken.ThrowIfCancellationRequested(); Thread.Sleep(50); }\n";

        harness.Press(Key.R.WithCtrl);
        harness.PumpUntil(() => harness.Window.RecipePage.OutputLines.Any(line => line.Contains("compiled", StringComparison.Ordinal) || line.Contains("cache", StringComparison.Ordinal)), "the recipe to start");
        harness.Press(Key.Esc);
        harness.PumpUntil(() => !harness.Window.Job.IsRunning && harness.Window.JobStatus.StartsWith("Recipe cancelled", StringComparison.Ordinal), "the cancellation");

        ScreenAssert.Contains("Recipe cancelled after", harness.Window.JobStatus);
    }
}
