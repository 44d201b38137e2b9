using System.Globalization;
using System.Text;
using ParquetSharp;

namespace SC2Mid.Cli.Tests;

/// <summary>
/// Reads results.csv and results.parquet into the same shape, a header and rows of text cells, so that the two
/// files can be compared cell for cell. results.parquet is read with ParquetSharp (Apache Arrow's C++
/// implementation), not with the Parquet.Net that wrote it.
/// </summary>
internal static class ResultTables
{
    /// <summary>Parses an RFC 4180 file with LF line ends, as sc2mid writes it.</summary>
    public static (string[] Header, List<string[]> Rows) ReadCsv(string path)
    {
        var text = File.ReadAllText(path, System.Text.Encoding.UTF8);
        var records = new List<string[]>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var character = text[i];
            if (quoted)
            {
                if (character != '"')
                {
                    cell.Append(character);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }

                continue;
            }

            switch (character)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    break;
                case '\n':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    records.Add([.. cells]);
                    cells.Clear();
                    break;
                default:
                    cell.Append(character);
                    break;
            }
        }

        return (records[0], records.Skip(1).ToList());
    }

    /// <summary>
    /// Reads every row group of a Parquet file and formats each value as the CSV writer does: invariant culture,
    /// round-trip ("R") doubles, and an empty cell for null.
    /// </summary>
    public static (string[] Header, List<string[]> Rows) ReadParquet(string path)
    {
        using var reader = new ParquetFileReader(path);
        var schema = reader.FileMetaData.Schema;
        var header = Enumerable.Range(0, schema.NumColumns).Select(i => schema.Column(i).Name).ToArray();
        var rows = new List<string[]>();
        for (var group = 0; group < reader.FileMetaData.NumRowGroups; group++)
        {
            using var rowGroup = reader.RowGroup(group);
            var rowCount = checked((int)rowGroup.MetaData.NumRows);
            var columns = new string[header.Length][];
            for (var index = 0; index < header.Length; index++)
            {
                using var column = rowGroup.Column(index);
                columns[index] = schema.Column(index).PhysicalType switch
                {
                    PhysicalType.ByteArray => ReadAll<string>(column, rowCount),
                    PhysicalType.Int32 => Format(
                        ReadAll<int?>(column, rowCount),
                        value => value?.ToString(CultureInfo.InvariantCulture)),
                    PhysicalType.Double => Format(
                        ReadAll<double?>(column, rowCount),
                        value => value?.ToString("R", CultureInfo.InvariantCulture)),
                    var other => throw new InvalidDataException(
                        $"{path}: column {header[index]} has physical type {other}, not ByteArray, Int32 or Double."),
                };
            }

            for (var row = 0; row < rowCount; row++)
            {
                rows.Add(columns.Select(values => values[row]).ToArray());
            }
        }

        return (header, rows);
    }

    private static T[] ReadAll<T>(ColumnReader column, int rowCount)
    {
        using var logical = column.LogicalReader<T>();
        return logical.ReadAll(rowCount);
    }

    private static string[] Format<T>(T[] values, Func<T, string?> format) =>
        values.Select(value => format(value) ?? string.Empty).ToArray();
}
