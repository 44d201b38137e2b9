using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace SC2Mid.Core.Plugins;

/// <summary>
/// The plugins a run may load, each pinned to the SHA-256 of its entry assembly, so that a cluster run uses exactly
/// the plugin builds that were tested. <see cref="PluginCatalog.Load"/> rejects any plugin that is not listed or whose
/// assembly hash differs, before any of its code runs.
/// </summary>
/// <remarks>
/// NOTE: only the entry assembly is hashed, as in the run's provenance; a changed dependency or native library in
/// the plugin folder is not detected.
/// </remarks>
public sealed partial class PluginLock
{
    /// <summary>Version of the lock file format this class reads and writes.</summary>
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private readonly Dictionary<string, PluginLockEntry> _byId;

    private PluginLock(string source, IReadOnlyList<PluginLockEntry> plugins)
    {
        Source = source;
        Plugins = plugins;
        _byId = plugins.ToDictionary(plugin => plugin.Id, StringComparer.Ordinal);
    }

    /// <summary>Path of the lock file, or a description when the lock was built in memory.</summary>
    public string Source { get; }

    /// <summary>The admitted plugins, ordered by id.</summary>
    public IReadOnlyList<PluginLockEntry> Plugins { get; }

    /// <summary>Builds a lock from loaded catalog entries.</summary>
    /// <exception cref="ArgumentException">An entry is not loaded, or two entries share an id.</exception>
    public static PluginLock Create(IEnumerable<PluginEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var plugins = new List<PluginLockEntry>();
        foreach (var entry in entries)
        {
            if (entry.Status != PluginStatus.Loaded)
            {
                throw new ArgumentException(
                    $"Plugin folder {entry.Directory} is {entry.Status.ToString().ToLowerInvariant()}, so it cannot "
                    + "be locked; fix it first ('sc2mid plugins validate' lists the errors).",
                    nameof(entries));
            }

            var manifest = entry.Manifest!;
            plugins.Add(new PluginLockEntry(
                manifest.Id, manifest.Version, manifest.EntryAssembly, entry.AssemblySha256!));
        }

        var duplicate = plugins.GroupBy(plugin => plugin.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Plugin id '{duplicate.Key}' occurs twice; a lock lists each id once.",
                nameof(entries));
        }

        return new PluginLock("(in memory)", [.. plugins.OrderBy(plugin => plugin.Id, StringComparer.Ordinal)]);
    }

    /// <summary>Reads and checks a lock file.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="FormatException">
    /// The file is not a valid lock file; the message names the file and the field.
    /// </exception>
    public static PluginLock Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        path = Path.GetFullPath(path);
        LockFile? file;
        try
        {
            file = JsonSerializer.Deserialize<LockFile>(File.ReadAllText(path), SerializerOptions);
        }
        catch (JsonException exception)
        {
            throw new FormatException(
                $"{path}: invalid JSON at line {(exception.LineNumber ?? 0) + 1}: {exception.Message}", exception);
        }

        if (file is null || file.FormatVersion != FormatVersion)
        {
            throw new FormatException(
                $"{path}: field '/formatVersion' is invalid: expected {FormatVersion}; write the file again with "
                + "'sc2mid plugins lock'.");
        }

        var plugins = file.Plugins ?? [];
        for (var i = 0; i < plugins.Count; i++)
        {
            var plugin = plugins[i];
            if (string.IsNullOrWhiteSpace(plugin.Id) || plugin.AssemblySha256 is null
                || !Sha256Pattern().IsMatch(plugin.AssemblySha256))
            {
                throw new FormatException(
                    $"{path}: field '/plugins/{i}' is invalid: each plugin needs an 'id' and an 'assemblySha256' of "
                    + "64 lowercase hex digits.");
            }
        }

        var duplicate = plugins.GroupBy(plugin => plugin.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new FormatException($"{path}: field '/plugins' is invalid: id '{duplicate.Key}' occurs twice.");
        }

        return new PluginLock(path, plugins);
    }

    /// <summary>Writes the lock as indented JSON, replacing the file.</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void Write(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var text = JsonSerializer.Serialize(new LockFile(FormatVersion, [.. Plugins]), SerializerOptions);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text + "\n");
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Checks a plugin against the lock.</summary>
    /// <param name="id">Plugin id from its manifest.</param>
    /// <param name="assemblySha256">SHA-256 of its entry assembly, lowercase hex.</param>
    /// <returns>Null when the lock admits the plugin, otherwise the reason it is rejected.</returns>
    public string? Check(string id, string assemblySha256)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(assemblySha256);
        if (!_byId.TryGetValue(id, out var locked))
        {
            return $"plugin '{id}' is not listed in the lock file {Source}, which admits "
                + $"{(Plugins.Count == 0 ? "no plugin" : string.Join(", ", Plugins.Select(plugin => plugin.Id)))}; "
                + "add it with 'sc2mid plugins lock' after testing it.";
        }

        if (!string.Equals(locked.AssemblySha256, assemblySha256, StringComparison.Ordinal))
        {
            return $"the entry assembly of plugin '{id}' has SHA-256 {assemblySha256}, but the lock file {Source} "
                + $"expects {locked.AssemblySha256} (version {locked.Version}); the plugin changed since it was "
                + "locked, so install the tested build or lock the new one after testing it.";
        }

        return null;
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Pattern();

    /// <summary>The JSON layout of a lock file.</summary>
    private sealed record LockFile(int FormatVersion, List<PluginLockEntry>? Plugins);
}
