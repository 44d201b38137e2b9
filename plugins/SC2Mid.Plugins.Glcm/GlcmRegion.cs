namespace SC2Mid.Plugins.Glcm;

/// <summary>Which pixels may form a pair.</summary>
internal enum GlcmRegion
{
    /// <summary>Both pixels of a pair lie inside the object's mask.</summary>
    Mask,

    /// <summary>Both pixels lie inside the bounding box of the mask, masked or not.</summary>
    BoundingBox,

    /// <summary>Both pixels lie inside the image.</summary>
    Image,
}
