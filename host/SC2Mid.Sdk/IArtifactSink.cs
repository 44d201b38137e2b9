using OpenCvSharp;

namespace SC2Mid.Sdk;

/// <summary>
/// Where a plugin saves files that do not fit in a table cell: the figures a user looks at (histograms, feature
/// maps) and long vectors. The host chooses the folder, the file names and the formats, and lists every saved file
/// in the results.
/// </summary>
/// <remarks>
/// Each <see cref="IFeaturePlugin.Extract"/> call receives its own sink, bound to one image, object and plugin.
/// Save methods copy their input before returning and may be called from the thread that runs the extraction.
/// </remarks>
public interface IArtifactSink
{
    /// <summary>Saves one figure of the current object as PNG.</summary>
    /// <param name="name">Short file-name-safe name such as <c>hog-histogram</c>; the host adds ids and extension.</param>
    /// <param name="image">An 8-bit image with 1, 3 (BGR) or 4 (BGRA) channels.</param>
    /// <returns>The path of the saved file, relative to the run's output folder.</returns>
    string SaveFigure(string name, Mat image);

    /// <summary>Saves a vector too long for a table, as a CSV file with one value per line after a header.</summary>
    /// <param name="name">Short file-name-safe name such as <c>hog-general</c>.</param>
    /// <param name="values">The values, in pixel units where they have a unit.</param>
    /// <param name="metadata">Parameters that produced the vector, written as comment lines before the values.</param>
    /// <returns>The path of the saved file, relative to the run's output folder.</returns>
    string SaveVector(string name, IReadOnlyList<double> values, IReadOnlyDictionary<string, string> metadata);
}
