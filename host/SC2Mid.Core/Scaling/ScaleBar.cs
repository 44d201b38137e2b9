using OpenCvSharp;

namespace SC2Mid.Core.Scaling;

/// <summary>A scale bar found in an image: a solid horizontal bar of uniform extreme grey value.</summary>
/// <param name="Bounds">The bar's pixels: X and Width along the bar, Y and Height across it.</param>
/// <param name="IsBright">True for a white bar (near the maximum grey value), false for a black one.</param>
public sealed record ScaleBar(Rect Bounds, bool IsBright)
{
    /// <summary>Length of the bar in pixels: the number of pixel columns it covers.</summary>
    public int LengthPx => Bounds.Width;

    /// <summary>Human-readable description for logs and provenance.</summary>
    public override string ToString() =>
        $"{(IsBright ? "white" : "black")} bar of {Bounds.Width} px at x {Bounds.X}..{Bounds.Right - 1}, "
        + $"y {Bounds.Y}..{Bounds.Bottom - 1}";
}
