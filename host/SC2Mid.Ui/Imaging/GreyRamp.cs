namespace SC2Mid.Ui.Imaging;

/// <summary>
/// The grey levels of the xterm 256-colour palette: black (index 16), the 24-step ramp 232–255 with values
/// 8 + 10·k, and white (index 231).
/// </summary>
/// <remarks>
/// Previews are quantized to these 26 levels so that a terminal (or tmux) that maps true colour to the 256-colour
/// palette shows exactly the grey that was chosen, instead of rounding each cell differently.
/// </remarks>
internal static class GreyRamp
{
    /// <summary>Number of distinct grey levels.</summary>
    public const int LevelCount = 26;

    private static readonly byte[] Levels = BuildLevels();

    /// <summary>Returns the palette grey value (0–255) nearest to <paramref name="grey"/>.</summary>
    public static byte Quantize(byte grey) => Levels[IndexOf(grey)];

    /// <summary>Returns the xterm 256-colour palette index of the grey nearest to <paramref name="grey"/>.</summary>
    public static int PaletteIndex(byte grey)
    {
        var index = IndexOf(grey);
        return index switch
        {
            0 => 16,
            LevelCount - 1 => 231,
            _ => 232 + index - 1,
        };
    }

    private static int IndexOf(byte grey)
    {
        var best = 0;
        for (var i = 1; i < Levels.Length; i++)
        {
            if (Math.Abs(Levels[i] - grey) < Math.Abs(Levels[best] - grey))
            {
                best = i;
            }
        }

        return best;
    }

    private static byte[] BuildLevels()
    {
        var levels = new byte[LevelCount];
        levels[0] = 0;
        for (var k = 0; k < 24; k++)
        {
            levels[k + 1] = (byte)(8 + (10 * k));
        }

        levels[LevelCount - 1] = 255;
        return levels;
    }
}
