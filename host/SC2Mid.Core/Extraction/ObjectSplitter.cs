using OpenCvSharp;

namespace SC2Mid.Core.Extraction;

/// <summary>Splits a 0/255 mask into one 0/255 mask per object.</summary>
internal static class ObjectSplitter
{
    /// <summary>Returns the object masks with their bounding boxes and pixel counts; the caller disposes them.</summary>
    public static List<(Mat Mask, Rect Box, int Count)> Split(Mat mask, ObjectMode mode, int connectivity)
    {
        if (mode == ObjectMode.Whole)
        {
            // An empty mask has no object in either mode, so its image gets the status no_objects.
            var pixels = Cv2.CountNonZero(mask);
            return pixels == 0 ? [] : [(mask.Clone(), Cv2.BoundingRect(mask), pixels)];
        }

        using var labels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        var pixelConnectivity = connectivity == 4 ? PixelConnectivity.Connectivity4 : PixelConnectivity.Connectivity8;
        var count = Cv2.ConnectedComponentsWithStats(mask, labels, stats, centroids, pixelConnectivity, MatType.CV_32S);
        var objects = new List<(Mat, Rect, int)>(count - 1);

        // Label 0 is the background; OpenCV numbers components in raster order of their first pixel.
        for (var label = 1; label < count; label++)
        {
            var objectMask = new Mat();
            Cv2.Compare(labels, new Scalar(label), objectMask, CmpTypes.EQ);
            var box = new Rect(
                stats.At<int>(label, (int)ConnectedComponentsTypes.Left),
                stats.At<int>(label, (int)ConnectedComponentsTypes.Top),
                stats.At<int>(label, (int)ConnectedComponentsTypes.Width),
                stats.At<int>(label, (int)ConnectedComponentsTypes.Height));
            objects.Add((objectMask, box, stats.At<int>(label, (int)ConnectedComponentsTypes.Area)));
        }

        return objects;
    }
}
