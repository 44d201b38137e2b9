using System.Globalization;
using OpenCvSharp;

namespace SC2Mid.Recipes.Tests;

/// <summary>Writes a small dataset whose one mask contains three separate disks, as a multi-particle
/// micrograph.</summary>
internal static class SyntheticDataset
{
    /// <summary>Writes disks.png, disks_mask.png and a manifest; returns the manifest path.</summary>
    public static string WriteThreeDisks(string folder, double? nmPerPixel = null)
    {
        Directory.CreateDirectory(folder);
        using var image = new Mat(120, 200, MatType.CV_8UC1, new Scalar(90));
        using var mask = new Mat(120, 200, MatType.CV_8UC1, new Scalar(0));
        foreach (var (x, y, radius) in new[] { (35, 40, 20), (100, 70, 25), (165, 45, 15) })
        {
            Cv2.Circle(image, new Point(x, y), radius, new Scalar(170), thickness: -1);
            Cv2.Circle(mask, new Point(x, y), radius, new Scalar(255), thickness: -1);
        }

        Cv2.ImWrite(Path.Combine(folder, "disks.png"), image);
        Cv2.ImWrite(Path.Combine(folder, "disks_mask.png"), mask);
        var scale = nmPerPixel?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;
        var manifest = Path.Combine(folder, "dataset.csv");
        File.WriteAllText(manifest, $"image,mask,nm_per_px\ndisks.png,disks_mask.png,{scale}\n");
        return manifest;
    }
}
