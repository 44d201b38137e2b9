using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Text;
using SC2Mid.Core.Extraction;
using SC2Mid.Core.Output;
using SC2Mid.Sdk;

namespace SC2Mid.Recipes.Compilation;

/// <summary>
/// Compiles recipes (C# script files, <c>.csx</c>) against <see cref="RecipeGlobals"/> with Roslyn and keeps the
/// compiled assemblies in a disk cache keyed by the SHA-256 of every source file and the host version.
/// </summary>
/// <remarks>
/// <c>#load</c> and <c>#r</c> paths are resolved relative to the file that contains the directive, whatever the
/// working directory. A cache hit skips Roslyn entirely. Thread-safe.
/// </remarks>
public sealed class RecipeCompiler
{
    /// <summary>Namespaces every recipe imports without <c>using</c> directives.</summary>
    public static IReadOnlyList<string> DefaultImports { get; } =
    [
        "System", "System.IO", "System.Linq", "System.Collections.Generic", "System.Globalization",
        "System.Threading", "System.Threading.Tasks", "Microsoft.Extensions.Logging", "SC2Mid.Recipes",
        "SC2Mid.Core.Datasets", "SC2Mid.Core.Extraction", "SC2Mid.Sdk",
    ];

    private static readonly Lazy<string> HostVersion = new(ComputeHostVersion);

    private readonly RecipeCache? _cache;

    /// <summary>Creates a compiler that caches in <paramref name="cacheDirectory"/>.</summary>
    /// <param name="cacheDirectory">Cache folder, or null to compile every time and cache nothing.</param>
    public RecipeCompiler(string? cacheDirectory)
    {
        _cache = cacheDirectory is null ? null : new RecipeCache(Path.GetFullPath(cacheDirectory));
    }

    /// <summary>
    /// The default cache folder: <c>$SC2MID_RECIPE_CACHE</c>, else <c>$XDG_CACHE_HOME/sc2mid/recipes</c>, else
    /// <c>~/.cache/sc2mid/recipes</c>.
    /// </summary>
    public static string DefaultCacheDirectory => RecipeCache.DefaultDirectory;

    /// <summary>Compiles the recipe at <paramref name="recipePath"/>, or reads it from the cache.</summary>
    /// <exception cref="FileNotFoundException">The recipe file does not exist.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public RecipeCompileResult Compile(string recipePath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipePath);
        var fullPath = Path.GetFullPath(recipePath);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"Recipe file not found: {fullPath}", fullPath);
        }

        var stopwatch = Stopwatch.StartNew();
        var options = CreateOptions(fullPath);
        var sources = RecipeSources.Collect(fullPath, options, HostVersion.Value);
        if (_cache?.TryRead(sources.Key) is { } cached)
        {
            return new RecipeCompileResult(cached, [], FromCache: true, stopwatch.Elapsed);
        }

        var (assembly, diagnostics) = Emit(fullPath, options, sources, cancellationToken);
        if (assembly is not null)
        {
            // NOTE: a #load'ed file edited while Roslyn reads it may be cached under the key of its older content.
            // The main file cannot be, because it is compiled from the text that was hashed.
            _cache?.Write(sources.Key, assembly);
        }

        return new RecipeCompileResult(assembly, diagnostics, FromCache: false, stopwatch.Elapsed);
    }

    private static (RecipeAssembly? Assembly, IReadOnlyList<RecipeDiagnostic> Diagnostics) Emit(
        string fullPath,
        ScriptOptions options,
        RecipeSources sources,
        CancellationToken cancellationToken)
    {
        var script = CSharpScript.Create<object>(sources.MainText, options, typeof(RecipeGlobals));
        var compilation = script.GetCompilation();
        using var image = new MemoryStream();
        using var symbols = new MemoryStream();
        var result = compilation.Emit(
            image,
            symbols,
            options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb),
            cancellationToken: cancellationToken);
        var diagnostics = result.Diagnostics
            .Where(diagnostic => diagnostic.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning)
            .Select(diagnostic => ToRecipeDiagnostic(diagnostic, fullPath))
            .OrderBy(diagnostic => diagnostic.IsError ? 0 : 1)
            .ToArray();
        if (!result.Success)
        {
            return (null, diagnostics);
        }

        var entryPoint = compilation.GetEntryPoint(cancellationToken)
            ?? throw new InvalidOperationException("Roslyn produced a script without an entry point.");
        var typeName = entryPoint.ContainingNamespace.IsGlobalNamespace
            ? entryPoint.ContainingType.MetadataName
            : $"{entryPoint.ContainingNamespace.ToDisplayString()}.{entryPoint.ContainingType.MetadataName}";
        var assembly = new RecipeAssembly(
            image.ToArray(), symbols.ToArray(), typeName, entryPoint.MetadataName, sources.References);
        return (assembly, diagnostics);
    }

    private static RecipeDiagnostic ToRecipeDiagnostic(Diagnostic diagnostic, string mainPath)
    {
        var span = diagnostic.Location.GetMappedLineSpan();
        var path = span.IsValid && !string.IsNullOrEmpty(span.Path) ? span.Path : mainPath;
        var severity = diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return new RecipeDiagnostic(
            path,
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            severity,
            diagnostic.Id,
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static ScriptOptions CreateOptions(string fullPath)
    {
        var directory = Path.GetDirectoryName(fullPath)!;
        return ScriptOptions.Default
            .WithFilePath(fullPath)
            .WithFileEncoding(Encoding.UTF8)
            .WithSourceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, directory))
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(directory))
            .WithEmitDebugInformation(true)

            // Recipes are glue code (the pixel work runs in the optimised core and plugins), and unoptimised code
            // keeps a sequence point on every line, so an error always names its recipe line.
            .WithOptimizationLevel(OptimizationLevel.Debug)
            .AddReferences(ReferencedAssemblies())
            .WithImports(DefaultImports);
    }

    private static IEnumerable<Assembly> ReferencedAssemblies() =>
    [
        typeof(object).Assembly,
        typeof(Enumerable).Assembly,
        typeof(List<>).Assembly,
        typeof(Console).Assembly,
        typeof(File).Assembly,
        typeof(System.Text.RegularExpressions.Regex).Assembly,
        typeof(System.Text.Json.JsonSerializer).Assembly,
        Assembly.Load("System.Runtime"),
        Assembly.Load("netstandard"),
        typeof(RecipeGlobals).Assembly,
        typeof(Extractor).Assembly,
        typeof(IFeaturePlugin).Assembly,
        typeof(OpenCvSharp.Mat).Assembly,
        typeof(Microsoft.Extensions.Logging.ILogger).Assembly,
    ];

    private static string ComputeHostVersion()
    {
        // The module version id changes whenever SC2Mid.Recipes is rebuilt with different code, so a cached recipe
        // never runs against globals it was not compiled for.
        var recipes = typeof(RecipeGlobals).Assembly;
        return string.Join(
            " ",
            RunInfo.CurrentToolVersion,
            recipes.ManifestModule.ModuleVersionId,
            typeof(CSharpScript).Assembly.GetName().Version);
    }
}
