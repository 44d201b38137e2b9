using System.Runtime.Loader;
using SC2Mid.Recipes.Compilation;
using SC2Mid.Recipes.Running;
using Xunit.Abstractions;

namespace SC2Mid.Recipes.Tests;

/// <summary>In-process tests of the worker body, the compiler and the unloading of recipe assemblies.</summary>
public sealed class RecipeWorkerTests : IDisposable
{
    /// <summary>Distinct recipes run in one process by the memory test, as a long terminal UI session would.</summary>
    private const int RecipeCount = 200;

    /// <summary>
    /// Recipe assemblies that may stay loaded after a collection: unloading is asynchronous, so the last few runs can
    /// still be on their way out. Without collectible load contexts the count would grow by <see cref="RecipeCount"/>.
    /// </summary>
    private const int AllowedLeftoverAssemblies = 5;

    /// <summary>
    /// Managed heap growth allowed over the 200 runs, about 320 KB per run. The warm-up run fills Roslyn's caches
    /// first; a measured run of this test grew the heap by about 1.3 MB in all. The load-context count above is
    /// the direct check that recipe assemblies unload; this bound catches other per-run leaks.
    /// </summary>
    private const long AllowedHeapGrowthBytes = 64L * 1024 * 1024;

    private readonly string _temporary =
        Path.Combine(Path.GetTempPath(), "sc2mid-recipe-worker-tests-" + Guid.NewGuid().ToString("N"));

    private readonly ITestOutputHelper _output;

    public RecipeWorkerTests(ITestOutputHelper output)
    {
        _output = output;
        Directory.CreateDirectory(_temporary);
    }

    public void Dispose() => Directory.Delete(_temporary, recursive: true);

