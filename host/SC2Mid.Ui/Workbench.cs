using Microsoft.Extensions.Logging;
using SC2Mid.Core.Datasets;
using SC2Mid.Ui.Logging;
using SC2Mid.Ui.Session;
using SC2Mid.Ui.Startup;
using SC2Mid.Ui.Views;
using Terminal.Gui.App;

namespace SC2Mid.Ui;

/// <summary>Starts the terminal workbench, or refuses with one line when there is no interactive terminal.</summary>
public static class Workbench
{
    /// <summary>Exit code when there is no interactive terminal: the code of an invalid command line.</summary>
    public const int NoTerminalExitCode = 2;

    /// <summary>Exit code when the dataset or the log file cannot be opened, as for unreadable inputs in the CLI.</summary>
    public const int InputErrorExitCode = 3;

    /// <summary>Longest wait for a cancelled job to stop at exit before the plugins are unloaded anyway.</summary>
    private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Checks the terminal, reads the dataset, opens the log file and runs the workbench until the user quits.
    /// Nothing is written to the console while it runs; refusals and startup errors go to <paramref name="error"/>
    /// as one line each.
    /// </summary>
    /// <returns>0 after a normal quit, <see cref="NoTerminalExitCode"/> or <see cref="InputErrorExitCode"/>.</returns>
    public static int Run(WorkbenchOptions options, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(error);
        if (TerminalCheck.FindReason(TerminalFacts.Current()) is { } reason)
        {
            error.WriteLine(TerminalCheck.Refusal(reason));
            return NoTerminalExitCode;
        }

        var datasetPath = options.Dataset ?? SampleLocator.Find();
        if (datasetPath is null)
        {
            error.WriteLine(
                $"error: no dataset was given and the bundled sample {SampleLocator.RelativePath} was not found above "
                + $"{AppContext.BaseDirectory} or the current directory; run 'sc2mid ui DATASET'.");
            return InputErrorExitCode;
        }

        Dataset dataset;
        try
        {
            dataset = DatasetReader.Read(datasetPath);
        }
        catch (DatasetException exception)
        {
            error.WriteLine($"error: {exception.Message}");
            return InputErrorExitCode;
        }

        var buffer = new LogBuffer();
        var logFile = options.LogFile ?? WorkbenchOptions.DefaultLogFile;
        WorkbenchLoggerProvider provider;
        try
        {
            provider = new WorkbenchLoggerProvider(logFile, buffer, options.LogLevel);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot open the log file {logFile}: {exception.Message} Give another with --log-file.");
            return InputErrorExitCode;
        }

        using var loggerFactory = LoggerFactory.Create(builder => builder
            .SetMinimumLevel(options.LogLevel)
            .AddFilter("Terminal.Gui", LogLevel.Warning)
            .AddProvider(provider));
        RunApplication(dataset, options, loggerFactory, buffer, provider.LogFile);
        return 0;
    }

    private static void RunApplication(
        Dataset dataset,
        WorkbenchOptions options,
        ILoggerFactory loggerFactory,
        LogBuffer buffer,
        string logFile)
    {
        using var session = new WorkbenchSession(dataset, options, loggerFactory);
        foreach (var warning in dataset.Warnings)
        {
            UiLog.DatasetWarning(session.Logger, warning);
        }

        UiLog.Started(session.Logger, dataset.Source, dataset.Items.Count, logFile);
        Terminal.Gui.App.Logging.Logger = loggerFactory.CreateLogger("Terminal.Gui");
        using (var app = Application.Create().Init())
        {
            using var window = new WorkbenchWindow(session, buffer, logFile, options.ResultsFolder);
            window.Attach(app);
            app.Run(window);

            // The plugins must not be unloaded under a running extraction. The job reports its own failures, so
            // only its end is awaited here, not its outcome.
            window.CancelWork();
            window.Job.Completion.ContinueWith(_ => { }, TaskScheduler.Default).Wait(CancelGrace);
        }

        // Terminal.Gui keeps its logger in a static, which must not outlive the logger factory.
        Terminal.Gui.App.Logging.Logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        UiLog.Stopped(session.Logger);
    }
}
