using System.Globalization;
using SC2Mid.Sdk;

namespace SC2Mid.Plugins.Glcm;

/// <summary>
/// Grey-level co-occurrence matrix (GLCM) texture of the object: contrast, dissimilarity, homogeneity, ASM, energy
/// and correlation at 0, 45, 90 and 135 degrees and their mean, for one or more pair distances.
/// <c>plugin.json</c> defines every feature and parameter.
/// </summary>
/// <remarks>
/// With the default parameters (distance 1, 256 levels, pairs inside the mask, symmetric, scikit-image convention)
/// the values equal scikit-image 0.19.3's <c>graycoprops</c> of <c>graycomatrix</c> restricted to pairs whose
/// two pixels lie in the mask. The plugin keeps no state, so concurrent calls are safe.
/// </remarks>
public sealed class GlcmPlugin : IDynamicFeaturePlugin
{
    private const string EmptyReason = "The mask has no foreground pixel, so there is no pixel pair to count.";

    /// <inheritdoc />
    /// <remarks>
    /// Lists the features of every distance after the first, named
    /// <c>glcm.&lt;property&gt;.d&lt;d&gt;.&lt;angle&gt;</c>. The manifest declares the first distance's features,
    /// so the default <c>distances = [1]</c> adds none.
    /// </remarks>
    public IReadOnlyList<FeatureDeclaration> DescribeFeatures(PluginParameters parameters)
    {
        GlcmSettings settings = GlcmSettings.From(parameters);
        var declarations = new List<FeatureDeclaration>();
        for (int k = 1; k < settings.Distances.Count; k++)
        {
            int distance = settings.Distances[k];
            foreach (string property in GlcmFeatureNames.Properties)
            {
                foreach (string angle in GlcmFeatureNames.AngleSegments)
                {
                    string where = angle == "mean" ? "mean over the four angles" : $"angle {angle} degrees";
                    declarations.Add(new FeatureDeclaration(
                        GlcmFeatureNames.Of(property, k, distance, angle),
                        FeatureDimension.Dimensionless,
                        string.Format(
                            CultureInfo.InvariantCulture,
                            "GLCM {0} at distance {1} px, {2}; defined as glcm.{0}.{3}.",
                            property,
                            distance,
                            where,
                            angle)));
                }
            }
        }

        return declarations;
    }

    /// <inheritdoc />
    public FeatureSet Extract(Sample sample, ExtractionContext context)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(context);
        context.CancellationToken.ThrowIfCancellationRequested();

        GlcmSettings settings = GlcmSettings.From(context.Parameters);
        var features = new FeatureSet();
        features.Add(GlcmFeatureNames.Distance, settings.Distances[0]);
        using LevelImage? image = LevelImage.Create(sample.Grey, sample.Mask, sample.BitDepth, settings);
        if (image is null)
        {
            AddAllNull(features, settings, EmptyReason);
            return features;
        }

        features.Add(GlcmFeatureNames.LevelsUsed, image.LevelsUsed);
        WarnAboutLevels(features, image, settings);

        int flatMatrices = 0;
        for (int k = 0; k < settings.Distances.Count; k++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var matrices = new CooccurrenceMatrix[PixelOffset.AnglesInDegrees.Length];
            var properties = new GlcmProperties?[matrices.Length];
            for (int a = 0; a < matrices.Length; a++)
            {
                PixelOffset offset = PixelOffset.For(settings.Convention, settings.Distances[k], a);
                matrices[a] = CooccurrenceMatrix.Count(
                    image, settings.Levels, offset, settings.Symmetric, settings.Normed);
                properties[a] = matrices[a].PairCount > 0 ? GlcmProperties.Of(matrices[a], settings.Convention) : null;
                flatMatrices += properties[a] is { IsFlat: true } ? 1 : 0;
            }

            AddDistance(features, k, settings.Distances[k], properties);
            if (k == 0 && context.FiguresRequested && context.Artifacts is not null)
            {
                GlcmFigures.Save(context.Artifacts, matrices, properties, image, settings);
            }

            foreach (CooccurrenceMatrix matrix in matrices)
            {
                matrix.Dispose();
            }
        }

        features.Add(GlcmFeatureNames.FlatMatrices, flatMatrices);
        if (flatMatrices > 0)
        {
            features.Warn(string.Format(
                CultureInfo.InvariantCulture,
                "{0} co-occurrence matrices have a marginal standard deviation below 1e-15 (all counted pairs "
                + "share one grey level on one side), so their correlation is undefined and set to 1 as "
                + "scikit-image does.",
                flatMatrices));
        }

        return features;
    }

    private static void AddDistance(FeatureSet features, int distanceIndex, int distance, GlcmProperties?[] properties)
    {
        for (int p = 0; p < GlcmFeatureNames.Properties.Length; p++)
        {
            string property = GlcmFeatureNames.Properties[p];
            double sum = 0;
            string? missingReason = null;
            for (int a = 0; a < properties.Length; a++)
            {
                string name = GlcmFeatureNames.Of(property, distanceIndex, distance, GlcmFeatureNames.AngleSegments[a]);
                if (properties[a] is { } value)
                {
                    double number = Select(value, p);
                    sum += number;
                    features.Add(name, number);
                }
                else
                {
                    missingReason = string.Format(
                        CultureInfo.InvariantCulture,
                        "No two pixels of the region are {0} px apart at {1} degrees, so the co-occurrence matrix "
                        + "is empty.",
                        distance,
                        PixelOffset.AnglesInDegrees[a]);
                    features.AddNull(name, missingReason);
                }
            }

            string meanName = GlcmFeatureNames.Of(property, distanceIndex, distance, "mean");
            if (missingReason is null)
            {
                features.Add(meanName, sum / properties.Length);
            }
            else
            {
                features.AddNull(
                    meanName, "At least one angle has no pixel pair, so the mean over angles is undefined.");
            }
        }
    }

    private static double Select(GlcmProperties value, int propertyIndex) =>
        propertyIndex switch
        {
            0 => value.Contrast,
            1 => value.Dissimilarity,
            2 => value.Homogeneity,
            3 => value.Asm,
            4 => value.Energy,
            _ => value.Correlation,
        };

    private static void WarnAboutLevels(FeatureSet features, LevelImage image, GlcmSettings settings)
    {
        if (image.LevelsUsed <= 2)
        {
            features.Warn(string.Format(
                CultureInfo.InvariantCulture,
                "The region uses only {0} of {1} grey levels (grey values {2}..{3} map to levels 0..{4}), so the "
                + "texture features carry little information. Check glcm.range, or the image's contrast.",
                image.LevelsUsed,
                settings.Levels,
                image.Low,
                image.High,
                settings.Levels - 1));
        }

        if (image.ClampedPixels > 0)
        {
            features.Warn(string.Format(
                CultureInfo.InvariantCulture,
                "{0} region pixels lie outside glcm.range {1}..{2} and were counted at the nearest end of the range.",
                image.ClampedPixels,
                image.Low,
                image.High));
        }
    }

    private static void AddAllNull(FeatureSet features, GlcmSettings settings, string reason)
    {
        features.AddNull(GlcmFeatureNames.LevelsUsed, reason);
        features.AddNull(GlcmFeatureNames.FlatMatrices, reason);
        for (int k = 0; k < settings.Distances.Count; k++)
        {
            foreach (string property in GlcmFeatureNames.Properties)
            {
                foreach (string angle in GlcmFeatureNames.AngleSegments)
                {
                    features.AddNull(GlcmFeatureNames.Of(property, k, settings.Distances[k], angle), reason);
                }
            }
        }
    }
}
