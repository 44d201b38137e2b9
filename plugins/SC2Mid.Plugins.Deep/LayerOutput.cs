namespace SC2Mid.Plugins.Deep;

/// <summary>The tapped value of a model for one image, with the position of its channel axis.</summary>
/// <param name="Values">The values in row-major order, without the batch axis.</param>
/// <param name="Shape">Dimensions without the batch axis, for example [64, 56, 56].</param>
/// <param name="ChannelAxis">Index in <paramref name="Shape"/> of the channel axis.</param>
internal sealed record LayerOutput(float[] Values, int[] Shape, int ChannelAxis)
{
    /// <summary>Number of channels.</summary>
    public int Channels => Shape[ChannelAxis];

    /// <summary>
    /// Whether the value has two spatial axes and more than one position, so that its channels can be drawn as
    /// maps. A pooled [C, 1, 1] value has no maps.
    /// </summary>
    public bool HasMaps => Shape.Length == 3 && MapHeight * MapWidth > 1;

    /// <summary>Height of a map when <see cref="HasMaps"/>.</summary>
    public int MapHeight => ChannelAxis == 0 ? Shape[1] : Shape[0];

    /// <summary>Width of a map when <see cref="HasMaps"/>.</summary>
    public int MapWidth => ChannelAxis == 0 ? Shape[2] : Shape[1];

    /// <summary>
    /// Averages each channel over all other axes (global average pooling); a value with no axis besides the
    /// channel axis is returned as it is.
    /// </summary>
    public double[] PoolChannels()
    {
        int channels = Channels;
        int inner = 1;
        for (int axis = ChannelAxis + 1; axis < Shape.Length; axis++)
        {
            inner *= Shape[axis];
        }

        int outer = Values.Length / (channels * inner);
        var sums = new double[channels];
        for (int o = 0; o < outer; o++)
        {
            for (int c = 0; c < channels; c++)
            {
                int start = (o * channels + c) * inner;
                for (int i = 0; i < inner; i++)
                {
                    sums[c] += Values[start + i];
                }
            }
        }

        int count = outer * inner;
        for (int c = 0; c < channels; c++)
        {
            sums[c] /= count;
        }

        return sums;
    }

    /// <summary>Returns the value at (y, x) of channel <paramref name="channel"/>; requires <see cref="HasMaps"/>.</summary>
    public float MapValue(int channel, int y, int x) =>
        ChannelAxis == 0
            ? Values[(channel * MapHeight + y) * MapWidth + x]
            : Values[(y * MapWidth + x) * Channels + channel];
}
