namespace SC2Mid.Plugins.Deep;

/// <summary>The image input of a model as its metadata declares it, checked against the preprocessing.</summary>
/// <param name="Name">Input name to feed.</param>
/// <param name="Layout">Axis order, from the position of the dimension of size 3.</param>
/// <param name="BatchSize">The fixed batch size, or null when the batch dimension is dynamic.</param>
/// <param name="Height">Input height in pixels.</param>
/// <param name="Width">Input width in pixels.</param>
internal sealed record ModelInput(string Name, TensorLayout Layout, int? BatchSize, int Height, int Width)
{
    /// <summary>The tensor shape for a batch of <paramref name="batch"/> images.</summary>
    public long[] Shape(int batch) =>
        Layout == TensorLayout.Nchw ? [batch, 3, Height, Width] : [batch, Height, Width, 3];
}
