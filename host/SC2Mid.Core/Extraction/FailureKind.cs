namespace SC2Mid.Core.Extraction;

/// <summary>What kind of failure stopped part of the work on an image.</summary>
public enum FailureKind
{
    /// <summary>The image or mask could not be read (missing, undecodable, wrong size, too large).</summary>
    Input,

    /// <summary>A plugin threw while extracting; its features for that object are null.</summary>
    Plugin,

    /// <summary>A plugin call took longer than the per-call timeout; its features for that object are null.</summary>
    Timeout,

    /// <summary>The run was cancelled before the image was finished.</summary>
    Cancelled,
}
