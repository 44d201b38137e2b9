namespace SC2Mid.Plugins.Glcm;

/// <summary>The displacement from the first pixel of a pair, (r, c), to the second, (r + Rows, c + Columns).</summary>
/// <param name="Rows">Row displacement; positive is down, as rows are numbered from the top.</param>
/// <param name="Columns">Column displacement; positive is to the right.</param>
internal readonly record struct PixelOffset(int Rows, int Columns)
{
    /// <summary>The four angles, in degrees, that every matrix set covers, in output order.</summary>
    public static readonly int[] AnglesInDegrees = [0, 45, 90, 135];

    /// <summary>Returns the offset for a distance and an angle of <see cref="AnglesInDegrees"/>.</summary>
    /// <param name="convention">Whose angle definition to follow.</param>
    /// <param name="distance">Distance in pixels, at least 1.</param>
    /// <param name="angleIndex">Index into <see cref="AnglesInDegrees"/>.</param>
    public static PixelOffset For(GlcmConvention convention, int distance, int angleIndex)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(distance, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(angleIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(angleIndex, AnglesInDegrees.Length - 1);
        if (convention == GlcmConvention.Matlab)
        {
            // MATLAB graycomatrix offsets [0 D; -D D; -D 0; -D -D], in (row, column).
            return angleIndex switch
            {
                0 => new PixelOffset(0, distance),
                1 => new PixelOffset(-distance, distance),
                2 => new PixelOffset(-distance, 0),
                _ => new PixelOffset(-distance, -distance),
            };
        }

        // scikit-image 0.19.3 _glcm_loop: offset_row = round(sin(angle) * distance), offset_col = round(cos(angle)
        // * distance), with C's round (halves away from zero) and the angles 0, pi/4, pi/2, 3*pi/4 in radians.
        // The row offset is positive, so 45 degrees pairs with the pixel below and to the right, and a diagonal
        // distance d reaches round(d / sqrt 2) rows and columns: d = 2 gives (1, 1), not (2, 2).
        double angle = angleIndex * Math.PI / 4;
        return new PixelOffset(
            (int)Math.Round(Math.Sin(angle) * distance, MidpointRounding.AwayFromZero),
            (int)Math.Round(Math.Cos(angle) * distance, MidpointRounding.AwayFromZero));
    }
}
