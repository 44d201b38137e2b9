using OpenCvSharp;
using SC2Mid.Sdk;

namespace SC2Mid.Deep.Tests.Support;

/// <summary>An artifact sink that keeps copies of the saved figures and writes them as PNG to a temporary folder.</summary>
internal sealed class RecordingSink : IArtifactSink, IDisposable
{
    private readonly Dictionary<string, Mat> _figures = new(StringComparer.Ordinal);

    /// <summary>Folder the figures are written to, so that a failing test leaves them to look at.</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "sc2mid-deep-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Saved figures by name.</summary>
    public IReadOnlyDictionary<string, Mat> Figures => _figures;

    /// <inheritdoc />
    public string SaveFigure(string name, Mat image)
    {
        Directory.CreateDirectory(Folder);
        string path = Path.Combine(Folder, name + ".png");
        Cv2.ImWrite(path, image);
        _figures[name] = image.Clone();
        return path;
    }

    /// <inheritdoc />
    public string SaveVector(string name, IReadOnlyList<double> values, IReadOnlyDictionary<string, string> metadata) =>
        throw new NotSupportedException("The deep plugin saves no vectors.");

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (Mat figure in _figures.Values)
        {
            figure.Dispose();
        }
    }
}
