using SC2Mid.Ui.Results;

namespace SC2Mid.Ui.Tests.Results;

public class HistogramTests
{
    [Fact]
    public void Compute_EvenValues_FillsBinsEqually()
    {
        var histogram = Histogram.Compute([0.0, 1.0, 2.0, 3.0], 4);

        Assert.Equal([1, 1, 1, 1], histogram.Counts);
        Assert.Equal(0.0, histogram.Minimum);
        Assert.Equal(3.0, histogram.Maximum);
    }

    [Fact]
    public void Compute_MaximumValue_FallsInLastBin()
    {
        var histogram = Histogram.Compute([0.0, 10.0, 10.0], 5);

        Assert.Equal([1, 0, 0, 0, 2], histogram.Counts);
    }

    [Fact]
    public void Compute_NullAndNaN_CountedAsMissing()
    {
        var histogram = Histogram.Compute([1.0, null, double.NaN, double.PositiveInfinity, 2.0], 2);

        Assert.Equal(3, histogram.Missing);
        Assert.Equal(2, histogram.Total);
    }

    [Fact]
    public void Compute_EqualValues_FallInMiddleBin()
    {
        var histogram = Histogram.Compute([5.0, 5.0], 5);

        Assert.Equal([0, 0, 2, 0, 0], histogram.Counts);
    }

    [Fact]
    public void Compute_NoFiniteValue_HasNoCounts()
    {
        var histogram = Histogram.Compute([null], 3);

        Assert.Equal(0, histogram.Total);
        Assert.True(double.IsNaN(histogram.Minimum));
    }
}
