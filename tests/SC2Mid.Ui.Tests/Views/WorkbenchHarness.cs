using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SC2Mid.Core.Datasets;
using SC2Mid.Recipes.Running;
using SC2Mid.Ui.Logging;
using SC2Mid.Ui.Session;
using SC2Mid.Ui.Views;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace SC2Mid.Ui.Tests.Views;

/// <summary>
/// The workbench on the bundled sample, begun (not run) on Terminal.Gui's ANSI driver so that a test can inject
/// keys, resize the screen and read it back. Only the shape plugin is loaded, to keep extraction fast.
/// </summary>
internal sealed class WorkbenchHarness : IDisposable
{
    /// <summary>
    /// Maximum wait for background work (plugin loading, previews, extraction, a recipe compiled by Roslyn in a
    /// worker process) on a busy 2-core machine.
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly string _logFolder = Path.Combine(Path.GetTempPath(), "sc2mid-ui-tests-" + Guid.NewGuid().ToString("N"));
    private readonly LogBuffer _buffer = new();
    private readonly ILoggerFactory _loggerFactory;
    private readonly SessionToken _token;

    public WorkbenchHarness(int columns = 120, int rows = 40, string? dataset = null)
    {
        var buffer = _buffer;
        var logFile = Path.Combine(_logFolder, "ui.log");
        var provider = new WorkbenchLoggerProvider(logFile, buffer, LogLevel.Debug);
        _loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Debug).AddProvider(provider));
        var options = new WorkbenchOptions
        {
            PluginRoots = [Repository.ShapePluginFolder],
            RecipeFile = Path.Combine(_logFolder, "workbench.csx"),
            RecipeWorker = RecipeWorkerCommand.ForExecutable(Repository.CliAssembly),
        };
        Session = new WorkbenchSession(DatasetReader.Read(dataset ?? Repository.SampleManifest), options, _loggerFactory);

        App = Application.Create();
        App.Init(DriverRegistry.Names.ANSI);
        App.Driver!.SetScreenSize(columns, rows);
        Window = new WorkbenchWindow(Session, buffer, logFile, ResultsFolder);
        Window.Attach(App);
        _token = App.Begin(Window)!;
        App.LayoutAndDraw();
    }

    public IApplication App { get; }

    /// <summary>Where Ctrl+S on the Results page saves, inside the harness's temporary folder.</summary>
    public string ResultsFolder => Path.Combine(_logFolder, "results");

    public WorkbenchWindow Window { get; }

    public WorkbenchSession Session { get; }

    /// <summary>The screen as text, after laying out and drawing what changed.</summary>
    public string Screen
    {
        get
        {
            App.LayoutAndDraw();
            return App.Driver!.ToString()!;
        }
    }

    public void Press(Key key)
    {
        App.InjectKey(key);
        App.LayoutAndDraw();
    }

    public void Resize(int columns, int rows)
    {
        App.Driver!.SetScreenSize(columns, rows);
        App.LayoutAndDraw();
    }

    /// <summary>Runs queued UI work and redraws until <paramref name="condition"/> holds.</summary>
    /// <exception cref="TimeoutException">It did not hold within <see cref="Patience"/>; the message shows the screen.</exception>
    public void PumpUntil(Func<bool> condition, string description)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < Patience)
        {
            RunIteration();
            if (condition())
            {
                return;
            }

            Thread.Sleep(20);
        }

        throw new TimeoutException(
            $"Waited {Patience} for {description}. Screen:\n{Screen}\nLog:\n{string.Join('\n', _buffer.ReadSince(0).Lines)}");
    }

    /// <summary>Runs due timers, which include work handed over with <see cref="IApplication.Invoke(Action)"/>, and redraws.</summary>
    public void RunIteration()
    {
        App.TimedEvents!.RunTimers();
        App.LayoutAndDraw();
    }

    public void WaitForPlugins() => PumpUntil(() => Session.Catalog is not null, "the plugins to load");

    public void Dispose()
    {
        Window.CancelWork();
        Window.Job.Completion.Wait(Patience);
        App.End(_token);
        Window.Dispose();
        App.Dispose();
        Session.Dispose();
        _loggerFactory.Dispose();
        Directory.Delete(_logFolder, recursive: true);
    }
}
