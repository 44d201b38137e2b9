using System.Reflection;
using System.Security.Cryptography;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;
using SC2Mid.Sdk;

namespace SC2Mid.Core.Plugins;

/// <summary>
/// Finds plugin folders, checks their manifests and loads each plugin into its own collectible load context with
/// the SDK and OpenCvSharp shared. A rejected or failed plugin is recorded with its reasons and the others load.
/// </summary>
public sealed class PluginCatalog : IDisposable
{
    /// <summary>Name of the folder beside the host's binaries that contains the bundled plugins.</summary>
    public const string DefaultFolderName = "plugins";

    private static readonly string SdkFileName = typeof(IFeaturePlugin).Assembly.GetName().Name + ".dll";

    private readonly List<PluginEntry> _entries;

    private PluginCatalog(List<PluginEntry> entries) => _entries = entries;

    /// <summary>Every plugin folder found, loaded or not, in discovery order.</summary>
    public IReadOnlyList<PluginEntry> Entries => _entries;

    /// <summary>The plugins that loaded.</summary>
    public IEnumerable<PluginEntry> Loaded => _entries.Where(entry => entry.Status == PluginStatus.Loaded);

    /// <summary>The folder of bundled plugins: <c>plugins/</c> beside the host's binaries.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, DefaultFolderName);

    /// <summary>
    /// Loads the plugins found in each root. A root is either a plugin folder (it contains a <c>plugin.json</c>) or
    /// a folder of plugin folders. A root that does not exist is logged and skipped.
    /// </summary>
    /// <param name="roots">Folders to search, in order; the first plugin with a given id wins.</param>
    /// <param name="maxThreads">Threads each plugin may use inside one extraction call.</param>
    /// <param name="logger">Receives lifecycle messages and every rejection.</param>
    /// <param name="pluginLock">
    /// When given, a plugin is loaded only if the lock lists its id with the SHA-256 of its entry assembly. Any
    /// other plugin is rejected before its code runs.
    /// </param>
    public static PluginCatalog Load(
        IEnumerable<string> roots,
        int maxThreads = 1,
        ILogger? logger = null,
        PluginLock? pluginLock = null)
    {
        ArgumentNullException.ThrowIfNull(roots);
        logger ??= NullLogger.Instance;
        var entries = new List<PluginEntry>();
        var byId = new Dictionary<string, PluginEntry>(StringComparer.Ordinal);
        foreach (var directory in roots.SelectMany(root => FindPluginDirectories(root, logger)))
        {
            var entry = Inspect(directory);
            if (entry.Status == PluginStatus.Loaded && byId.TryGetValue(entry.Id, out var first))
            {
                entry.MarkRejected(
                    PluginStatus.Rejected,
                    $"{entry.ManifestPath}: field '/id' is invalid: id '{entry.Id}' is already used by "
                    + $"{first.ManifestPath}; give each plugin a unique id.");
            }

            if (entry.Status == PluginStatus.Loaded
                && pluginLock?.Check(entry.Id, Sha256Of(entry.AssemblyPath!)) is { } lockError)
            {
                entry.MarkRejected(PluginStatus.Rejected, $"{entry.AssemblyPath}: {lockError}");
            }

            if (entry.Status == PluginStatus.Loaded)
            {
                LoadAssembly(entry, maxThreads);
            }

            if (entry.Status == PluginStatus.Loaded)
            {
                byId[entry.Id] = entry;
                CoreLog.PluginLoaded(logger, entry.Id, entry.Manifest!.Version, entry.Directory);
            }
            else
            {
                CoreLog.PluginNotLoaded(logger, entry.Directory, entry.Status.ToString(), string.Join(" | ", entry.Errors));
            }

            entries.Add(entry);
        }

        return new PluginCatalog(entries);
    }

    /// <summary>Checks a plugin folder without loading its code: manifest, host API range and folder contents.</summary>
    /// <returns>An entry whose status is <see cref="PluginStatus.Loaded"/> when nothing is wrong so far.</returns>
    public static PluginEntry Inspect(string directory)
    {
        directory = Path.GetFullPath(directory);
        var manifestPath = Path.Combine(directory, ManifestReader.FileName);
        var (manifest, errors) = ManifestReader.Read(manifestPath);
        if (manifest is null)
        {
            return new PluginEntry(directory, null, PluginStatus.Rejected, errors);
        }

        var problems = new List<string>();
        if (!manifest.HostApi.Contains(HostApi.Version))
        {
            problems.Add(
                $"{manifestPath}: field '/hostApi' is invalid: the plugin supports host API "
                + $"{manifest.HostApi.Minimum} up to (not including) {manifest.HostApi.MaximumExclusive}, "
                + $"but this host provides {HostApi.Version}; a valid range contains {HostApi.Version}.");
        }

        var assemblyPath = Path.Combine(directory, manifest.EntryAssembly);
        if (!File.Exists(assemblyPath))
        {
            problems.Add(
                $"{manifestPath}: field '/entryAssembly' is invalid: '{manifest.EntryAssembly}' was not found in "
                + $"{directory}; name a .dll in that folder.");
        }

        if (File.Exists(Path.Combine(directory, SdkFileName)))
        {
            problems.Add(
                $"{Path.Combine(directory, SdkFileName)}: the plugin folder carries its own copy of the SDK; remove it "
                + "(reference SC2Mid.Sdk with Private=false) so the host's copy is shared.");
        }

        return new PluginEntry(
            directory,
            manifest,
            problems.Count == 0 ? PluginStatus.Loaded : PluginStatus.Rejected,
            problems);
    }

