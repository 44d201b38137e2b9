using OpenCvSharp;
using SC2Mid.Core.Scaling;

namespace SC2Mid.Core.Tests.Scaling;

public sealed class ScaleBarDetectorTests
{
    [Fact]
    public void FindAll_WhiteBar_MeasuresLength()
    {
        using var image = NoisyBackground(400, 300);
        image[new Rect(250, 270, 100, 6)].SetTo(Scalar.All(255));

        var bars = ScaleBarDetector.FindAll(image);

        var bar = bars[0];
        Assert.Equal(100, bar.LengthPx);
        Assert.Equal(new Rect(250, 270, 100, 6), bar.Bounds);
        Assert.True(bar.IsBright);
    }

    [Fact]
    public void FindAll_OnePixelBlackLine_IsFound()
    {
        using var image = NoisyBackground(400, 300);
        image[new Rect(20, 280, 150, 1)].SetTo(Scalar.All(0));

        var bar = ScaleBarDetector.FindAll(image)[0];

        Assert.Equal(150, bar.LengthPx);
        Assert.False(bar.IsBright);
    }

    [Fact]
    public void FindAll_PatchInParticle_IsIgnored()
    {
        // A black stripe inside a dark disc has too little contrast with its surroundings to be a scale bar.
        using var image = NoisyBackground(400, 300);
        Cv2.Circle(image, new Point(200, 150), 60, Scalar.All(40), -1);
        image[new Rect(170, 148, 60, 4)].SetTo(Scalar.All(0));

        Assert.Empty(ScaleBarDetector.FindAll(image));
    }

    [Fact]
    public void FindAll_FrameLineTouchingEdge_IsIgnored()
    {
        using var image = NoisyBackground(400, 300);
        image[new Rect(0, 290, 300, 3)].SetTo(Scalar.All(255));

        Assert.Empty(ScaleBarDetector.FindAll(image));
    }

    [Fact]
    public void FindAll_SixteenBitImage_ScalesBeforeSearching()
    {
        using var eight = NoisyBackground(400, 300);
        eight[new Rect(50, 20, 80, 5)].SetTo(Scalar.All(255));
        using var sixteen = new Mat();
        eight.ConvertTo(sixteen, MatType.CV_16U, 257);

        var bar = ScaleBarDetector.FindAll(sixteen)[0];

        Assert.Equal(80, bar.LengthPx);
    }

    [Fact]
    public void FindAll_CryoEtSample_FindsNoBar()
    {
        // The bundled cryo-ET slice has no scale bar; its grey values lie between 54 and 198.
        using var image = Cv2.ImRead(Support.TestPaths.CryoEtImage, ImreadModes.Unchanged);

        Assert.Empty(ScaleBarDetector.FindAll(image));
    }

    private static Mat NoisyBackground(int width, int height)
    {
        var image = new Mat(height, width, MatType.CV_8UC1);
        Cv2.Randn(image, new Scalar(128), new Scalar(15));
        return image;
    }
}
