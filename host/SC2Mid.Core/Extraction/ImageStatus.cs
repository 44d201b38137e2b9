namespace SC2Mid.Core.Extraction;

/// <summary>Outcome of one image.</summary>
public enum ImageStatus
{
    /// <summary>Every requested plugin ran on every object.</summary>
    Ok,

    /// <summary>The image has no ground-truth mask, so no object features were computed.</summary>
    NoMask,

    /// <summary>
    /// The mask was read but has no object: it is empty and <see cref="ObjectMode.Components"/> found no component.
    /// </summary>
    NoObjects,

    /// <summary>Some plugins failed on some objects; the other values are valid.</summary>
    Partial,

    /// <summary>The image or its mask could not be read; no values.</summary>
    Failed,
}
