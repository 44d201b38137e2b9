using OpenCvSharp;

namespace SC2Mid.Core.Tests.Imaging;

/// <summary>Paths of the bundled sample data and committed test files, and helpers to write synthetic images.</summary>
internal static class ImagingTestFiles
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string CryoEtFolder => Path.Combine(RepositoryRoot, "samples", "cryoet");

    public static string CryoEtTiff => Path.Combine(CryoEtFolder, "TS_001.133.tif");

    public static string CryoEtPng => Path.Combine(CryoEtFolder, "TS_001.133.png");

    public static string CryoEtMaskTiff => Path.Combine(CryoEtFolder, "TS_001.133_ground_truth.tif");

    public static string CryoEtMaskPng => Path.Combine(CryoEtFolder, "TS_001.133_ground_truth.png");

    public static string NiaidJpeg =>
        Path.Combine(RepositoryRoot, "samples", "niaid-tem", "niaid_49534865371_k-1024x800.jpg");

    /// <summary>Committed files made with Pillow and tifffile, as TestData/Imaging/README.md describes.</summary>
    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "Imaging", name);

    /// <summary>
    /// Encodes <paramref name="image"/> in the format that the extension of <paramref name="fileName"/> selects,
    /// writes it into <paramref name="folder"/> and returns its path.
    /// </summary>
    public static string Write(string folder, string fileName, Mat image, params int[] encodeParameters)
    {
        Cv2.ImEncode(Path.GetExtension(fileName), image, out var bytes, encodeParameters);
        var path = Path.Combine(folder, fileName);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SC2Mid.Platform.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder above {AppContext.BaseDirectory} contains SC2Mid.Platform.sln.");
    }
}
