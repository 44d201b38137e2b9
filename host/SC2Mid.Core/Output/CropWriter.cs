using System.Globalization;
using OpenCvSharp;

namespace SC2Mid.Core.Output;

/// <summary>
/// Saves one crop per object: the original pixels and the object's 0/255 mask, cut to the object's bounding box
/// plus a margin, as lossless PNG. This is how single-particle images are cut from multi-particle micrographs.
/// </summary>
public static class CropWriter
{
    /// <summary>Saves the image and mask crops of one object and returns their records.</summary>
    /// <param name="folder">Root folder of the crops; files go to <c>folder/IMAGE/object-N.(image|mask).png</c>.</param>
    /// <param name="imageId">Dataset id of the image.</param>
    /// <param name="objectId">1-based object id.</param>
    /// <param name="original">The image as decoded (8- or 16-bit, 1, 3 or 4 channels).</param>
    /// <param name="mask">The object's CV_8UC1 mask.</param>
    /// <param name="box">The object's bounding box.</param>
    /// <param name="margin">Pixels added on each side of the box, clipped to the image.</param>
    public static IReadOnlyList<ArtifactRecord> Save(
        string folder,
        string imageId,
        int objectId,
        Mat original,
        Mat mask,
        Rect box,
        int margin)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentOutOfRangeException.ThrowIfNegative(margin);
        if (box.Width == 0 || box.Height == 0)
        {
            return [];
        }

        var padded = new Rect(box.X - margin, box.Y - margin, box.Width + (2 * margin), box.Height + (2 * margin))
            & new Rect(0, 0, original.Width, original.Height);
        var stem = $"{FolderArtifactSink.SafeName(imageId)}/object-{objectId.ToString(CultureInfo.InvariantCulture)}";
        var records = new List<ArtifactRecord>(2);
        foreach (var (kind, source) in new[] { ("image", original), ("mask", mask) })
        {
            using var crop = new Mat(source, padded);
            Cv2.ImEncode(".png", crop, out var bytes);
            var relative = $"{stem}.{kind}.png";
            AtomicFile.Write(Path.Combine(folder, relative), stream => stream.Write(bytes));
            records.Add(new ArtifactRecord("crop", objectId, "crop", kind, relative));
        }

        return records;
    }
}
