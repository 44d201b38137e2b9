using System.Text.Json;

namespace SC2Mid.Recipes.Compilation;

/// <summary>
/// Compiled recipes on disk, one folder per cache key with <c>recipe.dll</c>, <c>recipe.pdb</c> and
/// <c>recipe.json</c> (entry point and <c>#r</c> references). Entries are written to a temporary folder and
/// renamed, so a reader never sees half an entry.
/// </summary>
internal sealed class RecipeCache(string directory)
{
    /// <summary>Environment variable that overrides the cache folder.</summary>
    public const string DirectoryVariable = "SC2MID_RECIPE_CACHE";

    private const string ImageFile = "recipe.dll";
    private const string SymbolsFile = "recipe.pdb";
    private const string MetadataFile = "recipe.json";

    /// <summary>
    /// The default folder: <c>$SC2MID_RECIPE_CACHE</c>, else <c>$XDG_CACHE_HOME/sc2mid/recipes</c>, else
    /// <c>~/.cache/sc2mid/recipes</c>.
    /// </summary>
    public static string DefaultDirectory
    {
        get
        {
            if (Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } overridden)
            {
                return Path.GetFullPath(overridden);
            }

            var cacheHome = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (string.IsNullOrEmpty(cacheHome))
            {
                cacheHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            }

            return Path.Combine(cacheHome, "sc2mid", "recipes");
        }
    }

    public string Directory { get; } = directory;

    /// <summary>Reads the entry for <paramref name="key"/>, or returns null when there is none or it is
    /// unreadable.</summary>
    public RecipeAssembly? TryRead(string key)
    {
        var folder = Path.Combine(Directory, key);
        try
        {
            var metadata = JsonSerializer.Deserialize<Metadata>(File.ReadAllBytes(Path.Combine(folder, MetadataFile)));
            if (metadata is null)
            {
                return null;
            }

            return new RecipeAssembly(
                File.ReadAllBytes(Path.Combine(folder, ImageFile)),
                File.ReadAllBytes(Path.Combine(folder, SymbolsFile)),
                metadata.EntryTypeName,
                metadata.EntryMethodName,
                metadata.References);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            // A missing or damaged entry is a cache miss: the recipe is compiled again and the entry rewritten.
            return null;
        }
    }

    /// <summary>Stores <paramref name="assembly"/> under <paramref name="key"/>; another process may have done so
    /// first.</summary>
    /// <exception cref="IOException">The cache folder cannot be written.</exception>
    public void Write(string key, RecipeAssembly assembly)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var final = Path.Combine(Directory, key);
        var temporary = Path.Combine(Directory, $".{key}.{Guid.NewGuid():N}.tmp");
        System.IO.Directory.CreateDirectory(temporary);
        try
        {
            File.WriteAllBytes(Path.Combine(temporary, ImageFile), assembly.Image);
            File.WriteAllBytes(Path.Combine(temporary, SymbolsFile), assembly.Symbols);
            var metadata = new Metadata(assembly.EntryTypeName, assembly.EntryMethodName, [.. assembly.References]);
            File.WriteAllBytes(Path.Combine(temporary, MetadataFile), JsonSerializer.SerializeToUtf8Bytes(metadata));
            if (System.IO.Directory.Exists(final))
            {
                // A damaged entry (TryRead returned null) is replaced; an intact one written meanwhile is equivalent.
                System.IO.Directory.Delete(final, recursive: true);
            }

            System.IO.Directory.Move(temporary, final);
        }
        catch (IOException) when (System.IO.Directory.Exists(final))
        {
            // Another process stored the same key between the check and the rename; its entry is equivalent.
        }
        finally
        {
            if (System.IO.Directory.Exists(temporary))
            {
                System.IO.Directory.Delete(temporary, recursive: true);
            }
        }
    }

    private sealed record Metadata(string EntryTypeName, string EntryMethodName, List<string> References);
}
