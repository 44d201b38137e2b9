using System.CommandLine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using SC2Mid.Core.Plugins;

namespace SC2Mid.Cli;

/// <summary>The logger and plugin catalog of one command, built from the shared options.</summary>
internal sealed class HostSession : IDisposable
{
    private readonly ILoggerFactory _loggerFactory;

    private HostSession(ILoggerFactory loggerFactory, PluginCatalog catalog)
    {
        _loggerFactory = loggerFactory;
        Catalog = catalog;
        Logger = loggerFactory.CreateLogger("sc2mid");
    }

    public PluginCatalog Catalog { get; }

    public ILogger Logger { get; }

    /// <summary>Creates a logger that writes to standard error only, so standard output stays machine-readable.</summary>
    public static ILoggerFactory CreateLoggerFactory(LogLevel minimum) =>
        LoggerFactory.Create(builder => builder
            .SetMinimumLevel(minimum)
            .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.ColorBehavior = LoggerColorBehavior.Disabled;
            }));

    /// <summary>
    /// Loads the bundled plugins and those in every <c>--plugins</c> folder, admitting only those in the
    /// <c>--plugin-lock</c> file when one is given. Plugins and OpenCV may use <paramref name="maxThreads"/> threads
    /// inside one extraction call.
    /// </summary>
    /// <exception cref="UsageException">The lock file is missing or invalid.</exception>
    public static HostSession Open(ParseResult parse, int maxThreads = 1)
    {
        // OpenCV otherwise starts a thread per core inside resize, moments and the like, which compete with the
        // images a batch runs in parallel and, in sc2mid bench, with the single core it measures.
        OpenCvSharp.Cv2.SetNumThreads(Math.Max(1, maxThreads));
        var pluginLock = PluginLockOption.Read(parse);
        var loggerFactory = CreateLoggerFactory(parse.GetValue(CommonOptions.LogLevel));
        var roots = new List<string> { PluginCatalog.DefaultDirectory };
        roots.AddRange(parse.GetValue(CommonOptions.PluginDirectories) ?? []);
        var catalog = PluginCatalog.Load(roots, maxThreads, loggerFactory.CreateLogger<PluginCatalog>(), pluginLock);
        return new HostSession(loggerFactory, catalog);
    }

    public void Dispose()
    {
        Catalog.Dispose();
        _loggerFactory.Dispose();
    }
}
