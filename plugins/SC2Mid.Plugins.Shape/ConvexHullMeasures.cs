namespace SC2Mid.Plugins.Shape;

/// <summary>
/// Convex area and Feret diameters as scikit-image 0.19.3 regionprops defines them, computed with exact integer
/// geometry on half-pixel coordinates.
/// </summary>
/// <remarks>
/// <para>
/// <c>convex_hull_image</c> represents each pixel (r, c) by its four edge midpoints (r ± ½, c) and (r, c ± ½),
/// takes their convex hull, and keeps every pixel whose centre lies inside or on that polygon.
/// <see cref="ConvexArea"/> counts those pixels.
/// </para>
/// <para>
/// <c>feret_diameter_max</c> takes the 0.5-level contour of that convex-hull image. On a binary image every
/// contour vertex is the midpoint between a hull pixel and a 4-neighbour outside the hull, so a single pixel
/// measures 1 px, not √2. <see cref="FeretMaximum"/> and <see cref="FeretMinimum"/> use the same points.
/// </para>
/// </remarks>
internal sealed class ConvexHullMeasures
{
    private readonly List<DoubledPoint> _outline;

    private ConvexHullMeasures(long convexArea, List<DoubledPoint> outline)
    {
        ConvexArea = convexArea;
        _outline = outline;
    }

    /// <summary>Number of pixels in the convex-hull image.</summary>
    public long ConvexArea { get; }

    /// <summary>Maximum distance between two outline points of the convex-hull image, in px.</summary>
    public double FeretMaximum
    {
        get
        {
            // Hulls of pixel sets have few vertices (49 for the 490 px wide cryo-ET sample), so all pairs are cheap.
            long maximum = 0;
            for (int i = 0; i < _outline.Count; i++)
            {
                for (int j = i + 1; j < _outline.Count; j++)
                {
                    maximum = Math.Max(maximum, DoubledPoint.DistanceSquared(_outline[i], _outline[j]));
                }
            }

            return Math.Sqrt(maximum) / 2;
        }
    }

    /// <summary>
    /// Minimum caliper width of the same outline points, in px. The minimum width of a convex polygon is reached
    /// with one caliper flush with an edge, so it is the minimum over edges of the largest vertex distance from
    /// the edge's line.
    /// </summary>
    public double FeretMinimum
    {
        get
        {
            double minimum = double.PositiveInfinity;
            for (int i = 0; i < _outline.Count; i++)
            {
                DoubledPoint a = _outline[i];
                DoubledPoint b = _outline[(i + 1) % _outline.Count];
                long farthest = 0;
                foreach (DoubledPoint vertex in _outline)
                {
                    farthest = Math.Max(farthest, Math.Abs(DoubledPoint.Cross(a, b, vertex)));
                }

                minimum = Math.Min(minimum, farthest / Math.Sqrt(DoubledPoint.DistanceSquared(a, b)));
            }

            return minimum / 2;
        }
    }

    /// <summary>Computes the convex-hull image of the grid's foreground and the outline points of that image.</summary>
    /// <param name="grid">A grid with at least one foreground pixel.</param>
    public static ConvexHullMeasures Of(MaskGrid grid)
    {
        List<DoubledPoint> hull = ConvexHull(PixelEdgeMidpoints(grid));
        var spans = new (long First, long Last)[grid.Rows];
        long convexArea = 0;
        for (int row = 0; row < grid.Rows; row++)
        {
            spans[row] = ColumnsInside(hull, row);
            if (spans[row].First <= spans[row].Last)
            {
                convexArea += spans[row].Last - spans[row].First + 1;
            }
        }

        return new ConvexHullMeasures(convexArea, ConvexHull(OutlineMidpoints(spans)));
    }

    /// <summary>
    /// Yields the edge midpoints of the first and last foreground pixel of each row. Every vertex of the hull of
    /// all pixels' midpoints belongs to such a pixel, as in skimage's <c>possible_hull</c>.
    /// </summary>
    private static HullCandidates PixelEdgeMidpoints(MaskGrid grid)
    {
        var points = new HullCandidates(grid.Rows);
        ReadOnlySpan<byte> pixels = grid.Pixels;
        for (int row = 0; row < grid.Rows; row++)
        {
            ReadOnlySpan<byte> line = pixels.Slice(row * grid.Columns, grid.Columns);
            int first = line.IndexOfAnyExcept((byte)0);
            if (first >= 0)
            {
                AddDiamond(points, row, first);
                AddDiamond(points, row, line.LastIndexOfAnyExcept((byte)0));
            }
        }

        return points;
    }

    private static void AddDiamond(HullCandidates points, long row, long column)
    {
        points.Add((2 * column) - 1, 2 * row);
        points.Add((2 * column) + 1, 2 * row);
        points.Add(2 * column, (2 * row) - 1);
        points.Add(2 * column, (2 * row) + 1);
    }

    /// <summary>
    /// Returns the first and last column whose pixel centre in <paramref name="row"/> lies inside or on the
    /// counter-clockwise convex polygon <paramref name="hull"/>; First &gt; Last when there is none.
    /// </summary>
    private static (long First, long Last) ColumnsInside(List<DoubledPoint> hull, long row)
    {
        long first = long.MinValue;
        long last = long.MaxValue;
        long y = 2 * row;
        for (int i = 0; i < hull.Count; i++)
        {
            DoubledPoint a = hull[i];
            DoubledPoint b = hull[(i + 1) % hull.Count];

            // Cross(a, b, (2c, y)) >= 0 is linear in the column c: slope·c + offset >= 0.
            long slope = -2 * (b.Y - a.Y);
            long offset = ((b.X - a.X) * (y - a.Y)) + ((b.Y - a.Y) * a.X);
            if (slope > 0)
            {
                first = Math.Max(first, CeilingDivide(-offset, slope));
            }
            else if (slope < 0)
            {
                last = Math.Min(last, FloorDivide(offset, -slope));
            }
            else if (offset < 0)
            {
                return (1, 0);
            }
        }

        return (first, last);
    }

