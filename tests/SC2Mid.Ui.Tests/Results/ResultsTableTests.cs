using OpenCvSharp;
using SC2Mid.Core.Extraction;
using SC2Mid.Core.Plugins;
using SC2Mid.Sdk;
using SC2Mid.Ui.Results;

namespace SC2Mid.Ui.Tests.Results;

public class ResultsTableTests
{
    private static readonly FeatureDescriptor Area = new("shape.area", "shape", FeatureDimension.Area, "pixels", null);
    private static readonly FeatureDescriptor Ratio = new("shape.ratio", "shape", FeatureDimension.Dimensionless, "r", null);

    [Fact]
    public void Constructor_UncalibratedResults_HasPixelColumnsOnly()
    {
        var table = new ResultsTable([Image("a.png", null, (1, 10.0, 0.5))]);

        Assert.Equal(["image", "object", "status", "shape.area [px^2]", "shape.ratio [1]"], table.ColumnNames);
        Assert.Equal(1, table.Rows);
        Assert.Equal("10", table[0, 3]);
    }

    [Fact]
    public void Constructor_CalibratedImage_AddsNanometreColumns()
    {
        var table = new ResultsTable([Image("a.png", 2.0, (1, 10.0, 0.5))]);

        Assert.Equal("shape.area [nm^2]", table.ColumnNames[5]);
        Assert.Equal("40", table[0, 5]);
    }

    [Fact]
    public void Constructor_ImageWithoutObjects_GetsStatusRow()
    {
        var noMask = Image("b.jpg", null) with { Status = ImageStatus.NoMask };

        var table = new ResultsTable([Image("a.png", null, (1, 10.0, 0.5)), noMask]);

        Assert.Equal(2, table.Rows);
        Assert.Equal("no_mask", table[1, 2]);
        Assert.Equal("", table[1, 1]);
        Assert.Equal("", table[1, 3]);
    }

    [Fact]
    public void Sort_FeatureAscending_PutsEmptyCellsLast()
    {
        var table = new ResultsTable(
        [
            Image("a.png", null, (1, 30.0, 0.5), (2, null, 0.1)),
            Image("b.png", null, (1, 10.0, 0.9)),
        ]);

        table.Sort(3, descending: false);

        Assert.Equal(new double?[] { 10.0, 30.0, null }, table.ValuesOf(3));
        Assert.Equal(3, table.SortColumn);
        Assert.False(table.SortDescending);
    }

    [Fact]
    public void Sort_FeatureDescending_PutsEmptyCellsLast()
    {
        var table = new ResultsTable(
        [
            Image("a.png", null, (1, 30.0, 0.5), (2, null, 0.1)),
            Image("b.png", null, (1, 10.0, 0.9)),
        ]);

        table.Sort(3, descending: true);

        Assert.Equal(new double?[] { 30.0, 10.0, null }, table.ValuesOf(3));
    }

    [Fact]
    public void Sort_ImageDescending_OrdersByNameThenObject()
    {
        var table = new ResultsTable(
        [
            Image("a.png", null, (1, 1.0, 0.5), (2, 2.0, 0.5)),
            Image("b.png", null, (1, 3.0, 0.9)),
        ]);

        table.Sort(0, descending: true);

        Assert.Equal("b.png", table[0, 0]);
        Assert.Equal("2", table[1, 1]);
        Assert.Equal("1", table[2, 1]);
    }

    [Fact]
    public void ValuesOf_KeyColumn_Throws()
    {
        var table = new ResultsTable([Image("a.png", null, (1, 10.0, 0.5))]);

        Assert.Throws<ArgumentOutOfRangeException>(() => table.ValuesOf(2));
    }

    private static ImageResult Image(string id, double? nmPerPixel, params (int Id, double? Area, double Ratio)[] objects) => new()
    {
        ImageId = id,
        ImagePath = id,
        Calibration = nmPerPixel is { } s ? Calibration.FromNmPerPixel(s, "test") : Calibration.None,
        Status = ImageStatus.Ok,
        Objects = [.. objects.Select(o => new ObjectResult(o.Id, new Rect(0, 0, 1, 1), 1,
        [
            new FeatureResult(Area, o.Area, o.Area * (nmPerPixel * nmPerPixel), o.Area is null ? "none" : null),
            new FeatureResult(Ratio, o.Ratio, null, null),
        ]))],
    };
}
