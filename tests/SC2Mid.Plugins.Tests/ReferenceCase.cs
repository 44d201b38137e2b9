using System.Text.Json;

namespace SC2Mid.Plugins.Tests;

/// <summary>One mask of <c>TestData/reference.json</c> with its expected feature values.</summary>
/// <param name="Name">Case name, also the file name of the synthetic mask and grey image.</param>
/// <param name="Description">Description of the mask.</param>
/// <param name="MaskPath">Mask PNG, relative to the repository root.</param>
/// <param name="GreyPath">Grey PNG (8 or 16 bit), relative to the repository root.</param>
/// <param name="Components">Number of 8-connected foreground components.</param>
/// <param name="TouchesBorder">Whether a foreground pixel lies in the first or last row or column.</param>
/// <param name="Features">Expected value of every feature; null where the feature is undefined.</param>
/// <param name="Deviations">Features whose expected value differs from scikit-image's output, with the reason.</param>
/// <param name="Moments">Raw and central moments from scikit-image and OpenCV, and the exact n²μ integers.</param>
internal sealed record ReferenceCase(
    string Name,
    string Description,
    string MaskPath,
    string GreyPath,
    int Components,
    bool TouchesBorder,
    IReadOnlyDictionary<string, double?> Features,
    IReadOnlyDictionary<string, string> Deviations,
    JsonElement Moments)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}
