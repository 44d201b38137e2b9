namespace SC2Mid.Ui.Imaging;

/// <summary>An image reduced for display: 8-bit grey pixels and, when the image has one, its mask.</summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Grey">Row-major grey values, contrast-stretched to 0–255.</param>
/// <param name="Mask">Row-major foreground flags of the same size, or null when the image has no mask.</param>
/// <param name="Description">One line about the source: file, size, bit depth, mask rule and warnings.</param>
internal sealed record PreviewBitmap(int Width, int Height, byte[] Grey, bool[]? Mask, string Description)
{
    /// <summary>Returns the grey value at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public byte GreyAt(int x, int y) => Grey[(y * Width) + x];

    /// <summary>Returns whether (<paramref name="x"/>, <paramref name="y"/>) is mask foreground.</summary>
    public bool IsForeground(int x, int y) => Mask is not null && Mask[(y * Width) + x];
}
