using SC2Mid.Ui.Imaging;

namespace SC2Mid.Ui.Tests.Imaging;

public class GreyRampTests
{
    // Reference values: the xterm 256-colour palette, where index 232 + k is grey 8 + 10k, 16 is black, 231 white.
    [Theory]
    [InlineData(0, 0, 16)]
    [InlineData(3, 0, 16)]
    [InlineData(5, 8, 232)]
    [InlineData(8, 8, 232)]
    [InlineData(128, 128, 244)]
    [InlineData(238, 238, 255)]
    [InlineData(247, 255, 231)]
    [InlineData(255, 255, 231)]
    public void Quantize_Grey_ReturnsNearestPaletteGrey(int grey, int expectedLevel, int expectedIndex)
    {
        Assert.Equal(expectedLevel, GreyRamp.Quantize((byte)grey));
        Assert.Equal(expectedIndex, GreyRamp.PaletteIndex((byte)grey));
    }

    [Fact]
    public void Quantize_EveryGrey_StaysWithinHalfAStep()
    {
        for (var grey = 0; grey <= 255; grey++)
        {
            var level = GreyRamp.Quantize((byte)grey);
            Assert.True(Math.Abs(level - grey) <= 8, $"grey {grey} became {level}");
        }
    }
}
