namespace SC2Mid.Core.Extraction;

/// <summary>How the foreground of a mask is split into objects.</summary>
public enum ObjectMode
{
    /// <summary>All foreground pixels form one object (one particle per image, as in the SC2-MID study).</summary>
    Whole,

    /// <summary>Each connected component is one object, numbered by OpenCV's labelling order.</summary>
    Components,
}
