using System.Text;

namespace SC2Mid.Core.Datasets;

/// <summary>Splits CSV text into records, following RFC 4180 with a few allowances for hand-written files.</summary>
/// <remarks>
/// Fields are separated by commas and records by LF, CRLF or CR. A field in double quotes may contain commas,
/// line breaks and doubled quotes (<c>""</c> for <c>"</c>). Allowances beyond RFC 4180: spaces and tabs around
/// fields are dropped (inside quotes they are kept), and blank lines are skipped. A quote inside an unquoted field
/// is an error, because it usually means a missing opening quote.
/// </remarks>
internal sealed class CsvRecordReader
{
    private readonly string _path;
    private readonly string _text;
    private int _position;
    private int _line = 1;

    /// <summary>Creates a reader of <paramref name="text"/>; error messages name <paramref name="path"/>.</summary>
    public CsvRecordReader(string path, string text)
    {
        _path = path;
        _text = text;
    }

    /// <summary>Reads all records, skipping blank lines.</summary>
    /// <exception cref="DatasetException">A quoted field is not closed, or a quote is misplaced.</exception>
    public List<CsvRecord> ReadAll()
    {
        var records = new List<CsvRecord>();
        while (_position < _text.Length)
        {
            var startLine = _line;
            var fields = ReadRecord(out var firstFieldQuoted);
            var blank = fields.Count == 1 && fields[0].Length == 0 && !firstFieldQuoted;
            if (!blank)
            {
                records.Add(new CsvRecord(startLine, fields));
            }
        }

        return records;
    }

    private List<string> ReadRecord(out bool firstFieldQuoted)
    {
        var fields = new List<string>();
        firstFieldQuoted = false;
        while (true)
        {
            SkipSpaces();
            var quoted = Peek() == '"';
            firstFieldQuoted |= quoted && fields.Count == 0;
            fields.Add(quoted ? ReadQuotedField() : ReadUnquotedField());
            SkipSpaces();
            if (Peek() == ',')
            {
                _position++;
                continue;
            }

            if (TryConsumeLineBreak() || _position >= _text.Length)
            {
                return fields;
            }

            throw new DatasetException(
                _path,
                _line,
                $"Unexpected character '{Peek()}' after a quoted field; a closing quote must be followed by a comma "
                + "or the end of the line.");
        }
    }

    private string ReadQuotedField()
    {
        var openingLine = _line;
        var value = new StringBuilder();
        _position++;
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '"')
            {
                if (_position + 1 < _text.Length && _text[_position + 1] == '"')
                {
                    value.Append('"');
                    _position += 2;
                    continue;
                }

                _position++;
                return value.ToString();
            }

            if (c == '\n' || (c == '\r' && (_position + 1 >= _text.Length || _text[_position + 1] != '\n')))
            {
                _line++;
            }

            value.Append(c);
            _position++;
        }

        throw new DatasetException(
            _path,
            openingLine,
            "A quoted field is not closed before the end of the file; add the closing double quote.");
    }

    private string ReadUnquotedField()
    {
        var start = _position;
        while (_position < _text.Length && _text[_position] is not (',' or '\n' or '\r'))
        {
            if (_text[_position] == '"')
            {
                throw new DatasetException(
                    _path,
                    _line,
                    "A double quote appears inside an unquoted field. Enclose the whole field in double quotes "
                    + "and write a literal quote as two quotes (\"\").");
            }

            _position++;
        }

        return _text[start.._position].Trim(' ', '\t');
    }

    private void SkipSpaces()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t')
        {
            _position++;
        }
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private bool TryConsumeLineBreak()
    {
        if (Peek() == '\r')
        {
            _position++;
            if (Peek() == '\n')
            {
                _position++;
            }
        }
        else if (Peek() == '\n')
        {
            _position++;
        }
        else
        {
            return false;
        }

        _line++;
        return true;
    }
}
