using System.Globalization;
using OpenCvSharp;

namespace SC2Mid.Plugins.Deep;

/// <summary>
/// How an image becomes a model's input tensor: target size, channel order and the normalisation
/// <c>value = (pixel * Scale - mean) / Std</c>, where <c>pixel</c> is on the 0–255 scale and <c>mean</c> is
/// <see cref="Mean"/>, or the matching element of <see cref="MeanImage"/> when the model subtracts a mean image.
/// </summary>
/// <param name="Name">Preset name or the JSON file it was read from, for messages.</param>
/// <param name="Width">Input width in pixels.</param>
/// <param name="Height">Input height in pixels.</param>
/// <param name="Order">Channel order along the model's channel axis.</param>
/// <param name="Scale">Factor applied to the 0–255 pixel value before the mean is subtracted.</param>
/// <param name="Mean">Per-channel mean in <paramref name="Order"/>, on the scaled values.</param>
/// <param name="Std">Per-channel standard deviation in <paramref name="Order"/>, on the scaled values.</param>
/// <param name="InputName">Model input to feed, or null when the model must have exactly one input.</param>
/// <param name="Layout">Expected layout, checked against the model; null to take the model's.</param>
/// <param name="MeanImage">
/// Per-pixel mean as a channel-major array of 3 × <paramref name="Height"/> × <paramref name="Width"/> values in
/// <paramref name="Order"/>, used instead of <paramref name="Mean"/>; null for a per-channel mean.
/// </param>
internal sealed record Preprocessing(
    string Name,
    int Width,
    int Height,
    ChannelOrder Order,
    double Scale,
    IReadOnlyList<double> Mean,
    IReadOnlyList<double> Std,
    string? InputName = null,
    TensorLayout? Layout = null,
    float[]? MeanImage = null)
{
    /// <summary>The formula in one line, for feature definitions.</summary>
    public string Describe()
    {
        string mean = MeanImage is null
            ? "[" + string.Join(", ", Mean.Select(Format)) + "]"
            : "a per-pixel mean image";
        return $"{Name}: {Width}x{Height}, {Order.ToString().ToUpperInvariant()}, "
            + $"(pixel * {Format(Scale)} - {mean}) / [{string.Join(", ", Std.Select(Format))}]";
    }

    /// <summary>
    /// Writes one image into the batch tensor at position <paramref name="batchIndex"/>.
    /// </summary>
    /// <param name="bgr">CV_32FC3 image of <see cref="Width"/> × <see cref="Height"/>, BGR, on the 0–255 scale.</param>
    /// <param name="layout">Layout of the model input.</param>
    /// <param name="tensor">The whole batch tensor.</param>
    /// <param name="batchIndex">Position of this image in the batch.</param>
    public void WriteTensor(Mat bgr, TensorLayout layout, Span<float> tensor, int batchIndex)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        if (bgr.Type() != MatType.CV_32FC3 || bgr.Width != Width || bgr.Height != Height)
        {
            throw new ArgumentException(
                $"Expected a CV_32FC3 image of {Width}x{Height}, not {bgr.Type()} of {bgr.Width}x{bgr.Height}.",
                nameof(bgr));
        }

        int plane = Width * Height;
        int offset = batchIndex * 3 * plane;
        var scale = (float)Scale;
        Span<float> mean = [(float)Mean[0], (float)Mean[1], (float)Mean[2]];
        Span<float> std = [(float)Std[0], (float)Std[1], (float)Std[2]];
        Span<float> pixel = stackalloc float[3];
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                Vec3f bgrPixel = bgr.At<Vec3f>(y, x);
                pixel[0] = Order == ChannelOrder.Bgr ? bgrPixel.Item0 : bgrPixel.Item2;
                pixel[1] = bgrPixel.Item1;
                pixel[2] = Order == ChannelOrder.Bgr ? bgrPixel.Item2 : bgrPixel.Item0;
                for (int c = 0; c < 3; c++)
                {
                    float subtrahend = MeanImage is null ? mean[c] : MeanImage[(c * Height + y) * Width + x];
                    float value = (pixel[c] * scale - subtrahend) / std[c];
                    int index = layout == TensorLayout.Nchw
                        ? offset + c * plane + y * Width + x
                        : offset + (y * Width + x) * 3 + c;
                    tensor[index] = value;
                }
            }
        }
    }

    private static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
