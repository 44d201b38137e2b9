using OpenCvSharp;
using SC2Mid.Plugins.Glcm;
using SC2Mid.Sdk;

namespace SC2Mid.Texture.Tests.Figures;

/// <summary>
/// Pins where a heat map draws its cells: row i of the matrix at the top for small i, column j at the right for
/// large j. A matrix drawn upside down or transposed still looks plausible, so only pixels can catch it.
/// </summary>
public sealed class GlcmHeatMapOrientationTests
{
    /// <summary>Fraction of the figure width where the colour bar starts; cells lie to its left.</summary>
    private const double ColourBarStart = 0.85;

    [Fact]
    public void Extract_PairsFromLevelZeroToThree_DrawsCellsTopRight()
    {
        // Three horizontal pixel pairs in the mask: (0, 3) twice and (0, 2) once, so at 0 degrees without the
        // symmetric step every non-empty cell lies in row 0, columns 2 and 3: the top right of the matrix.
        var grey = new Mat(5, 2, MatType.CV_8UC1, Scalar.All(0));
        grey.Set(0, 1, (byte)3);
        grey.Set(2, 1, (byte)3);
        grey.Set(4, 1, (byte)2);
        var mask = new Mat(5, 2, MatType.CV_8UC1, Scalar.All(0));
        foreach (int row in new[] { 0, 2, 4 })
        {
            mask.Set(row, 0, (byte)255);
            mask.Set(row, 1, (byte)255);
        }

        using var sample = new TextureSample(grey, mask);
        using var sink = new RecordingSink();
        PluginParameters parameters = ManifestParameters.Build(
            GlcmReferenceTestsFolder,
            """{"levels": 4, "range": [0, 3], "symmetric": false, "normed": false}""");

        new GlcmPlugin().Extract(sample.Sample, new ExtractionContext(parameters, sink, true, CancellationToken.None));

        (double x, double y) = ColouredCentroid(sink.Images["glcm-matrix-0"]);
        Assert.True(x > 0.5, $"The cells' centroid lies at x = {x:F2} of the plot width; expected the right half.");
        Assert.True(y < 0.5, $"The cells' centroid lies at y = {y:F2} of the height; expected the top half.");
    }

    private static string GlcmReferenceTestsFolder => Glcm.GlcmReferenceTests.PluginFolder;

    /// <summary>Returns the centroid of saturated pixels left of the colour bar, as fractions of that area.</summary>
    private static (double X, double Y) ColouredCentroid(Mat figure)
    {
        int width = (int)(figure.Width * ColourBarStart);
        int height = figure.Height;
        double sumX = 0, sumY = 0;
        long count = 0;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                Vec3b pixel = figure.At<Vec3b>(y, x);
                int saturation = Math.Abs(pixel.Item0 - pixel.Item1) + Math.Abs(pixel.Item1 - pixel.Item2);
                if (saturation > 60)
                {
                    sumX += x;
                    sumY += y;
                    count++;
                }
            }
        }

        Assert.True(count > 0, "The heat map has no coloured pixel.");
        return (sumX / count / width, sumY / count / height);
    }
}
