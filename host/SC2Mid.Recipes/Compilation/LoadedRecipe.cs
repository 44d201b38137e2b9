using System.Runtime.Loader;

namespace SC2Mid.Recipes.Compilation;

/// <summary>A recipe loaded into its own collectible load context, ready to run. Dispose it to unload it.</summary>
/// <remarks>
/// Unloading completes only after the garbage collector finds no reference to the recipe's types, so a caller
/// that keeps a value created by the recipe (a delegate, an instance of a recipe-defined class) keeps the
/// assembly in memory.
/// </remarks>
public sealed class LoadedRecipe : IDisposable
{
    private AssemblyLoadContext? _context;
    private Func<object[], Task<object>>? _entryPoint;

    internal LoadedRecipe(AssemblyLoadContext context, Func<object[], Task<object>> entryPoint)
    {
        _context = context;
        _entryPoint = entryPoint;
    }

    /// <summary>Runs the recipe's top-level code with <paramref name="globals"/> as its globals object.</summary>
    /// <returns>The value of the recipe's final <c>return</c> statement, or null.</returns>
    /// <exception cref="ObjectDisposedException">The recipe was unloaded.</exception>
    public async Task<object?> RunAsync(RecipeGlobals globals)
    {
        ArgumentNullException.ThrowIfNull(globals);
        var entryPoint = _entryPoint ?? throw new ObjectDisposedException(nameof(LoadedRecipe));

        // Roslyn's script entry point takes the submission array: slot 0 is the globals object and slot 1 receives
        // the instance of the script's own submission class.
        return await entryPoint([globals, null!]).ConfigureAwait(false);
    }

    /// <summary>Starts unloading the recipe's load context.</summary>
    public void Dispose()
    {
        _entryPoint = null;
        _context?.Unload();
        _context = null;
    }
}
