using OpenCvSharp;

namespace SC2Mid.Core.Imaging;

/// <summary>Converts decoded pixels to one grey channel of the same bit depth.</summary>
/// <remarks>
/// Uses the ITU-R BT.601 luma weights (0.299 R + 0.587 G + 0.114 B) through <see cref="Cv2.Transform"/>, which
/// applies them as given and rounds to the nearest integer. OpenCV's <c>cvtColor</c> is not used because it
/// approximates the weights in fixed point (4899, 9617 and 1868 over 16384 for 8-bit images). A sum exactly
/// half-way between two levels may round either way, because the weights are not exact in binary floating point.
/// </remarks>
internal static class GreyConverter
{
    public const string NoConversion = "none";
    public const string Bt601 = "BT.601 luma: 0.299 R + 0.587 G + 0.114 B";
    public const string Bt601AlphaIgnored = Bt601 + ", alpha ignored";

    /// <summary>
    /// Returns the grey image and a description of the conversion. A single-channel input is returned as is,
    /// as the same instance.
    /// </summary>
    public static (Mat Grey, string Conversion) ToGrey(Mat pixels)
    {
        var channels = pixels.Channels();
        if (channels == 1)
        {
            return (pixels, NoConversion);
        }

        // Weights in OpenCV's BGR(A) channel order; alpha gets weight 0.
        using var weights = channels == 4
            ? Mat.FromArray(new double[,] { { 0.114, 0.587, 0.299, 0.0 } })
            : Mat.FromArray(new double[,] { { 0.114, 0.587, 0.299 } });
        var grey = new Mat();
        Cv2.Transform(pixels, grey, weights);
        return (grey, channels == 4 ? Bt601AlphaIgnored : Bt601);
    }
}
