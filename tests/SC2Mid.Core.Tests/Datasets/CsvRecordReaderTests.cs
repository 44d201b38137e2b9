using SC2Mid.Core.Datasets;

namespace SC2Mid.Core.Tests.Datasets;

public sealed class CsvRecordReaderTests
{
    private const string Path = "test.csv";

    [Fact]
    public void ReadAll_QuotedFields_UnquotesAndKeepsSpaces()
    {
        var records = Read("\" a, b \",\"say \"\"hi\"\"\",plain \n");

        var record = Assert.Single(records);
        Assert.Equal([" a, b ", "say \"hi\"", "plain"], record.Fields);
    }

    [Fact]
    public void ReadAll_QuotedLineBreak_CountsLines()
    {
        var records = Read("h1,h2\n\"two\nlines\",x\r\nnext,y\n");

        Assert.Equal(3, records.Count);
        Assert.Equal("two\nlines", records[1].Fields[0]);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(4, records[2].Line);
    }

    [Fact]
    public void ReadAll_BlankLines_AreSkippedButCounted()
    {
        var records = Read("a\n\n   \nb");

        Assert.Equal(["a", "b"], records.Select(r => r.Fields[0]));
        Assert.Equal(4, records[1].Line);
    }

    [Fact]
    public void ReadAll_QuotedEmptyField_IsARecord()
    {
        var records = Read("\"\"\n");

        Assert.Equal([""], Assert.Single(records).Fields);
    }

    [Fact]
    public void ReadAll_TrailingComma_GivesEmptyLastField()
    {
        var records = Read("a,\n");

        Assert.Equal(["a", ""], Assert.Single(records).Fields);
    }

    [Fact]
    public void ReadAll_UnclosedQuote_NamesOpeningLine()
    {
        var error = Assert.Throws<DatasetException>(() => Read("a\n\"open\nstill open\n"));

        Assert.Equal(2, error.Line);
        Assert.Contains("not closed", error.Message);
    }

    [Fact]
    public void ReadAll_QuoteInsideUnquotedField_Throws()
    {
        var error = Assert.Throws<DatasetException>(() => Read("a\nab\"c\n"));

        Assert.StartsWith("test.csv:2: ", error.Message);
        Assert.Contains("double quote appears inside an unquoted field", error.Message);
    }

    [Fact]
    public void ReadAll_TextAfterClosingQuote_Throws()
    {
        var error = Assert.Throws<DatasetException>(() => Read("\"a\"b,c\n"));

        Assert.Equal(1, error.Line);
        Assert.Contains("Unexpected character 'b'", error.Message);
    }

    private static List<CsvRecord> Read(string text) => new CsvRecordReader(Path, text).ReadAll();
}
