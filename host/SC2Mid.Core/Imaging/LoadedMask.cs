using OpenCvSharp;

namespace SC2Mid.Core.Imaging;

/// <summary>A ground-truth mask file reduced to foreground and background.</summary>
/// <remarks>The instance owns <see cref="Mask"/> and disposes it in <see cref="Dispose"/>.</remarks>
public sealed class LoadedMask : IDisposable
{
    internal LoadedMask(string path, string sha256, Mat mask, string foregroundRule, IReadOnlyList<string> warnings)
    {
        Path = path;
        Sha256 = sha256;
        Mask = mask;
        ForegroundRule = foregroundRule;
        Warnings = warnings;
    }

    /// <summary>The path the mask was loaded from, as given to <see cref="ImageLoader.LoadMask"/>.</summary>
    public string Path { get; }

    /// <summary>SHA-256 of the file bytes in lowercase hexadecimal, for provenance.</summary>
    public string Sha256 { get; }

    /// <summary>CV_8UC1 matrix: 255 on foreground pixels, 0 on background.</summary>
    public Mat Mask { get; }

    /// <summary>
    /// The rule that decided foreground, for provenance, for example <c>"value > 0 (lossless)"</c>,
    /// <c>"value > 127 (JPEG)"</c> or <c>"palette index != 0"</c>.
    /// </summary>
    public string ForegroundRule { get; }

    /// <summary>Conditions that did not stop loading but may affect results, such as lossy compression.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Releases the native memory of <see cref="Mask"/>.</summary>
    public void Dispose() => Mask.Dispose();
}
