namespace SC2Mid.Plugins.Deep;

/// <summary>Axis order of a 4-D image tensor.</summary>
internal enum TensorLayout
{
    /// <summary>Batch, channel, height, width: PyTorch, Caffe and CNTK exports.</summary>
    Nchw,

    /// <summary>Batch, height, width, channel: TensorFlow and Keras exports.</summary>
    Nhwc,
}
