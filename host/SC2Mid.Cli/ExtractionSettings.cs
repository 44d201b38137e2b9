using System.CommandLine;
using System.Globalization;
using SC2Mid.Core.Extraction;
using SC2Mid.Core.Imaging;
using SC2Mid.Core.Scaling;
using SC2Mid.Sdk;

namespace SC2Mid.Cli;

/// <summary>Turns the shared extraction options of a parse result into <see cref="ExtractionOptions"/>.</summary>
internal static class ExtractionSettings
{
    /// <summary>Smallest accepted pixel size, 1 pm, far below any electron microscope's pixel.</summary>
    private const double MinNmPerPixel = 1e-3;

    /// <summary>Largest accepted pixel size, 1 mm; larger values are typing errors, not micrographs.</summary>
    private const double MaxNmPerPixel = 1e6;

    /// <exception cref="UsageException">An option value is invalid.</exception>
    /// <param name="parse">The parsed command line.</param>
    /// <param name="defaultArtifacts">Folder for vectors when <c>--figures</c> is absent, or null for none.</param>
    public static ExtractionOptions From(ParseResult parse, string? defaultArtifacts = null)
    {
        var features = parse.GetValue(CommonOptions.Features);
        var pluginIds = string.IsNullOrWhiteSpace(features)
            ? null
            : features.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Calibration? calibration = null;
        if (parse.GetValue(CommonOptions.NmPerPixel) is { } nmPerPixel)
        {
            if (!double.IsFinite(nmPerPixel) || nmPerPixel < MinNmPerPixel || nmPerPixel > MaxNmPerPixel)
            {
                throw new UsageException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"--nm-per-px must be a number of nm per pixel from {MinNmPerPixel} to {MaxNmPerPixel}, not {nmPerPixel}."));
            }

            calibration = Calibration.FromNmPerPixel(nmPerPixel, "command line (--nm-per-px)");
        }

        var scaleBarPx = parse.GetValue(CommonOptions.ScaleBarPx);
        var scaleBarNm = parse.GetValue(CommonOptions.ScaleBarNm);
        var detect = parse.GetValue(CommonOptions.ScaleBar) == "auto";
        CheckPositive("--scale-bar-px", scaleBarPx, "pixels");
        CheckPositive("--scale-bar-nm", scaleBarNm, "nm");
        if (scaleBarPx is not null && scaleBarNm is null)
        {
            throw new UsageException("--scale-bar-px needs --scale-bar-nm, the length of the bar in nm.");
        }

        if (detect && scaleBarNm is null)
        {
            throw new UsageException("--scale-bar auto needs --scale-bar-nm, the length of the bar in nm.");
        }

        if (scaleBarNm is not null && scaleBarPx is null && !detect)
        {
            throw new UsageException("--scale-bar-nm needs --scale-bar-px N or --scale-bar auto to give the bar's length in pixels.");
        }

        if (detect && scaleBarPx is not null)
        {
            throw new UsageException("Give either --scale-bar auto or --scale-bar-px, not both.");
        }

        if (parse.GetValue(CommonOptions.Page) is < 1 and var page)
        {
            throw new UsageException($"--page must be 1 or more, not {page}.");
        }

        return new ExtractionOptions
        {
            PluginIds = pluginIds,
            Overrides = ParseSet(parse.GetValue(CommonOptions.Set) ?? []),
            Calibration = new CalibrationRequest
            {
                CommandLine = calibration,
                ScaleBarPx = scaleBarPx,
                ScaleBarNm = scaleBarNm,
                DetectScaleBar = detect,
            },
            Objects = parse.GetValue(CommonOptions.Objects) == "components" ? ObjectMode.Components : ObjectMode.Whole,
            Connectivity = parse.GetValue(CommonOptions.Connectivity),
            Load = new ImageLoadOptions(Page: parse.GetValue(CommonOptions.Page)),
            ArtifactsFolder = parse.GetValue(CommonOptions.Figures)?.FullName ?? defaultArtifacts,
            Figures = parse.GetValue(CommonOptions.Figures) is not null,
            CropsFolder = parse.GetValue(CommonOptions.SaveCrops)?.FullName,
            CropMargin = parse.GetValue(CommonOptions.CropMargin) is >= 0 and var margin
                ? margin
                : throw new UsageException("--crop-margin must be 0 or more pixels."),
        };
    }

    private static void CheckPositive(string option, double? value, string unit)
    {
        if (value is { } number && (!double.IsFinite(number) || number <= 0))
        {
            throw new UsageException($"{option} must be a positive number of {unit}, not {number}.");
        }
    }

    /// <summary>Parses <c>PLUGIN.PARAM=VALUE</c> texts into overrides by plugin and parameter.</summary>
    public static Dictionary<string, IReadOnlyDictionary<string, string>> ParseSet(IEnumerable<string> assignments)
    {
        var byPlugin = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var assignment in assignments)
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            var dot = equals < 0 ? -1 : assignment.LastIndexOf('.', equals);
            if (equals < 0 || dot <= 0 || dot == equals - 1)
            {
                throw new UsageException(
                    $"--set '{assignment}' is invalid: expected PLUGIN.PARAM=VALUE, for example --set glcm.levels=64.");
            }

            var plugin = assignment[..dot];
            var name = assignment[(dot + 1)..equals];
            if (!byPlugin.TryGetValue(plugin, out var parameters))
            {
                parameters = new Dictionary<string, string>(StringComparer.Ordinal);
                byPlugin[plugin] = parameters;
            }

            parameters[name] = assignment[(equals + 1)..];
        }

        return byPlugin.ToDictionary(
            pair => pair.Key,
            pair => (IReadOnlyDictionary<string, string>)pair.Value,
            StringComparer.Ordinal);
    }
}
