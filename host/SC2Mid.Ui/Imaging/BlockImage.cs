namespace SC2Mid.Ui.Imaging;

/// <summary>A preview laid out in terminal cells, two pixels per cell vertically.</summary>
/// <param name="Columns">Cells per row actually used (at most the requested width).</param>
/// <param name="Rows">Rows of cells actually used (at most the requested height).</param>
/// <param name="Cells">Row-major cells.</param>
/// <param name="OutlinePixels">Number of pixels drawn in the outline colour.</param>
internal sealed record BlockImage(int Columns, int Rows, BlockCell[] Cells, int OutlinePixels)
{
    /// <summary>Returns the cell at column <paramref name="column"/> of row <paramref name="row"/>.</summary>
    public BlockCell this[int column, int row] => Cells[(row * Columns) + column];
}
