namespace SC2Mid.Plugins.Hog;

/// <summary>The arguments of one HOG computation, as scikit-image's <c>hog</c> names them.</summary>
/// <param name="Orientations">Unsigned orientation bins over 0..180 degrees.</param>
/// <param name="PixelsPerCell">Cell edge in pixels (square cells).</param>
/// <param name="CellsPerBlock">Block edge in cells (square blocks).</param>
/// <param name="BlockNorm">Block normalisation.</param>
/// <param name="TransformSqrt">Take the square root of every pixel before the gradient.</param>
internal sealed record HogOptions(
    int Orientations,
    int PixelsPerCell,
    int CellsPerBlock,
    HogBlockNorm BlockNorm,
    bool TransformSqrt)
{
    /// <summary>Smallest image edge in pixels that holds one block.</summary>
    public int MinimumSize => PixelsPerCell * CellsPerBlock;

    /// <summary>Returns the block normalisation's name as scikit-image spells it.</summary>
    public string BlockNormName =>
        BlockNorm switch
        {
            HogBlockNorm.L1 => "L1",
            HogBlockNorm.L1Sqrt => "L1-sqrt",
            HogBlockNorm.L2 => "L2",
            _ => "L2-Hys",
        };
}
