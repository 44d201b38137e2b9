using SC2Mid.Core.Output;
using SC2Mid.Sdk;

namespace SC2Mid.Core.Extraction;

/// <summary>Everything extracted from one image, with the provenance of its inputs.</summary>
public sealed record ImageResult
{
    /// <summary>Identifier of the image in its dataset.</summary>
    public required string ImageId { get; init; }

    /// <summary>Path of the image file.</summary>
    public required string ImagePath { get; init; }

    /// <summary>Path of the mask file, or null.</summary>
    public string? MaskPath { get; init; }

    /// <summary>SHA-256 of the image file, or null when it could not be read.</summary>
    public string? ImageSha256 { get; init; }

    /// <summary>SHA-256 of the mask file, or null.</summary>
    public string? MaskSha256 { get; init; }

    /// <summary>Width in pixels, or 0 when the image could not be read.</summary>
    public int Width { get; init; }

    /// <summary>Height in pixels, or 0 when the image could not be read.</summary>
    public int Height { get; init; }

    /// <summary>Bits per channel, or 0 when the image could not be read.</summary>
    public int BitDepth { get; init; }

    /// <summary>How colour was converted to grey.</summary>
    public string? GreyConversion { get; init; }

    /// <summary>Which rule decided the mask's foreground, for example "value > 0 (lossless)".</summary>
    public string? MaskRule { get; init; }

    /// <summary>The calibration used and its source.</summary>
    public required Calibration Calibration { get; init; }

    /// <summary>Outcome.</summary>
    public required ImageStatus Status { get; init; }

    /// <summary>Objects in order of their ids.</summary>
    public IReadOnlyList<ObjectResult> Objects { get; init; } = [];

    /// <summary>Failures, each with its kind.</summary>
    public IReadOnlyList<Failure> Failures { get; init; } = [];

    /// <summary>Figures and vectors that plugins saved, relative to the artifacts folder.</summary>
    public IReadOnlyList<ArtifactRecord> Artifacts { get; init; } = [];

    /// <summary>Warnings from loading and from plugins, each prefixed with its source.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
