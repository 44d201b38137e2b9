namespace SC2Mid.Core.Imaging;

/// <summary>One image file directory (IFD) of a TIFF file: one page, with the tags the loader needs.</summary>
/// <param name="Offset">Byte offset of the directory from the start of the TIFF header.</param>
/// <param name="Width">ImageWidth tag (256), or null when absent or not a single integer.</param>
/// <param name="Height">ImageLength tag (257), or null when absent or not a single integer.</param>
/// <param name="Orientation">Orientation tag (274), 1 to 8, or null when absent.</param>
internal sealed record TiffDirectory(long Offset, long? Width, long? Height, int? Orientation);
