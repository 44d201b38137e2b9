using System.Globalization;

namespace SC2Mid.Recipes.Compilation;

/// <summary>A compiler message about a recipe, at a 1-based line and column of the file it concerns.</summary>
/// <param name="FilePath">Full path of the recipe or <c>#load</c>ed file, or an empty string when unknown.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Severity"><c>error</c>, <c>warning</c> or <c>info</c>.</param>
/// <param name="Id">Compiler message id, for example <c>CS0103</c>.</param>
/// <param name="Message">The compiler's message.</param>
public sealed record RecipeDiagnostic(
    string FilePath,
    int Line,
    int Column,
    string Severity,
    string Id,
    string Message)
{
    /// <summary>Whether this diagnostic stops the compilation.</summary>
    public bool IsError => Severity == "error";

    /// <summary>Formats the diagnostic as compilers and editors print it: <c>file:line:column: error CS0103:
    /// message</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{FilePath}:{Line}:{Column}: {Severity} {Id}: {Message}");
}
