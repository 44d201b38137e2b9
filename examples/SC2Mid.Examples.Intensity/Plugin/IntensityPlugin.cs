using System.Globalization;
using OpenCvSharp;
using SC2Mid.Sdk;

namespace SC2Mid.Examples.Intensity;

/// <summary>
/// Grey-value statistics and the uniform local binary pattern histogram of the object's mask pixels.
/// </summary>
/// <remarks>
/// Stateless, so the host may call <see cref="Extract"/> from several threads at once. The sample's matrices are
/// only read: the grey image is converted into a new array, never in place.
/// </remarks>
public sealed class IntensityPlugin : IFeaturePlugin
{
    private const string EmptyMask = "The mask is empty, so no grey-value statistic is defined.";
    private const string ConstantValues =
        "All mask pixels have the same grey value, so m2 = 0 and the ratio is undefined.";

    /// <inheritdoc />
    public FeatureSet Extract(Sample sample, ExtractionContext context)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var rows = sample.Grey.Rows;
        var columns = sample.Grey.Cols;
        var image = GreyValues(sample.Grey);
        var mask = MaskValues(sample.Mask);

        var inside = new List<double>();
        for (var i = 0; i < mask.Length; i++)
        {
            if (mask[i] != 0)
            {
                inside.Add(image[i]);
            }
        }

        var features = new FeatureSet();
        AddStatistics(features, IntensityStatistics.Compute([.. inside]));
        AddHistogram(features, UniformLocalBinaryPattern.Histogram(image, mask, rows, columns));
        return features;
    }

    private static void AddStatistics(FeatureSet features, IntensityStatistics? statistics)
    {
        if (statistics is null)
        {
            foreach (var name in new[] { "mean", "std", "min", "max", "median", "skewness", "kurtosis" })
            {
                features.AddNull("intensity." + name, EmptyMask);
            }

            return;
        }

        features
            .Add("intensity.mean", statistics.Mean)
            .Add("intensity.std", statistics.StandardDeviation)
            .Add("intensity.min", statistics.Min)
            .Add("intensity.max", statistics.Max)
            .Add("intensity.median", statistics.Median);
        AddOrNull(features, "intensity.skewness", statistics.Skewness);
        AddOrNull(features, "intensity.kurtosis", statistics.Kurtosis);
    }

    private static void AddOrNull(FeatureSet features, string name, double? value)
    {
        if (value is { } number)
        {
            features.Add(name, number);
        }
        else
        {
            features.AddNull(name, ConstantValues);
        }
    }

    private static void AddHistogram(FeatureSet features, double[]? histogram)
    {
        for (var code = 0; code < UniformLocalBinaryPattern.CodeCount; code++)
        {
            var name = "intensity.lbp." + (code + 1).ToString(CultureInfo.InvariantCulture);
            if (histogram is null)
            {
                features.AddNull(name, "The mask is empty, so the LBP histogram has no pixels.");
            }
            else
            {
                features.Add(name, histogram[code]);
            }
        }
    }

    /// <summary>Copies a CV_8UC1 or CV_16UC1 image into a row-major array of doubles.</summary>
    private static double[] GreyValues(Mat grey)
    {
        // ConvertTo allocates a new continuous matrix, so the host's image is never written.
        using var converted = new Mat();
        grey.ConvertTo(converted, MatType.CV_64FC1);
        converted.GetArray(out double[] values);
        return values;
    }

    /// <summary>Copies the mask into a row-major array; a mask that is a view into a larger matrix is cloned.</summary>
    private static byte[] MaskValues(Mat mask)
    {
        using var copy = mask.IsContinuous() ? null : mask.Clone();
        (copy ?? mask).GetArray(out byte[] values);
        return values;
    }
}
