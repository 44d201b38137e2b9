using OpenCvSharp;

namespace SC2Mid.Core.Extraction;

/// <summary>The features of one object of an image.</summary>
/// <param name="ObjectId">1-based object number.</param>
/// <param name="BoundingBox">Bounding box of the object's pixels in image coordinates; empty for an empty mask.</param>
/// <param name="PixelCount">Number of mask pixels of this object.</param>
/// <param name="Features">Values in catalog order.</param>
public sealed record ObjectResult(int ObjectId, Rect BoundingBox, int PixelCount, IReadOnlyList<FeatureResult> Features);