    private static IEnumerable<string> FindPluginDirectories(string root, ILogger logger)
    {
        if (!System.IO.Directory.Exists(root))
        {
            CoreLog.PluginRootMissing(logger, root);
            return [];
        }

        if (File.Exists(Path.Combine(root, ManifestReader.FileName)))
        {
            return [root];
        }

        return System.IO.Directory.EnumerateDirectories(root)
            .Where(directory => File.Exists(Path.Combine(directory, ManifestReader.FileName)))
            .Order(StringComparer.Ordinal);
    }

    private static void LoadAssembly(PluginEntry entry, int maxThreads)
    {
        var manifest = entry.Manifest!;
        var assemblyPath = entry.AssemblyPath!;
        PluginLoader? loader = null;
        try
        {
            loader = PluginLoader.CreateFromAssemblyFile(
                assemblyPath,
                isUnloadable: true,
                sharedTypes: [typeof(IFeaturePlugin), typeof(Mat)],
                configure: config => config.PreferSharedTypes = false);
            var assembly = loader.LoadDefaultAssembly();
            var type = FindPluginType(entry, assembly);
            var instance = (IFeaturePlugin)Activator.CreateInstance(type)!;
            if (manifest.Features.Any(feature => feature.Dynamic) && instance is not IDynamicFeaturePlugin)
            {
                throw new InvalidOperationException(
                    $"field '/features' declares dynamic features, but {type.FullName} does not implement "
                    + $"{nameof(IDynamicFeaturePlugin)}; implement it or remove \"dynamic\": true.");
            }

            if (instance is IInitializablePlugin initializable)
            {
                initializable.Initialize(new PluginContext(entry.Directory, Math.Max(1, maxThreads)));
            }

            entry.MarkLoaded(loader, instance, Sha256Of(assemblyPath));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Any fault in third-party code (bad image format, missing dependency, a throwing constructor) must
            // leave the other plugins usable, so it is recorded on this entry.
            loader?.Dispose();
            var cause = exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
            entry.MarkRejected(
                PluginStatus.Failed,
                $"{assemblyPath}: loading the plugin failed: {cause.GetType().Name}: {cause.Message}");
        }
    }

    private static Type FindPluginType(PluginEntry entry, Assembly assembly)
    {
        var manifest = entry.Manifest!;
        if (manifest.EntryType is { } typeName)
        {
            var type = assembly.GetType(typeName, throwOnError: false);
            if (type is null || !typeof(IFeaturePlugin).IsAssignableFrom(type) || type.IsAbstract)
            {
                throw new InvalidOperationException(
                    $"field '/entryType': '{typeName}' is not a public non-abstract IFeaturePlugin in "
                    + $"{manifest.EntryAssembly}; candidates: {DescribeCandidates(assembly)}.");
            }

            return type;
        }

        var candidates = PluginTypes(assembly).ToArray();
        return candidates.Length == 1
            ? candidates[0]
            : throw new InvalidOperationException(
                $"field '/entryType' is missing and {manifest.EntryAssembly} holds {candidates.Length} IFeaturePlugin "
                + $"types ({DescribeCandidates(assembly)}); name one in entryType.");
    }

    private static IEnumerable<Type> PluginTypes(Assembly assembly) =>
        assembly.GetExportedTypes().Where(type => typeof(IFeaturePlugin).IsAssignableFrom(type) && !type.IsAbstract);

    private static string DescribeCandidates(Assembly assembly)
    {
        var names = PluginTypes(assembly).Select(type => type.FullName).ToArray();
        return names.Length == 0 ? "none" : string.Join(", ", names);
    }

    internal static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Finds a loaded plugin by id.</summary>
    /// <exception cref="KeyNotFoundException">No loaded plugin has that id; the message lists the loaded ones.</exception>
    public PluginEntry Get(string id)
    {
        var entry = Loaded.FirstOrDefault(candidate => candidate.Id == id);
        if (entry is not null)
        {
            return entry;
        }

        var notLoaded = _entries.FirstOrDefault(candidate => candidate.Id == id);
        var loaded = string.Join(", ", Loaded.Select(candidate => candidate.Id));
        var reason = notLoaded is null
            ? "no plugin has that id"
            : $"it was {notLoaded.Status.ToString().ToLowerInvariant()}: {string.Join(" ", notLoaded.Errors).TrimEnd('.')}";
        throw new KeyNotFoundException(
            $"Plugin '{id}' is not available because {reason}. Loaded plugins: {(loaded.Length == 0 ? "none" : loaded)}.");
    }

    /// <summary>Disposes every plugin and unloads their load contexts.</summary>
    public void Dispose()
    {
        foreach (var entry in _entries)
        {
            entry.Dispose();
        }
    }
}
