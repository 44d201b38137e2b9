using System.Globalization;
using OpenCvSharp;
using SC2Mid.Sdk;

namespace SC2Mid.Core.Scaling;

/// <summary>
/// Chooses an image's pixel size from every available source and reports the others. Precedence, highest first:
/// the command line (<c>--nm-per-px</c>, or <c>--scale-bar-px</c> with <c>--scale-bar-nm</c>), the dataset
/// manifest, the detected scale bar (<c>--scale-bar auto</c>), the TIFF resolution tags.
/// </summary>
public static class CalibrationResolver
{
    /// <summary>Relative difference above which two sources are reported as disagreeing.</summary>
    public const double DisagreementTolerance = 0.01;

    /// <summary>Resolves the calibration of one image.</summary>
    /// <param name="request">What the user asked for.</param>
    /// <param name="fromManifest">The dataset manifest's value for this image, or null.</param>
    /// <param name="tiff">The pixel size in the image's TIFF resolution tags, if any.</param>
    /// <param name="grey">The grey image, for scale-bar detection.</param>
    /// <param name="warnings">Receives disagreements and detection problems.</param>
    /// <returns>The calibration used; <see cref="Calibration.None"/> when no source gave one.</returns>
    public static Calibration Resolve(
        CalibrationRequest request,
        Calibration? fromManifest,
        TiffPixelSize tiff,
        Mat grey,
        List<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(grey);
        ArgumentNullException.ThrowIfNull(warnings);
        var candidates = new List<Calibration>();
        if (request.CommandLine is { } given)
        {
            candidates.Add(given);
        }

        if (request is { ScaleBarPx: { } barPx, ScaleBarNm: { } barNm })
        {
            candidates.Add(Calibration.FromNmPerPixel(
                barNm / barPx,
                Invariant($"command line (--scale-bar-px {barPx} --scale-bar-nm {barNm})")));
        }

        if (fromManifest is { IsCalibrated: true })
        {
            candidates.Add(fromManifest);
        }

        if (request.DetectScaleBar)
        {
            candidates.AddRange(Detect(request, grey, warnings));
        }

        if (request.UseTiffResolution)
        {
            ArgumentNullException.ThrowIfNull(tiff);
            if (tiff.Warning is not null)
            {
                warnings.Add(tiff.Warning);
            }

            if (tiff.NmPerPixel is { } tiffNmPerPixel)
            {
                candidates.Add(Calibration.FromNmPerPixel(tiffNmPerPixel, tiff.Description!));
            }
        }

        if (candidates.Count == 0)
        {
            return Calibration.None;
        }

        var used = candidates[0];
        foreach (var other in candidates.Skip(1))
        {
            var difference = Math.Abs(other.NmPerPixel!.Value - used.NmPerPixel!.Value) / used.NmPerPixel.Value;
            if (difference > DisagreementTolerance)
            {
                warnings.Add(
                    Invariant($"Calibration sources disagree: using {used.NmPerPixel:G6} nm/px from {used.Source}; ")
                    + Invariant($"{other.Source} gives {other.NmPerPixel:G6} nm/px ({difference:P1} different)."));
            }
        }

        return used;
    }

    private static IEnumerable<Calibration> Detect(CalibrationRequest request, Mat grey, List<string> warnings)
    {
        var bars = ScaleBarDetector.FindAll(grey);
        if (bars.Count == 0)
        {
            warnings.Add("--scale-bar auto found no scale bar (a solid white or black horizontal bar); "
                + "measure it and give --scale-bar-px.");
            yield break;
        }

        var bar = bars[0];
        if (bars.Count > 1)
        {
            warnings.Add(
                Invariant($"--scale-bar auto found {bars.Count} bar candidates and used the longest, {bar}; ")
                + Invariant($"the next is {bars[1]}. Check the figure and give --scale-bar-px if this is wrong."));
        }

        if (request.ScaleBarNm is not { } nanometres)
        {
            warnings.Add($"--scale-bar auto found a {bar}, but no --scale-bar-nm gives its length in nm.");
            yield break;
        }

        yield return Calibration.FromNmPerPixel(
            nanometres / bar.LengthPx,
            Invariant($"detected scale bar ({bar} = {nanometres} nm)"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
