using SC2Mid.Sdk;

namespace SC2Mid.Core.Datasets;

/// <summary>One image of a dataset, with its ground-truth mask and pixel size when known.</summary>
/// <param name="ImageId">
/// Identifier that is unique within the dataset: the file name with extension for folders, the path relative to
/// the manifest's folder (with <c>/</c> separators) for CSV manifests.
/// </param>
/// <param name="ImagePath">Full path of the image file.</param>
/// <param name="MaskPath">Full path of the mask file, or null when the image has no mask.</param>
/// <param name="Calibration">Pixel size from the manifest, or null when the dataset does not give one.</param>
public sealed record DatasetItem(string ImageId, string ImagePath, string? MaskPath, Calibration? Calibration);
