using System.Reflection;
using System.Runtime.Loader;

namespace SC2Mid.Recipes.Compilation;

/// <summary>
/// A compiled recipe as bytes: the assembly, its portable PDB, the name of its entry point and the assemblies it
/// references with <c>#r</c>. Loading it creates a collectible load context, so a host that runs many recipes can
/// unload each one.
/// </summary>
public sealed class RecipeAssembly
{
    internal RecipeAssembly(
        byte[] image,
        byte[] symbols,
        string entryTypeName,
        string entryMethodName,
        IReadOnlyList<string> references)
    {
        Image = image;
        Symbols = symbols;
        EntryTypeName = entryTypeName;
        EntryMethodName = entryMethodName;
        References = references;
    }

    internal byte[] Image { get; }

    internal byte[] Symbols { get; }

    internal string EntryTypeName { get; }

    internal string EntryMethodName { get; }

    /// <summary>Full paths of the assemblies the recipe references with <c>#r</c>.</summary>
    public IReadOnlyList<string> References { get; }

    /// <summary>Loads the recipe into a new collectible load context; dispose the result to unload it.</summary>
    /// <remarks>
    /// The host's assemblies (SC2Mid.Recipes, Core, Sdk, OpenCvSharp) are resolved from the default load context, so
    /// the recipe uses the same types as the host and the plugins. Assemblies named by <c>#r</c> load into the
    /// recipe's own context.
    /// </remarks>
    public LoadedRecipe Load()
    {
        var context = new AssemblyLoadContext("sc2mid-recipe", isCollectible: true);
        var byName = References.ToDictionary(
            path => AssemblyName.GetAssemblyName(path).Name ?? path,
            path => path,
            StringComparer.OrdinalIgnoreCase);
        context.Resolving += (loadContext, name) =>
            name.Name is { } simpleName && byName.TryGetValue(simpleName, out var path)
                ? loadContext.LoadFromAssemblyPath(path)
                : null;
        using var image = new MemoryStream(Image, writable: false);
        using var symbols = new MemoryStream(Symbols, writable: false);
        var assembly = context.LoadFromStream(image, symbols);
        var method = assembly.GetType(EntryTypeName, throwOnError: true)!
            .GetMethod(EntryMethodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException(
                $"The compiled recipe has no entry point {EntryTypeName}.{EntryMethodName}; delete the recipe cache.");
        return new LoadedRecipe(context, method.CreateDelegate<Func<object[], Task<object>>>());
    }
}
