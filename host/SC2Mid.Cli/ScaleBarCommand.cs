using System.CommandLine;
using System.Globalization;
using SC2Mid.Core.Imaging;
using SC2Mid.Core.Scaling;

namespace SC2Mid.Cli;

/// <summary><c>sc2mid scale-bar</c>: finds and measures the scale bar of images, to check before a batch.</summary>
internal static class ScaleBarCommand
{
    /// <summary>Candidates listed per image after the one that would be used.</summary>
    private const int ListedAlternatives = 2;

    private static readonly Argument<FileInfo[]> Images = new("IMAGE")
    {
        Description = "Image files to search for a scale bar.",
        Arity = ArgumentArity.OneOrMore,
    };

    public static Command Create()
    {
        var command = new Command(
            "scale-bar",
            "Find the scale bar (a solid white or black horizontal bar) in images and print its length in pixels, "
            + "and the pixel size in nm/px when --scale-bar-nm is given.")
        {
            Images, CommonOptions.ScaleBarNm,
        };
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parse)
    {
        var nanometres = parse.GetValue(CommonOptions.ScaleBarNm);
        var loader = new ImageLoader(new ImageLoadOptions());
        var allFound = true;
        foreach (var file in parse.GetValue(Images)!)
        {
            try
            {
                using var image = loader.LoadImage(file.FullName);
                var bars = ScaleBarDetector.FindAll(image.Grey);
                if (bars.Count == 0)
                {
                    Console.Out.WriteLine($"{file.FullName}: no scale bar found");
                    allFound = false;
                    continue;
                }

                var size = nanometres is { } nm
                    ? string.Create(CultureInfo.InvariantCulture, $" -> {nm / bars[0].LengthPx:G6} nm/px")
                    : string.Empty;
                Console.Out.WriteLine($"{file.FullName}: {bars[0]}{size}");
                foreach (var alternative in bars.Skip(1).Take(ListedAlternatives))
                {
                    Console.Out.WriteLine($"  also: {alternative}");
                }
            }
            catch (ImageLoadException exception)
            {
                Console.Error.WriteLine($"error: {exception.Message}");
                allFound = false;
            }
        }

        return allFound ? ExitCodes.Success : ExitCodes.PartialFailure;
    }
}
