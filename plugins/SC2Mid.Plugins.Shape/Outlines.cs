using OpenCvSharp;

namespace SC2Mid.Plugins.Shape;

/// <summary>The 8-connected contours of the mask: the chain perimeter and the number of components.</summary>
/// <param name="ChainPerimeter">
/// Summed closed arc length of the outer contours through the boundary pixel centres, for components that do not
/// lie inside a hole of another component.
/// </param>
/// <param name="Components">Number of 8-connected foreground components, nested ones included.</param>
internal readonly record struct Outlines(double ChainPerimeter, int Components)
{
    /// <summary>Traces every contour of <paramref name="objectRegion"/> once.</summary>
    /// <param name="objectRegion">A CV_8UC1 view of the mask's bounding box; only read.</param>
    public static Outlines Of(Mat objectRegion)
    {
        // findContours in OpenCV 4 leaves its input unchanged and treats pixels beyond the matrix as background,
        // so the view into the host's shared mask can be passed as it is. Tests pin both behaviours.
        Cv2.FindContours(
            objectRegion,
            out Point[][] contours,
            out HierarchyIndex[] hierarchy,
            RetrievalModes.Tree,
            ContourApproximationModes.ApproxNone);

        // In the tree, outer boundaries sit at even depths and hole boundaries at odd ones. Each component has
        // exactly one outer boundary, and the top-level ones are what RETR_EXTERNAL would return.
        double chain = 0;
        int components = 0;
        for (int k = 0; k < contours.Length; k++)
        {
            components += Depth(hierarchy, k) % 2 == 0 ? 1 : 0;
            chain += hierarchy[k].Parent < 0 ? Cv2.ArcLength(contours[k], closed: true) : 0;
        }

        return new Outlines(chain, components);
    }

    private static int Depth(HierarchyIndex[] hierarchy, int index)
    {
        int depth = 0;
        for (int parent = hierarchy[index].Parent; parent >= 0; parent = hierarchy[parent].Parent)
        {
            depth++;
        }

        return depth;
    }
}
