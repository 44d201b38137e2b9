using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SC2Mid.Core.Output;

namespace SC2Mid.Recipes;

/// <summary>A small table that a recipe fills row by row and writes as CSV (RFC 4180 quoting, UTF-8, LF).</summary>
/// <remarks>Numbers are written in the invariant culture with every digit ("R"), so they read back unchanged.</remarks>
public sealed partial class TextTable
{
    private readonly List<string[]> _rows = [];

    /// <summary>Creates an empty table with the given column names.</summary>
    /// <exception cref="ArgumentException">No column is given.</exception>
    public TextTable(params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0)
        {
            throw new ArgumentException("A table needs at least one column.", nameof(columns));
        }

        Columns = columns;
    }

    /// <summary>Column names, in order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Rows added so far, as formatted cells.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows => _rows;

    /// <summary>Adds a row; null cells are written empty.</summary>
    /// <exception cref="ArgumentException">The row does not have one cell per column.</exception>
    public TextTable Add(params object?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != Columns.Count)
        {
            throw new ArgumentException(
                $"The row has {cells.Length} cells but the table has {Columns.Count} columns: "
                + string.Join(", ", Columns) + ".",
                nameof(cells));
        }

        _rows.Add(cells.Select(Format).ToArray());
        return this;
    }

    /// <summary>Writes the table to <paramref name="path"/> atomically and returns its full path.</summary>
    public string WriteCsv(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var text = new StringBuilder();
        text.Append(string.Join(',', Columns.Select(Quote))).Append('\n');
        foreach (var row in _rows)
        {
            text.Append(string.Join(',', row.Select(Quote))).Append('\n');
        }

        AtomicFile.Write(fullPath, stream => stream.Write(new UTF8Encoding(false).GetBytes(text.ToString())));
        return fullPath;
    }

    /// <summary>Returns the table as aligned columns of text, for printing.</summary>
    public override string ToString()
    {
        var widths = Columns
            .Select((column, index) => _rows.Select(row => row[index].Length).Prepend(column.Length).Max())
            .ToArray();
        var lines = _rows.Select(row => (IReadOnlyList<string>)row).Prepend(Columns)
            .Select(row => string.Join("  ", row.Select((cell, index) => cell.PadRight(widths[index]))).TrimEnd());
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>Replaces every character other than letters, digits, '.', '_' and '-' with '_'.</summary>
    internal static string SafeFileName(string text) => UnsafeCharacters().Replace(text, "_");

    private static string Format(object? cell) => cell switch
    {
        null => string.Empty,
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        float number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? string.Empty,
    };

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) < 0
            ? cell
            : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex UnsafeCharacters();
}
