namespace SC2Mid.Texture.Tests;

/// <summary>Named tolerances for comparing plugin output with TestData/reference.json.</summary>
internal static class Tolerances
{
    /// <summary>
    /// Absolute tolerance for co-occurrence matrix entries and the resized HOG input. Entries are counts or counts
    /// divided by their sum, so anything beyond double rounding is a bug.
    /// </summary>
    public const double Matrix = 1e-9;

    /// <summary>
    /// Tolerance for GLCM properties and HOG values, applied as |actual − expected| ≤ 1e-6 · max(1, |expected|).
    /// The sums run in a different order than NumPy's, and HOG cell sums are rounded to float as scikit-image does.
    /// </summary>
    public const double Property = 1e-6;

    /// <summary>Returns the scaled error that <see cref="Property"/> bounds.</summary>
    public static double PropertyError(double actual, double expected) =>
        Math.Abs(actual - expected) / Math.Max(1.0, Math.Abs(expected));
}
