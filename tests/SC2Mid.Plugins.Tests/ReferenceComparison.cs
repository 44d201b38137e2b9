namespace SC2Mid.Plugins.Tests;

/// <summary>Error measures and tolerances for comparing feature values with reference values.</summary>
internal static class ReferenceComparison
{
    private static readonly HashSet<string> CountFeatures =
    [
        "shape.area", "shape.perimeter_boundary_pixels", "shape.convex_area", "shape.euler_number",
    ];

    /// <summary>Returns the tolerance that <see cref="Error"/> is held to for a feature.</summary>
    public static double ToleranceFor(string feature) =>
        CountFeatures.Contains(feature) ? Tolerances.Count : Tolerances.Derived;

    /// <summary>
    /// Returns the error of <paramref name="actual"/>, relative to the larger of |expected| and the feature's scale.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>Orientation is an axis, so the error is the angle between the two axes modulo π, in radians.</item>
    /// <item>
    /// The minor axis is scaled by the major axis: LAPACK, which scikit-image uses, returns the small eigenvalue
    /// of a thin object with an absolute error of order ε·λ1, so only errors relative to λ1 are meaningful.
    /// </item>
    /// <item>
    /// Hu invariants have no scale: their magnitudes range from 0.4 down to 1e-20, and both sides come from
    /// OpenCV's own moments and HuMoments, so they are compared relative to the expected value alone.
    /// </item>
    /// <item>Other features use a scale of 1, so values near 0 are compared in absolute terms.</item>
    /// </list>
    /// </remarks>
    public static double Error(string feature, double actual, double expected, ReferenceCase referenceCase)
    {
        if (feature == "shape.orientation")
        {
            double difference = Math.Abs(actual - expected) % Math.PI;
            return Math.Min(difference, Math.PI - difference);
        }

        double scale = feature switch
        {
            "shape.minor_axis" => referenceCase.Features["shape.major_axis"] ?? 1,
            _ when feature.StartsWith("hu.", StringComparison.Ordinal) => 0,
            _ => 1,
        };
        double denominator = Math.Max(Math.Abs(expected), scale);
        return denominator == 0 ? Math.Abs(actual - expected) : Math.Abs(actual - expected) / denominator;
    }
}
