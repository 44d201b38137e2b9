namespace SC2Mid.Core.Imaging;

/// <summary>Location of one PNG chunk's data inside the file bytes.</summary>
/// <param name="Type">Four-letter chunk type, such as <c>IHDR</c>, <c>PLTE</c> or <c>IDAT</c>.</param>
/// <param name="DataOffset">Offset of the first data byte, after the length and type fields.</param>
/// <param name="Length">Number of data bytes, without the trailing CRC.</param>
internal readonly record struct PngChunk(string Type, int DataOffset, int Length);
