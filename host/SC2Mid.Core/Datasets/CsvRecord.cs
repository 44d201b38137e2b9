namespace SC2Mid.Core.Datasets;

/// <summary>One record of a CSV file.</summary>
/// <param name="Line">1-based line on which the record starts.</param>
/// <param name="Fields">The field values, unquoted, with surrounding spaces removed from unquoted fields.</param>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);
