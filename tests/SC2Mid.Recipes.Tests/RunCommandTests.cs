using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SC2Mid.Recipes.Tests;

/// <summary>Tests of <c>sc2mid run</c> as a separate process, from a working directory outside the
/// repository.</summary>
public sealed partial class RunCommandTests : IDisposable
{
    /// <summary>Time allowed for a worker to exit after its parent was killed.</summary>
    private static readonly TimeSpan WorkerExitTimeout = TimeSpan.FromSeconds(10);

    private readonly string _temporary =
        Path.Combine(Path.GetTempPath(), "sc2mid-recipe-tests-" + Guid.NewGuid().ToString("N"));

    public RunCommandTests()
    {
        Directory.CreateDirectory(WorkingDirectory);
        Directory.CreateDirectory(CacheDirectory);
    }

    private string WorkingDirectory => Path.Combine(_temporary, "cwd");

    private string CacheDirectory => Path.Combine(_temporary, "cache");

    public void Dispose() => Directory.Delete(_temporary, recursive: true);

    [Fact]
    public void Run_PaperWithoutArguments_UsesSample()
    {
        var results = Path.Combine(TestEnvironment.RepositoryRoot, "results", "paper");
        var started = DateTime.UtcNow.AddSeconds(-1);

        var run = Run("run", TestEnvironment.Script("paper.csx"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"Results: {Path.Combine(results, "results.csv")}", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"shape\.area\s+59784\s+px\^2", run.Output);
        var csv = Path.Combine(results, "results.csv");
        Assert.True(File.GetLastWriteTimeUtc(csv) >= started, "results.csv was not rewritten by this run.");
        var header = File.ReadLines(csv).First();
        Assert.Contains("shape.perimeter [px]", header, StringComparison.Ordinal);
        Assert.Contains("hu.1 [1]", header, StringComparison.Ordinal);
        var table = File.ReadAllLines(Path.Combine(results, "tables", "cryoet_TS_001.133.tif.object-1.features.csv"));
        Assert.Equal("Feature,Value,Unit", table[0]);
        Assert.Contains("shape.area,59784,px^2", table);
        Assert.True(File.Exists(Path.Combine(results, "results.json")));
    }

    [Fact]
    public void Run_SecondIdenticalRun_SkipsCompilation()
    {
        var recipe = Write("cached.csx", "Console.WriteLine(\"value \" + (6 * 7));\n");

        var first = Run("run", recipe, "--log-level", "Information");
        var second = Run("run", recipe, "--log-level", "Information");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("value 42", second.Output, StringComparison.Ordinal);
        Assert.Contains("(cache miss)", first.Error, StringComparison.Ordinal);
        Assert.Contains("cache hit", second.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("cache miss", second.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_InfiniteLoop_TimesOutQuickly()
    {
        var recipe = Write("loop.csx", "while (true) { }\n");

        var run = Run("run", recipe, "--timeout", "3");

        Assert.Equal(124, run.ExitCode);
        Assert.Contains("stopped after the 3 s timeout", run.Error, StringComparison.Ordinal);
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(10), $"The run took {run.Elapsed}.");
    }

    [Fact]
    public void Run_Interrupted_KillsWorker()
    {
        var recipe = Write("interrupted.csx", "Console.WriteLine(\"started\");\nwhile (true) { }\n");
        var stopwatch = Stopwatch.StartNew();
        using var parent = Sc2midProcess.Start(WorkingDirectory, CacheDirectory, "run", recipe);
        Assert.Equal("started", parent.StandardOutput.ReadLine());

        using (var interrupt = Process.Start("kill", ["-INT", parent.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            interrupt.WaitForExit();
        }

        var run = Sc2midProcess.Wait(parent, stopwatch);
        Assert.Equal(130, run.ExitCode);
        var expected = "The recipe was cancelled; its worker process was killed.";
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Empty(ProcessesMentioning(recipe));
    }

    [Fact]
    public void Run_ParentKilled_WorkerExits()
    {
        var recipe = Write("orphan.csx", "Console.WriteLine(\"started\");\nwhile (true) { }\n");
        using var parent = Sc2midProcess.Start(WorkingDirectory, CacheDirectory, "run", recipe);
        Assert.Equal("started", parent.StandardOutput.ReadLine());
        Assert.Equal(2, ProcessesMentioning(recipe).Count);

        parent.Kill();
        parent.WaitForExit();

        var deadline = DateTime.UtcNow + WorkerExitTimeout;
        while (ProcessesMentioning(recipe).Count > 0 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(100);
        }

        Assert.Empty(ProcessesMentioning(recipe));
    }

    [Fact]
    public void Run_UndefinedName_ReportsFileLineColumn()
    {
        var recipe = Write("typo.csx", "var count = 1;\nConsole.WriteLine(cuont);\n");

        var run = Run("run", recipe);

        Assert.Equal(2, run.ExitCode);
        var expected = $"{recipe}:2:19: error CS0103: The name 'cuont' does not exist";
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TypoInLoadedFile_ReportsThatFile()
    {
        var helper = Write(Path.Combine("lib", "helper.csx"), "int Twice(int x) => x * 2\n");
        var recipe = Write("main.csx", "#load \"lib/helper.csx\"\nConsole.WriteLine(Twice(2));\n");

        var run = Run("run", recipe);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{helper}:1:26: error CS1002", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NestedLoad_ResolvesPerFile()
    {
        Write(Path.Combine("recipes", "lib", "inner.csx"), "const int Inner = 40;\n");
        Write(Path.Combine("recipes", "lib", "outer.csx"), "#load \"inner.csx\"\nint Outer() => Inner + 2;\n");
        var recipe = Write(
            Path.Combine("recipes", "main.csx"),
            "#load \"lib/outer.csx\"\nConsole.WriteLine($\"answer {Outer()}\");\n");

        var run = Run("run", recipe);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("answer 42", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ReferenceDirective_ResolvesRelativeToRecipe()
    {
        // Any managed assembly that recipes do not reference by default will do; this one ships with the core.
        var library = Path.Combine(AppContext.BaseDirectory, "McMaster.NETCore.Plugins.dll");
        var copy = Path.Combine(_temporary, "recipes-root", "refs", "lib", "McMaster.NETCore.Plugins.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(library, copy);
        var recipe = Write(
            Path.Combine("refs", "main.csx"),
            "#r \"lib/McMaster.NETCore.Plugins.dll\"\n"
            + "Console.WriteLine(\"type \" + typeof(McMaster.NETCore.Plugins.PluginLoader).Name);\n");

        var run = Run("run", recipe);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("type PluginLoader", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ChangedLoadedFile_Recompiles()
    {
        var helper = Write(Path.Combine("lib", "value.csx"), "const int Value = 1;\n");
        var recipe = Write("main.csx", "#load \"lib/value.csx\"\nConsole.WriteLine($\"value {Value}\");\n");
        var first = Run("run", recipe, "--log-level", "Information");

        File.WriteAllText(helper, "const int Value = 2;\n");
        var second = Run("run", recipe, "--log-level", "Information");

        Assert.Contains("value 1", first.Output, StringComparison.Ordinal);
        Assert.Contains("value 2", second.Output, StringComparison.Ordinal);
        Assert.Contains("(cache miss)", second.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Plugin(\"nope\")", "Plugin 'nope' is not available because no plugin has that id. Loaded plugins: ")]
    [InlineData("Plugin(\"shape\").With(\"nope\", 1)", "Plugin 'shape' has no parameter 'nope'")]
    [InlineData(
        "Plugin(\"glcm\").With(\"levels\", 1)",
        "Invalid value '1' for glcm.levels (integer): expected a value from 2 to 1024")]
    public void Run_InvalidPluginRequest_ReportedBeforeFirstImage(string request, string expected)
    {
        var dataset = TestEnvironment.Sample("dataset.csv");
        var recipe = Write("invalid.csx", $"Extract(OpenDataset(@\"{dataset}\"), {request});\n");

        var run = Run("run", recipe);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Contains($"{recipe}:1: ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("[1/2]", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MisspelledFeature_ReportsLineAndNames()
    {
        var dataset = TestEnvironment.Sample("dataset.csv");
        var recipe = Write(
            "feature-typo.csx",
            $"var table = Extract(OpenDataset(@\"{dataset}\"), \"shape\");\n"
            + "foreach (var row in table.Rows) { Console.WriteLine(row[\"shape.aera\"]); }\n");

        var run = Run("run", recipe);

        Assert.Equal(2, run.ExitCode);
        var expected = $"{recipe}:2: KeyNotFoundException: Feature 'shape.aera' is not in the table. "
            + "Features starting with 'shape.': shape.area, ";
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RecipeThrows_ReportsLine()
    {
        var recipe = Write("throws.csx", "var x = 1;\nthrow new InvalidOperationException(\"no particles\");\n");

        var run = Run("run", recipe);

        Assert.Equal(5, run.ExitCode);
        Assert.Contains($"{recipe}:2: InvalidOperationException: no particles", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Arguments_ReachRecipe()
    {
        var recipe = Write("args.csx", "Console.WriteLine(string.Join('|', Args));\nreturn Args.Count;\n");

        var run = Run("run", recipe, "--", "a b", "--not-an-option", "c");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("a b|--not-an-option|c", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PluginLock_LimitsRecipePlugins()
    {
        var shape = Path.Combine(Path.GetDirectoryName(TestEnvironment.CliAssembly)!, "plugins", "shape");
        var lockFile = Path.Combine(_temporary, "shape.lock.json");
        var locked = Run("plugins", "lock", shape, "--out", lockFile);
        Assert.True(locked.ExitCode == 0, locked.ToString());
        var recipe = Write("plugins.csx", "Console.WriteLine(\"loaded: \" + string.Join(\",\", Plugins));\n");

        var run = Run("run", recipe, "--plugin-lock", lockFile);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("loaded: shape" + Environment.NewLine, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingRecipe_ExitsWithInputError()
    {
        var run = Run("run", Path.Combine(_temporary, "absent.csx"));

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("Recipe file not found", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ParticleCropsRecipe_CutsEveryComponent()
    {
        var dataset = SyntheticDataset.WriteThreeDisks(Path.Combine(_temporary, "disks"));
        var output = Path.Combine(_temporary, "crops");

        var run = Run("run", TestEnvironment.Script("particle-crops.csx"), "--", dataset, output, "4");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("3 particle(s)", run.Output, StringComparison.Ordinal);
        for (var objectId = 1; objectId <= 3; objectId++)
        {
            var stem = Path.Combine(output, "disks.png", $"object-{objectId}");
            Assert.True(File.Exists(stem + ".image.png"), $"{stem}.image.png is missing.");
            Assert.True(File.Exists(stem + ".mask.png"), $"{stem}.mask.png is missing.");
        }

        Assert.Equal(4, File.ReadAllLines(Path.Combine(output, "particles.csv")).Length);
    }

    [Fact]
    public void Run_DerivedFeaturesRecipe_AddsCalibratedColumns()
    {
        var dataset = SyntheticDataset.WriteThreeDisks(Path.Combine(_temporary, "disks"), nmPerPixel: 0.5);
        var output = Path.Combine(_temporary, "derived");

        var run = Run("run", TestEnvironment.Script("derived-features.csx"), "--", dataset, output);

        Assert.True(run.ExitCode == 0, run.ToString());
        var header = File.ReadLines(Path.Combine(output, "results.csv")).First();
        Assert.Contains("recipe.feret_ratio [1]", header, StringComparison.Ordinal);
        Assert.Contains("recipe.perimeter_diameter [px]", header, StringComparison.Ordinal);
        Assert.Contains("recipe.perimeter_diameter [nm]", header, StringComparison.Ordinal);
        var json = File.ReadAllText(Path.Combine(output, "results.json"));
        Assert.Contains("\"name\": \"recipe.feret_ratio\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PerimetersRecipe_ListsFourDefinitionsPerParticle()
    {
        var output = Path.Combine(_temporary, "perimeters");
        var dataset = TestEnvironment.Sample("dataset.csv");

        var run = Run("run", TestEnvironment.Script("perimeters.csx"), "--", dataset, output);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = File.ReadAllLines(Path.Combine(output, "perimeters.csv"));
        Assert.Equal(5, lines.Length);
        Assert.Contains(lines, line => line.Contains(",shape.perimeter_crofton,", StringComparison.Ordinal));
        Assert.Matches(MeanRatio(), run.Output);
        Assert.True(File.Exists(Path.Combine(output, "perimeters.png")), "perimeters.png is missing.");
    }

    /// <summary>Returns the ids of processes whose command line contains <paramref name="text"/> (Linux
    /// /proc).</summary>
    private static List<int> ProcessesMentioning(string text)
    {
        var ids = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var id))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(folder, "cmdline")).Contains(text, StringComparison.Ordinal))
                {
                    ids.Add(id);
                }
            }
            catch (IOException)
            {
                // The process ended while its folder was read.
            }
        }

        return ids;
    }

    private Sc2midRun Run(params string[] arguments) => Sc2midProcess.Run(WorkingDirectory, CacheDirectory, arguments);

    private string Write(string relativePath, string text)
    {
        var path = Path.Combine(_temporary, "recipes-root", relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [GeneratedRegex(@"shape\.perimeter_boundary_pixels\s+mean ratio to shape\.perimeter 0\.\d{4} over 1 particle")]
    private static partial Regex MeanRatio();
}