    /// <summary>
    /// Yields the midpoints between hull-image pixels and their 4-neighbours outside it, given the hull image as
    /// one span of columns per row. Only run ends are kept: points between them on the same line never become
    /// hull vertices.
    /// </summary>
    private static HullCandidates OutlineMidpoints((long First, long Last)[] spans)
    {
        var points = new HullCandidates(spans.Length);
        for (int row = 0; row < spans.Length; row++)
        {
            (long first, long last) = spans[row];
            if (first > last)
            {
                continue;
            }

            points.Add((2 * first) - 1, 2 * row);
            points.Add((2 * last) + 1, 2 * row);
            AddUncoveredRunEnds(points, spans[row], row == 0 ? (1, 0) : spans[row - 1], (2 * row) - 1);
            AddUncoveredRunEnds(points, spans[row], row == spans.Length - 1 ? (1, 0) : spans[row + 1], (2 * row) + 1);
        }

        return points;
    }

    /// <summary>Adds, at height <paramref name="y"/>, the ends of the runs of <paramref name="span"/> that
    /// <paramref name="neighbour"/> does not cover.</summary>
    private static void AddUncoveredRunEnds(
        HullCandidates points,
        (long First, long Last) span,
        (long First, long Last) neighbour,
        long y)
    {
        if (neighbour.First > neighbour.Last)
        {
            AddRunEnds(points, span.First, span.Last, y);
            return;
        }

        AddRunEnds(points, span.First, Math.Min(span.Last, neighbour.First - 1), y);
        AddRunEnds(points, Math.Max(span.First, neighbour.Last + 1), span.Last, y);
    }

    private static void AddRunEnds(HullCandidates points, long first, long last, long y)
    {
        if (first <= last)
        {
            points.Add(2 * first, y);
            points.Add(2 * last, y);
        }
    }

    /// <summary>
    /// Returns the convex hull in counter-clockwise order without collinear vertices (Andrew's monotone chain).
    /// </summary>
    /// <remarks>
    /// The candidates come sorted by Y ascending, then X descending: Andrew's order (X, then Y) in a frame turned
    /// by 90 degrees. Turning preserves the orientation, so the hull is the same counter-clockwise polygon, and no
    /// sort is needed.
    /// </remarks>
    private static List<DoubledPoint> ConvexHull(HullCandidates candidates)
    {
        List<DoubledPoint> sorted = candidates.InOrder();
        if (sorted.Count < 3)
        {
            return sorted;
        }

        var hull = new List<DoubledPoint>(2 * sorted.Count);
        foreach (DoubledPoint point in sorted)
        {
            AppendTurningLeft(hull, point, 2);
        }

        int lowerCount = hull.Count + 1;
        for (int i = sorted.Count - 2; i >= 0; i--)
        {
            AppendTurningLeft(hull, sorted[i], lowerCount);
        }

        hull.RemoveAt(hull.Count - 1);
        return hull;
    }

    private static void AppendTurningLeft(List<DoubledPoint> hull, DoubledPoint point, int minimumCount)
    {
        while (hull.Count >= minimumCount && DoubledPoint.Cross(hull[^2], hull[^1], point) <= 0)
        {
            hull.RemoveAt(hull.Count - 1);
        }

        hull.Add(point);
    }

    private static long FloorDivide(long numerator, long denominator)
    {
        long quotient = Math.DivRem(numerator, denominator, out long remainder);
        return remainder != 0 && (remainder < 0) != (denominator < 0) ? quotient - 1 : quotient;
    }

    private static long CeilingDivide(long numerator, long denominator) => -FloorDivide(-numerator, denominator);

    /// <summary>
    /// Candidate hull vertices on the horizontal lines Y = −1 .. 2·rows + 1 of a grid. Only the leftmost and the
    /// rightmost point of a line can be a vertex, so each line keeps just those two.
    /// </summary>
    private sealed class HullCandidates
    {
        private readonly long[] _least;
        private readonly long[] _greatest;

        public HullCandidates(int rows)
        {
            _least = new long[(2 * rows) + 3];
            _greatest = new long[_least.Length];
            Array.Fill(_least, long.MaxValue);
            Array.Fill(_greatest, long.MinValue);
        }

        public void Add(long x, long y)
        {
            int line = (int)(y + 1);
            _least[line] = Math.Min(_least[line], x);
            _greatest[line] = Math.Max(_greatest[line], x);
        }

        /// <summary>Returns the distinct candidates, by Y ascending and then X descending.</summary>
        public List<DoubledPoint> InOrder()
        {
            var points = new List<DoubledPoint>();
            for (int line = 0; line < _least.Length; line++)
            {
                if (_least[line] > _greatest[line])
                {
                    continue;
                }

                points.Add(new DoubledPoint(_greatest[line], line - 1));
                if (_least[line] < _greatest[line])
                {
                    points.Add(new DoubledPoint(_least[line], line - 1));
                }
            }

            return points;
        }
    }
}
