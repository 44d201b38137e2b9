namespace SC2Mid.Core.Tests.Imaging;

/// <summary>The contents of TestData/Imaging/palette-*.png, as the script in README.md there wrote them.</summary>
internal static class PaletteFixtures
{
    public const int Width = 13;
    public const int Height = 7;

    /// <summary>Palette index of pixel (x, y) in the file with <paramref name="colourCount"/> colours.</summary>
    public static int Index(int x, int y, int colourCount) => ((5 * x) + (3 * y)) % colourCount;
}
