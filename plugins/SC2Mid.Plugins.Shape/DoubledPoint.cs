namespace SC2Mid.Plugins.Shape;

/// <summary>
/// A point at whole or half pixel coordinates, stored as twice its column (X) and twice its row (Y) so that
/// pixel centres and pixel edge midpoints are exact integers.
/// </summary>
/// <param name="X">2 × column.</param>
/// <param name="Y">2 × row.</param>
internal readonly record struct DoubledPoint(long X, long Y)
{
    /// <summary>
    /// Returns the z component of (b − a) × (c − a): positive when a, b, c turn counter-clockwise in (X, Y).
    /// </summary>
    public static long Cross(DoubledPoint a, DoubledPoint b, DoubledPoint c) =>
        ((b.X - a.X) * (c.Y - a.Y)) - ((b.Y - a.Y) * (c.X - a.X));

    /// <summary>Returns the squared distance in doubled units (4 × the squared distance in pixels).</summary>
    public static long DistanceSquared(DoubledPoint a, DoubledPoint b)
    {
        long dx = b.X - a.X;
        long dy = b.Y - a.Y;
        return (dx * dx) + (dy * dy);
    }
}
