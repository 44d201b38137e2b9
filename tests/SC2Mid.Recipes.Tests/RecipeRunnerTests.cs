using System.Collections.Concurrent;
using SC2Mid.Recipes.Running;

namespace SC2Mid.Recipes.Tests;

/// <summary>Tests of the API a terminal UI uses: events, diagnostics, timeout and cancellation without a
/// console.</summary>
public sealed class RecipeRunnerTests : IDisposable
{
    private readonly string _temporary =
        Path.Combine(Path.GetTempPath(), "sc2mid-recipe-runner-tests-" + Guid.NewGuid().ToString("N"));

    public RecipeRunnerTests() => Directory.CreateDirectory(_temporary);

    public void Dispose() => Directory.Delete(_temporary, recursive: true);

    [Fact]
    public async Task RunAsync_ExtractingRecipe_ReportsProgressAndOutput()
    {
        var dataset = TestEnvironment.Sample("dataset.csv");
        var recipe = Write(
            "progress.csx",
            $"var table = Extract(OpenDataset(@\"{dataset}\"), \"shape\");\n"
            + "Console.WriteLine($\"objects {table.ObjectCount}\");\n");
        var events = new ConcurrentQueue<RecipeEvent>();

        var result = await Runner().RunAsync(recipe, [], new SynchronousProgress(events.Enqueue));

        Assert.Equal(RecipeRunStatus.Succeeded, result.Status);
        Assert.Equal(0, result.ExitCode);
        Assert.False(result.FromCache);
        Assert.Equal(2, events.OfType<RecipeProgressEvent>().Count());
        Assert.Contains(events.OfType<RecipeProgressEvent>(), e => e.Progress.Message == "cryoet/TS_001.133.tif: ok");
        Assert.Contains(events.OfType<RecipeOutputEvent>(), e => e.Text == "objects 1");
    }

    [Fact]
    public async Task RunAsync_CompileError_ReturnsDiagnostics()
    {
        var recipe = Write("broken.csx", "int x = \"text\";\n");

        var result = await Runner().RunAsync(recipe, []);

        Assert.Equal(RecipeRunStatus.CompileFailed, result.Status);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(recipe, diagnostic.FilePath);
        Assert.Equal(1, diagnostic.Line);
        Assert.Equal(9, diagnostic.Column);
        Assert.Equal("CS0029", diagnostic.Id);
    }

    [Fact]
    public async Task RunAsync_Cancelled_KillsBusyRecipe()
    {
        var recipe = Write("busy.csx", "Console.WriteLine(\"started\");\nwhile (true) { }\n");
        using var cancellation = new CancellationTokenSource();
        var progress = new SynchronousProgress(recipeEvent =>
        {
            if (recipeEvent is RecipeOutputEvent { Text: "started" })
            {
                cancellation.Cancel();
            }
        });

        var result = await Runner().RunAsync(recipe, [], progress, cancellation.Token);

        Assert.Equal(RecipeRunStatus.Cancelled, result.Status);
        Assert.Equal(RecipeExitCodes.Cancelled, result.ExitCode);
    }

    private RecipeRunner Runner() => new(new RecipeRunOptions
    {
        Worker = RecipeWorkerCommand.ForExecutable(TestEnvironment.CliAssembly),
        CacheDirectory = Path.Combine(_temporary, "cache"),
        Timeout = TimeSpan.FromMinutes(3),
    });

    private string Write(string name, string text)
    {
        var path = Path.Combine(_temporary, name);
        File.WriteAllText(path, text);
        return path;
    }

    private sealed class SynchronousProgress(Action<RecipeEvent> report) : IProgress<RecipeEvent>
    {
        public void Report(RecipeEvent value) => report(value);
    }
}
