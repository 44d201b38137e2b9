using OpenCvSharp;

namespace SC2Mid.Sdk;

/// <summary>Where a plugin saves the pictures a user looks at (histograms, feature maps).</summary>
/// <remarks>Implementations are thread-safe; the host chooses the folder and the file format.</remarks>
public interface IFigureSink
{
    /// <summary>Saves one figure of the current sample.</summary>
    /// <param name="name">Short file-name-safe name such as <c>hog-histogram</c>; the host adds ids and extension.</param>
    /// <param name="image">An 8-bit image with 1, 3 or 4 channels; the sink copies it before returning.</param>
    void Save(string name, Mat image);
}
