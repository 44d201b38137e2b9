namespace SC2Mid.Plugins.Deep;

/// <summary>Order of the colour channels that a model expects along its channel axis.</summary>
internal enum ChannelOrder
{
    /// <summary>Red, green, blue: PyTorch, Keras "tf" and "torch" modes.</summary>
    Rgb,

    /// <summary>Blue, green, red: Caffe, Keras "caffe" mode, CNTK.</summary>
    Bgr,
}
