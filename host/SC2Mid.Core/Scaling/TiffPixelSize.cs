namespace SC2Mid.Core.Scaling;

/// <summary>What a TIFF file's resolution tags give: a pixel size, a reason it is unusable, or nothing.</summary>
/// <param name="NmPerPixel">Pixel size in nm, or null when the tags give none.</param>
/// <param name="Description">Where the size comes from, for provenance; null when there is no size.</param>
/// <param name="Warning">Why tags that exist cannot be used (unknown unit, unequal axes), or null.</param>
public sealed record TiffPixelSize(double? NmPerPixel, string? Description, string? Warning)
{
    /// <summary>The result for a file that is not a TIFF or has no resolution tags.</summary>
    public static TiffPixelSize None { get; } = new(null, null, null);

    /// <summary>Reads the resolution tags of a whole file.</summary>
    public static TiffPixelSize Read(ReadOnlySpan<byte> file)
    {
        var found = TiffResolution.TryRead(file, out var warning);
        return new TiffPixelSize(found?.NmPerPixel, found?.Description, warning);
    }
}
