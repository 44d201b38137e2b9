using OpenCvSharp;
using SC2Mid.Plugins.Deep;

namespace SC2Mid.Deep.Tests;

/// <summary>Where each pixel and channel lands in NCHW and NHWC tensors, on an image whose pixels all differ.</summary>
public sealed class TensorLayoutTests
{
    private const int Width = 3;
    private const int Height = 2;

    [Fact]
    public void WriteTensor_RgbNchw_PlacesRedPlaneFirst()
    {
        Preprocessing preprocessing = Identity(ChannelOrder.Rgb);
        using Mat image = Numbered();
        float[] tensor = new float[2 * 3 * Width * Height];

        preprocessing.WriteTensor(image, TensorLayout.Nchw, tensor, batchIndex: 1);

        int image1 = 3 * Width * Height;
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                int position = y * Width + x;
                Assert.Equal(Red(y, x), tensor[image1 + position]);
                Assert.Equal(Green(y, x), tensor[image1 + Width * Height + position]);
                Assert.Equal(Blue(y, x), tensor[image1 + 2 * Width * Height + position]);
            }
        }

        Assert.All(tensor.Take(image1), value => Assert.Equal(0, value));
    }

    [Fact]
    public void WriteTensor_BgrNhwc_InterleavesBlueFirst()
    {
        Preprocessing preprocessing = Identity(ChannelOrder.Bgr);
        using Mat image = Numbered();
        float[] tensor = new float[3 * Width * Height];

        preprocessing.WriteTensor(image, TensorLayout.Nhwc, tensor, 0);

        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                int pixel = 3 * (y * Width + x);
                Assert.Equal(Blue(y, x), tensor[pixel]);
                Assert.Equal(Green(y, x), tensor[pixel + 1]);
                Assert.Equal(Red(y, x), tensor[pixel + 2]);
            }
        }
    }

    [Fact]
    public void WriteTensor_WrongSize_RejectedWithSizes()
    {
        Preprocessing preprocessing = Identity(ChannelOrder.Rgb);
        using var image = new Mat(Width, Height, MatType.CV_32FC3);

        var exception = Assert.Throws<ArgumentException>(
            () => preprocessing.WriteTensor(image, TensorLayout.Nchw, new float[18], 0));

        Assert.Contains("3x2", exception.Message, StringComparison.Ordinal);
    }

    private static float Blue(int y, int x) => 10 * y + x;

    private static float Green(int y, int x) => 100 + 10 * y + x;

    private static float Red(int y, int x) => 200 + 10 * y + x;

    private static Preprocessing Identity(ChannelOrder order) =>
        new("identity", Width, Height, order, 1, [0, 0, 0], [1, 1, 1]);

    private static Mat Numbered()
    {
        var image = new Mat(Height, Width, MatType.CV_32FC3);
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                image.Set(y, x, new Vec3f(Blue(y, x), Green(y, x), Red(y, x)));
            }
        }

        return image;
    }
}
