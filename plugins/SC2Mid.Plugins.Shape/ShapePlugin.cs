using System.Buffers;
using System.Globalization;
using OpenCvSharp;
using SC2Mid.Sdk;

namespace SC2Mid.Plugins.Shape;

/// <summary>
/// Shape descriptors of the object's mask: area, four perimeter estimates, moment axes and orientation, Feret
/// diameters, convexity, Euler number and circularity. <c>plugin.json</c> defines every feature.
/// </summary>
/// <remarks>
/// Every non-zero mask pixel belongs to the object, so several components in one mask are measured together as
/// one object, and holes stay holes. Values are in pixels with pixel centres at integer coordinates; the host
/// converts lengths and areas. The plugin keeps no state, so concurrent calls are safe.
/// </remarks>
public sealed class ShapePlugin : IFeaturePlugin
{
    private const string EmptyReason = "The mask has no foreground pixel, so the object has no shape.";

    private static readonly string[] FeatureNames =
    [
        "shape.area", "shape.perimeter", "shape.perimeter_crofton", "shape.perimeter_chain",
        "shape.perimeter_boundary_pixels", "shape.major_axis", "shape.minor_axis", "shape.eccentricity",
        "shape.aspect_ratio", "shape.feret_max", "shape.feret_min", "shape.orientation", "shape.solidity",
        "shape.extent", "shape.equivalent_diameter", "shape.convex_area", "shape.euler_number", "shape.circularity",
    ];

    /// <inheritdoc />
    public FeatureSet Extract(Sample sample, ExtractionContext context)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(context);
        context.CancellationToken.ThrowIfCancellationRequested();

        var features = new FeatureSet();
        Rect box = Cv2.BoundingRect(sample.Mask);
        if (box.Width == 0 || box.Height == 0)
        {
            features.Add("shape.area", 0);
            foreach (string name in FeatureNames.Skip(1))
            {
                features.AddNull(name, EmptyReason);
            }

            return features;
        }

        using var objectRegion = new Mat(sample.Mask, box);
        using var grid = MaskGrid.FromMask(sample.Mask, box);
        long[] configurations = BoundaryMeasures.CountConfigurations(grid);
        long eulerNumber = BoundaryMeasures.EulerNumber8(configurations);
        Outlines outlines = Outlines.Of(objectRegion);
        AddFeatures(features, grid, configurations, outlines, box, eulerNumber);
        AddWarnings(features, sample.Mask, box, outlines.Components, eulerNumber);
        return features;
    }

    private static void AddFeatures(
        FeatureSet features,
        MaskGrid grid,
        long[] configurations,
        Outlines outlines,
        Rect box,
        long eulerNumber)
    {
        double area = grid.Count;
        byte[] border = ArrayPool<byte>.Shared.Rent(grid.Pixels.Length);
        long borderCount = BoundaryMeasures.FindBorderPixels(grid, border);
        double perimeter = BoundaryMeasures.Perimeter(border.AsSpan(0, grid.Pixels.Length), grid);
        ArrayPool<byte>.Shared.Return(border);
        features.Add("shape.area", area);
        features.Add("shape.perimeter", perimeter);
        features.Add("shape.perimeter_crofton", BoundaryMeasures.CroftonPerimeter(configurations));
        features.Add("shape.perimeter_chain", outlines.ChainPerimeter);
        features.Add("shape.perimeter_boundary_pixels", borderCount);

        SecondMoments moments = SecondMoments.Of(grid);
        (double larger, double smaller) = moments.Eigenvalues();
        double majorAxis = 4 * Math.Sqrt(larger);
        double minorAxis = 4 * Math.Sqrt(smaller);
        features.Add("shape.major_axis", majorAxis);
        features.Add("shape.minor_axis", minorAxis);

        // skimage 0.19.3 returns 0 when λ1 = 0, which happens only for a single pixel.
        features.Add("shape.eccentricity", larger > 0 ? Math.Sqrt(1 - (smaller / larger)) : 0);
        if (minorAxis > 0)
        {
            features.Add("shape.aspect_ratio", majorAxis / minorAxis);
        }
        else
        {
            features.AddNull(
                "shape.aspect_ratio",
                "The minor axis is 0 because all pixel centres lie on one straight line, so major/minor is undefined.");
        }

        ConvexHullMeasures hull = ConvexHullMeasures.Of(grid);
        features.Add("shape.feret_max", hull.FeretMaximum);
        features.Add("shape.feret_min", hull.FeretMinimum);
        AddOrientation(features, moments);
        features.Add("shape.solidity", area / hull.ConvexArea);
        features.Add("shape.extent", area / ((double)box.Width * box.Height));
        features.Add("shape.equivalent_diameter", Math.Sqrt(4 * area / Math.PI));
        features.Add("shape.convex_area", hull.ConvexArea);
        features.Add("shape.euler_number", eulerNumber);
        if (perimeter > 0)
        {
            features.Add("shape.circularity", 4 * Math.PI * area / (perimeter * perimeter));
        }
        else
        {
            features.AddNull(
                "shape.circularity",
                "shape.perimeter is 0 for this object (a single pixel, or pixels that touch only at corners), "
                + "so 4πA/P² is undefined.");
        }
    }

    private static void AddOrientation(FeatureSet features, SecondMoments moments)
    {
        double? orientation = moments.Orientation();
        if (orientation.HasValue)
        {
            features.Add("shape.orientation", orientation.Value);
        }
        else
        {
            features.AddNull(
                "shape.orientation",
                "The second moments are isotropic (μrr = μcc and μrc = 0, as for a disk or a square), "
                + "so no axis is preferred.");
        }
    }

    private static void AddWarnings(FeatureSet features, Mat mask, Rect box, int components, long eulerNumber)
    {
        if (box.X == 0 || box.Y == 0 || box.Right == mask.Width || box.Bottom == mask.Height)
        {
            features.Warn(
                "The object touches the image border, so it may be cut off: its area, perimeters, axes and "
                + "Feret diameters describe only the visible part.");
        }

        if (components > 1)
        {
            features.Warn(string.Format(
                CultureInfo.InvariantCulture,
                "The mask contains {0} separate 8-connected components; all shape features measure them together "
                + "as one object. Split the mask into one object per component to measure them one by one.",
                components));
        }

        long holes = components - eulerNumber;
        if (holes > 0)
        {
            features.Warn(string.Format(
                CultureInfo.InvariantCulture,
                "The object has {0} hole(s). Holes are not filled: shape.area excludes them, and shape.perimeter "
                + "and shape.perimeter_crofton include their boundaries.",
                holes));
        }
    }
}
