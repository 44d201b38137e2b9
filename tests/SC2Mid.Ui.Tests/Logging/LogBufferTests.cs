using SC2Mid.Ui.Logging;

namespace SC2Mid.Ui.Tests.Logging;

public class LogBufferTests
{
    [Fact]
    public void ReadSince_AfterRead_ReturnsOnlyNewLines()
    {
        var buffer = new LogBuffer();
        buffer.Append("one");
        var (first, seen) = buffer.ReadSince(0);
        buffer.Append("two");

        var (second, total) = buffer.ReadSince(seen);

        Assert.Equal(["one"], first);
        Assert.Equal(["two"], second);
        Assert.Equal(2, total);
    }

    [Fact]
    public void Append_BeyondCapacity_DropsOldestLines()
    {
        var buffer = new LogBuffer(capacity: 2);
        buffer.Append("one");
        buffer.Append("two");
        buffer.Append("three");

        var (lines, total) = buffer.ReadSince(0);

        Assert.Equal(["two", "three"], lines);
        Assert.Equal(3, total);
    }

    [Fact]
    public void Append_FromManyThreads_KeepsEveryLine()
    {
        var buffer = new LogBuffer();

        Parallel.For(0, 1000, i => buffer.Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(1000, buffer.ReadSince(0).Lines.Count);
    }
}