    [Fact]
    public async Task RunAsync_DistinctRecipes_UnloadsTheirAssemblies()
    {
        await RunTinyRecipe(-1);
        var baseline = CountRecipeAssemblies();
        var baselineHeap = GC.GetTotalMemory(forceFullCollection: true);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        for (var index = 0; index < RecipeCount; index++)
        {
            Assert.Equal(index % 100, await RunTinyRecipe(index));
        }

        for (var attempt = 0; attempt < 10 && CountRecipeAssemblies() > baseline + AllowedLeftoverAssemblies; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        var heap = GC.GetTotalMemory(forceFullCollection: true);
        _output.WriteLine(
            $"{RecipeCount} runs in {stopwatch.Elapsed.TotalSeconds:F1} s; recipe load contexts {baseline} -> "
            + $"{CountRecipeAssemblies()}; managed heap {baselineHeap / 1024} KB -> {heap / 1024} KB.");
        Assert.True(
            CountRecipeAssemblies() <= baseline + AllowedLeftoverAssemblies,
            $"{CountRecipeAssemblies()} recipe assemblies are loaded after {RecipeCount} runs (baseline {baseline}).");
        Assert.True(
            heap - baselineHeap <= AllowedHeapGrowthBytes,
            $"The managed heap grew from {baselineHeap} to {heap} bytes over {RecipeCount} runs.");
    }

    [Fact]
    public async Task RunAsync_PaperWithoutTexturePlugins_SkipsThem()
    {
        var plugins = Path.Combine(AppContext.BaseDirectory, "plugins");
        var output = Path.Combine(_temporary, "paper");
        var protocol = new StringWriter();
        var request = new RecipeWorkerRequest
        {
            RecipePath = TestEnvironment.Script("paper.csx"),
            Args = [TestEnvironment.Sample("dataset.csv"), output],
            CacheDirectory = null,
            PluginDirectories = [Path.Combine(plugins, "shape"), Path.Combine(plugins, "hu")],
        };

        var exitCode = await RecipeWorker.RunAsync(request, protocol, CancellationToken.None);

        Assert.True(exitCode == 0, protocol.ToString());
        var warnings = protocol.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => WorkerProtocol.Decode(line).Event)
            .OfType<RecipeLogEvent>()
            .Select(log => log.Message)
            .ToArray();
        Assert.Contains(warnings, message => message.StartsWith(
            "Skipping the glcm features. Plugin 'glcm' is not available", StringComparison.Ordinal));
        Assert.Contains(warnings, message => message.StartsWith("Skipping the hog ", StringComparison.Ordinal));
        Assert.Contains(warnings, message => message.StartsWith("Skipping the deep ", StringComparison.Ordinal));
        var header = File.ReadLines(Path.Combine(output, "results.csv")).First();
        Assert.Contains("hu.7 [1]", header, StringComparison.Ordinal);
        Assert.DoesNotContain("glcm.", header, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_ErrorOnLine3_ReportsOneBasedPosition()
    {
        var recipe = Write("error.csx", "// comment\nvar a = 1;\n  a.Nope();\n");

        var result = new RecipeCompiler(cacheDirectory: null).Compile(recipe);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, diagnostic => diagnostic.IsError);
        Assert.Equal(recipe, error.FilePath);
        Assert.Equal(3, error.Line);
        Assert.Equal(5, error.Column);
        Assert.Equal("CS1061", error.Id);
    }

    [Fact]
    public void Compile_SameSourcesTwice_SecondComesFromCache()
    {
        var cache = Path.Combine(_temporary, "cache");
        var recipe = Write("same.csx", "return 7;\n");

        var first = new RecipeCompiler(cache).Compile(recipe);
        var second = new RecipeCompiler(cache).Compile(recipe);

        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Single(Directory.GetDirectories(cache));
    }

    [Fact]
    public void Compile_EditedLoadedFile_MissesCache()
    {
        var cache = Path.Combine(_temporary, "cache");
        var helper = Write(Path.Combine("lib", "h.csx"), "const int H = 1;\n");
        var recipe = Write("uses-helper.csx", "#load \"lib/h.csx\"\nreturn H;\n");
        new RecipeCompiler(cache).Compile(recipe);

        File.AppendAllText(helper, "// edited\n");
        var second = new RecipeCompiler(cache).Compile(recipe);

        Assert.False(second.FromCache);
        Assert.Equal(2, Directory.GetDirectories(cache).Length);
    }

    [Fact]
    public async Task RunAsync_DamagedCacheEntry_ReportsIt()
    {
        var cache = Path.Combine(_temporary, "cache");
        var recipe = Write("damaged.csx", "return 0;\n");
        new RecipeCompiler(cache).Compile(recipe);
        File.WriteAllBytes(Path.Combine(Directory.GetDirectories(cache).Single(), "recipe.dll"), [1, 2, 3]);
        var protocol = new StringWriter();

        var request = new RecipeWorkerRequest { RecipePath = recipe, CacheDirectory = cache, PluginDirectories = [] };
        var exitCode = await RecipeWorker.RunAsync(request, protocol, CancellationToken.None);

        Assert.Equal(RecipeExitCodes.InputError, exitCode);
        Assert.Contains("is damaged", protocol.ToString(), StringComparison.Ordinal);
    }

    private async Task<int> RunTinyRecipe(int index)
    {
        // Each text differs, so each run compiles and loads a new assembly.
        var text = $"var values = new List<int> {{ {index}, 1 }};\nreturn values[0] % 100;\n";
        var recipe = Write($"tiny-{index}.csx", text);
        var request = new RecipeWorkerRequest { RecipePath = recipe, CacheDirectory = null, PluginDirectories = [] };
        var exitCode = await RecipeWorker.RunAsync(request, TextWriter.Null, CancellationToken.None);
        File.Delete(recipe);
        return exitCode;
    }

    private static int CountRecipeAssemblies() =>
        AssemblyLoadContext.All.Count(context => context.Name == "sc2mid-recipe");

    private string Write(string relativePath, string text)
    {
        var path = Path.Combine(_temporary, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
