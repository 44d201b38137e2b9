using System.Text.Json;
using OpenCvSharp;
using SC2Mid.Core.Extraction;
using SC2Mid.Core.Output;
using SC2Mid.Core.Plugins;
using SC2Mid.Sdk;

namespace SC2Mid.Core.Batch;

/// <summary>The serialised result of one finished image, as stored in a run's journal.</summary>
internal sealed record JournalEntry(int Index, JournalImage Image)
{
    public static JournalEntry From(int index, ImageResult result) => new(index, new JournalImage
    {
        ImageId = result.ImageId,
        ImagePath = result.ImagePath,
        MaskPath = result.MaskPath,
        ImageSha256 = result.ImageSha256,
        MaskSha256 = result.MaskSha256,
        Width = result.Width,
        Height = result.Height,
        BitDepth = result.BitDepth,
        GreyConversion = result.GreyConversion,
        MaskRule = result.MaskRule,
        NmPerPixel = result.Calibration.NmPerPixel,
        CalibrationSource = result.Calibration.Source,
        Status = result.Status,
        Warnings = result.Warnings,
        Failures = result.Failures,
        Artifacts = result.Artifacts,
        Objects = result.Objects.Select(item => new JournalObject(
            item.ObjectId,
            [item.BoundingBox.X, item.BoundingBox.Y, item.BoundingBox.Width, item.BoundingBox.Height],
            item.PixelCount,
            item.Features.Select(f => new JournalFeature(
                f.Descriptor.Name, f.PixelValue, f.CalibratedValue, f.NullReason)).ToArray())).ToArray(),
    });

    /// <exception cref="InvalidDataException">A feature is not among <paramref name="features"/>.</exception>
    public ImageResult ToResult(IReadOnlyDictionary<string, FeatureDescriptor> features)
    {
        var image = Image;
        return new ImageResult
        {
            ImageId = image.ImageId,
            ImagePath = image.ImagePath,
            MaskPath = image.MaskPath,
            ImageSha256 = image.ImageSha256,
            MaskSha256 = image.MaskSha256,
            Width = image.Width,
            Height = image.Height,
            BitDepth = image.BitDepth,
            GreyConversion = image.GreyConversion,
            MaskRule = image.MaskRule,
            Calibration = new Calibration(image.NmPerPixel, image.CalibrationSource),
            Status = image.Status,
            Warnings = image.Warnings,
            Failures = image.Failures,
            Artifacts = image.Artifacts,
            Objects = image.Objects.Select(item => new ObjectResult(
                item.ObjectId,
                new Rect(item.Box[0], item.Box[1], item.Box[2], item.Box[3]),
                item.PixelCount,
                item.Features.Select(f => new FeatureResult(
                    features.TryGetValue(f.Name, out var descriptor)
                        ? descriptor
                        : throw new InvalidDataException($"The journal names an unknown feature '{f.Name}'."),
                    f.PixelValue,
                    f.CalibratedValue,
                    f.NullReason)).ToArray())).ToArray(),
        };
    }

    public static JsonSerializerOptions SerializerOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}

/// <summary>Serialisable form of <see cref="ImageResult"/>.</summary>
internal sealed record JournalImage
{
    public required string ImageId { get; init; }

    public required string ImagePath { get; init; }

    public string? MaskPath { get; init; }

    public string? ImageSha256 { get; init; }

    public string? MaskSha256 { get; init; }

    public int Width { get; init; }

    public int Height { get; init; }

    public int BitDepth { get; init; }

    public string? GreyConversion { get; init; }

    public string? MaskRule { get; init; }

    public double? NmPerPixel { get; init; }

    public required string CalibrationSource { get; init; }

    public ImageStatus Status { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public IReadOnlyList<Failure> Failures { get; init; } = [];

    public IReadOnlyList<ArtifactRecord> Artifacts { get; init; } = [];

    public IReadOnlyList<JournalObject> Objects { get; init; } = [];
}

/// <summary>Serialisable form of <see cref="ObjectResult"/>; the box is x, y, width, height.</summary>
internal sealed record JournalObject(int ObjectId, int[] Box, int PixelCount, IReadOnlyList<JournalFeature> Features);

/// <summary>Serialisable form of <see cref="FeatureResult"/>.</summary>
internal sealed record JournalFeature(string Name, double? PixelValue, double? CalibratedValue, string? NullReason);
