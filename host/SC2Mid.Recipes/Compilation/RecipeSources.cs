using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace SC2Mid.Recipes.Compilation;

/// <summary>
/// The files a recipe is made of: the main file, every file it <c>#load</c>s (recursively) and every assembly it
/// references with <c>#r</c>, each resolved relative to the file that names it. Their SHA-256 hashes and the host
/// version form the cache key, so a change in any of them forces a new compilation.
/// </summary>
internal sealed class RecipeSources
{
    private RecipeSources(
        string mainPath,
        string mainText,
        IReadOnlyList<string> sourceFiles,
        IReadOnlyList<string> references,
        string key)
    {
        MainPath = mainPath;
        MainText = mainText;
        SourceFiles = sourceFiles;
        References = references;
        Key = key;
    }

    /// <summary>Full path of the recipe file.</summary>
    public string MainPath { get; }

    /// <summary>Text of the recipe file as hashed, which is also the text compiled.</summary>
    public string MainText { get; }

    /// <summary>The recipe file first, then every <c>#load</c>ed file that exists, in discovery order.</summary>
    public IReadOnlyList<string> SourceFiles { get; }

    /// <summary>Full paths of the assemblies named by <c>#r</c> directives that exist.</summary>
    public IReadOnlyList<string> References { get; }

    /// <summary>Lower-case hex SHA-256 of the host version and of every file's path and content.</summary>
    public string Key { get; }

    /// <summary>Collects the files of the recipe at <paramref name="mainPath"/> and computes its cache key.</summary>
    /// <remarks>
    /// A <c>#load</c> or <c>#r</c> that cannot be resolved is skipped here; the compiler reports it with its
    /// position, and a recipe with errors is never cached.
    /// </remarks>
    public static RecipeSources Collect(string mainPath, ScriptOptions options, string hostVersion)
    {
        var sources = new List<string>();
        var references = new List<string>();
        var pending = new Queue<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var mainText = File.ReadAllText(mainPath);
        pending.Enqueue(mainPath);
        seen.Add(mainPath);
        while (pending.Count > 0)
        {
            var path = pending.Dequeue();
            sources.Add(path);
            var text = path == mainPath ? mainText : File.ReadAllText(path);
            var tree = CSharpSyntaxTree.ParseText(
                text,
                new CSharpParseOptions(kind: SourceCodeKind.Script),
                path);
            var root = (CompilationUnitSyntax)tree.GetRoot();
            foreach (var directive in root.GetLoadDirectives())
            {
                var resolved = options.SourceResolver.ResolveReference(directive.File.ValueText, path);
                if (resolved is not null && File.Exists(resolved) && seen.Add(resolved))
                {
                    pending.Enqueue(resolved);
                }
            }

            foreach (var directive in root.GetReferenceDirectives())
            {
                var resolved = options.MetadataResolver
                    .ResolveReference(directive.File.ValueText, path, MetadataReferenceProperties.Assembly)
                    .Select(reference => reference.FilePath)
                    .OfType<string>()
                    .Where(File.Exists);
                references.AddRange(resolved.Where(reference => !references.Contains(reference)));
            }
        }

        var key = ComputeKey(hostVersion, mainText, sources, references);
        return new RecipeSources(mainPath, mainText, sources, references, key);
    }

    private static string ComputeKey(
        string hostVersion,
        string mainText,
        List<string> sources,
        List<string> references)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, "host " + hostVersion);
        foreach (var path in sources.Concat(references))
        {
            Append(hash, path);
            var content = path == sources[0] ? Encoding.UTF8.GetBytes(mainText) : File.ReadAllBytes(path);
            hash.AppendData(SHA256.HashData(content));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string text)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(text));
        hash.AppendData([0]);
    }
}
