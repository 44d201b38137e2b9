using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace SC2Mid.Cli;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<string[]> PluginDirectories { get; } = new("--plugins")
    {
        Description = "Extra folder of plugins (or one plugin folder) searched after the bundled plugins/ folder. "
            + "Repeatable.",
        Recursive = true,
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<LogLevel> LogLevel { get; } = new("--log-level")
    {
        Description = "Lowest level of log messages written to standard error.",
        DefaultValueFactory = _ => Microsoft.Extensions.Logging.LogLevel.Warning,
        Recursive = true,
    };

    public static Option<string> Features { get; } = new("--features", "-f")
    {
        Description = "Comma-separated plugin ids to run, for example shape,hu (default: every loaded plugin).",
    };

    public static Option<double?> NmPerPixel { get; } = new("--nm-per-px")
    {
        CustomParser = NumberParser.Parse,
        Description = "Pixel size in nm per pixel (nm/px). Lengths are reported in nm and areas in nm^2. "
            + "Overrides a dataset manifest's value.",
    };

    public static Option<double?> ScaleBarPx { get; } = new("--scale-bar-px")
    {
        CustomParser = NumberParser.Parse,
        Description = "Length of the image's scale bar in pixels, as you measured it; needs --scale-bar-nm.",
    };

    public static Option<double?> ScaleBarNm { get; } = new("--scale-bar-nm")
    {
        CustomParser = NumberParser.Parse,
        Description = "Length the scale bar stands for, in nm (the number on its label, converted to nm).",
    };

    public static Option<string?> ScaleBar { get; } = new("--scale-bar")
    {
        Description = "'auto' finds the scale bar (a solid white or black horizontal bar) in each image and measures "
            + "its length in pixels; needs --scale-bar-nm. Found bars are reported in the warnings.",
    };

    public static Option<string[]> Set { get; } = new("--set")
    {
        Description = "Plugin parameter as PLUGIN.PARAM=VALUE (arrays comma-separated). Repeatable; "
            + "'sc2mid plugins list --parameters' shows each parameter's type, range and unit.",
    };

    public static Option<string> Objects { get; } = new("--objects")
    {
        Description = "How the mask is split into objects: 'whole' (all foreground is one object) or 'components' "
            + "(one object per connected component).",
        DefaultValueFactory = _ => "whole",
    };

    public static Option<int> Connectivity { get; } = new("--connectivity")
    {
        Description = "Pixel connectivity for --objects components: 4 or 8 (neighbours).",
        DefaultValueFactory = _ => 8,
    };

    public static Option<DirectoryInfo?> Figures { get; } = new("--figures")
    {
        Description = "Folder where plugins save figures (PNG) and long vectors (CSV), one subfolder per image and "
            + "object. Without it, extract saves none and batch saves vectors only, under OUT/artifacts.",
    };

    public static Option<DirectoryInfo?> SaveCrops { get; } = new("--save-crops")
    {
        Description = "Folder for one image crop and one 0/255 mask crop (PNG) per object, cut to its bounding box "
            + "plus --crop-margin pixels; with --objects components this cuts single particles from a micrograph.",
    };

    public static Option<int> CropMargin { get; } = new("--crop-margin")
    {
        Description = "Pixels added on each side of the bounding box in --save-crops crops.",
        DefaultValueFactory = _ => 8,
    };

    public static Option<int?> Page { get; } = new("--page")
    {
        Description = "1-based page of multi-page TIFF images to read (default: the first, with a warning). The mask "
            + "is read from the same page, so it needs at least as many pages.",
    };

    public static Option<int> Threads { get; } = new("--threads", "-j")
    {
        Description = "Images processed in parallel (default: the number of processor cores).",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    static CommonOptions()
    {
        Objects.AcceptOnlyFromAmong("whole", "components");
        ScaleBar.AcceptOnlyFromAmong("auto");
        Connectivity.AcceptOnlyFromAmong("4", "8");
    }
}
