using OpenCvSharp;

namespace SC2Mid.Core.Imaging;

/// <summary>Decides which pixels of a decoded mask file are foreground.</summary>
/// <remarks>
/// Lossless files: a pixel is foreground when its value is above 0, at any bit depth. JPEG files: above 127,
/// because compression spreads values around the edges and into the background. Colour files: a pixel is
/// foreground when any of R, G or B is above that threshold, and alpha is ignored. A warning counts the pixels
/// where the channels disagree. Palette PNG files are handled by index in <see cref="ImageLoader.LoadMask"/>
/// instead.
/// </remarks>
internal static class MaskRule
{
    private const int LossyThreshold = 127;

    /// <summary>Returns a CV_8UC1 mask (255 foreground, 0 background) and the rule that was applied.</summary>
    /// <param name="pixels">Decoded CV_8U or CV_16U pixels with 1, 3 or 4 channels.</param>
    /// <param name="format">Format name from <see cref="ImageFormats"/>.</param>
    /// <param name="warnings">Receives a warning for lossy files, colour masks and unusual foreground values.</param>
    public static (Mat Mask, string Rule) Apply(Mat pixels, string format, List<string> warnings)
    {
        var lossy = ImageFormats.IsLossy(format);
        var threshold = lossy ? LossyThreshold : 0;
        var kind = lossy ? format.ToUpperInvariant() : "lossless";
        if (lossy)
        {
            warnings.Add(
                $"{format.ToUpperInvariant()} compression is lossy and alters mask values near edges; pixels above "
                + $"{threshold} count as foreground. Save masks as PNG or TIFF to keep exact edges.");
        }

        if (pixels.Channels() == 1)
        {
            var greyMask = Threshold(pixels, threshold);
            if (!lossy)
            {
                WarnIfSeveralForegroundValues(pixels, greyMask, warnings);
            }

            return (greyMask, $"value > {threshold} ({kind})");
        }

        var alphaNote = pixels.Channels() == 4 ? ", alpha ignored" : string.Empty;
        var colourMask = ColourForeground(pixels, threshold, warnings);
        return (colourMask, $"any of R, G, B > {threshold} ({kind} colour{alphaNote})");
    }

    /// <summary>Adds a warning when <paramref name="mask"/> has no foreground pixel.</summary>
    public static void WarnIfEmpty(Mat mask, string rule, List<string> warnings)
    {
        if (Cv2.CountNonZero(mask) == 0)
        {
            warnings.Add($"The mask has no foreground pixels under the rule \"{rule}\".");
        }
    }

    private static Mat Threshold(Mat channel, int threshold)
    {
        var mask = new Mat();
        Cv2.Compare(channel, Scalar.All(threshold), mask, CmpTypes.GT);
        return mask;
    }

    private static Mat ColourForeground(Mat pixels, int threshold, List<string> warnings)
    {
        var channels = pixels.Split();
        try
        {
            var mask = Threshold(channels[0], threshold);
            using var everyChannel = mask.Clone();
            using var channelMask = new Mat();
            for (var c = 1; c < 3; c++)
            {
                Cv2.Compare(channels[c], Scalar.All(threshold), channelMask, CmpTypes.GT);
                Cv2.BitwiseOr(mask, channelMask, mask);
                Cv2.BitwiseAnd(everyChannel, channelMask, everyChannel);
            }

            // Pixels where some colour channels pass the threshold and others do not: the mask is not grey there.
            var disagreeing = Cv2.CountNonZero(mask) - Cv2.CountNonZero(everyChannel);
            if (disagreeing > 0)
            {
                warnings.Add(
                    $"At {disagreeing} pixels of this colour mask, some of R, G and B are above {threshold} and "
                    + "others are not; those pixels count as foreground. Save masks as single-channel grey to avoid "
                    + "this ambiguity.");
            }

            if (channels.Length == 4 && Cv2.CountNonZero(mask) == 0 && HasVaryingValues(channels[3]))
            {
                warnings.Add(
                    "The colour channels are all background but the alpha channel varies; if the mask is stored "
                    + "in alpha, save it as a grey image instead, because alpha is ignored.");
            }

            return mask;
        }
        finally
        {
            foreach (var channel in channels)
            {
                channel.Dispose();
            }
        }
    }

    private static bool HasVaryingValues(Mat channel)
    {
        Cv2.MinMaxLoc(channel, out double minimum, out double maximum);
        return minimum != maximum;
    }

    /// <summary>
    /// Warns when foreground pixels of a lossless grey mask take more than one value, as in a label image or a
    /// mask with anti-aliased edges: all of them merge into one foreground.
    /// </summary>
    private static void WarnIfSeveralForegroundValues(Mat pixels, Mat mask, List<string> warnings)
    {
        if (Cv2.CountNonZero(mask) == 0)
        {
            return;
        }

        Cv2.MinMaxLoc(pixels, out double minimum, out double maximum, out _, out _, mask);
        if (minimum != maximum)
        {
            warnings.Add(
                $"The mask's foreground pixels take several values, from {minimum} to {maximum}, as in a label "
                + "image or anti-aliased edges; all of them count as one foreground.");
        }
    }
}
