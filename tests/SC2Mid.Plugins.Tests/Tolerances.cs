namespace SC2Mid.Plugins.Tests;

/// <summary>Named tolerances for comparing plugin output with the values in TestData/reference.json.</summary>
internal static class Tolerances
{
    /// <summary>
    /// Relative tolerance for counts (area, convex area, boundary pixels, Euler number) and raw moments. They are
    /// integers or sums of integer products, so anything beyond double rounding is a bug.
    /// </summary>
    public const double Count = 1e-9;

    /// <summary>Relative tolerance for derived values: perimeters, axes, ratios, angles, Hu invariants.</summary>
    public const double Derived = 1e-6;
}
