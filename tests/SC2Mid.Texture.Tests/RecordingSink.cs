using OpenCvSharp;
using SC2Mid.Sdk;

namespace SC2Mid.Texture.Tests;

/// <summary>
/// An <see cref="IArtifactSink"/> that keeps every vector in memory and writes every figure as a PNG to a folder,
/// so that a test can check what a plugin saved and a person can open the figures.
/// </summary>
internal sealed class RecordingSink : IArtifactSink, IDisposable
{
    private readonly string? _figureFolder;

    /// <summary>Creates a sink that writes figures to <paramref name="figureFolder"/>, unless it is null.</summary>
    public RecordingSink(string? figureFolder = null)
    {
        _figureFolder = figureFolder;
        if (figureFolder is not null)
        {
            Directory.CreateDirectory(figureFolder);
        }
    }

    /// <summary>Every vector saved, in call order.</summary>
    public List<SavedVector> Vectors { get; } = [];

    /// <summary>Every figure saved: name, width, height, channels, depth.</summary>
    public List<(string Name, int Width, int Height, int Channels, MatType Depth)> Figures { get; } = [];

    /// <summary>A copy of every figure by name, for tests that inspect the pixels.</summary>
    public Dictionary<string, Mat> Images { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public string SaveFigure(string name, Mat image)
    {
        Figures.Add((name, image.Width, image.Height, image.Channels(), image.Depth()));
        if (Images.Remove(name, out Mat? previous))
        {
            previous.Dispose();
        }

        Images[name] = image.Clone();
        string path = Path.Combine(_figureFolder ?? Path.GetTempPath(), name + ".png");
        if (_figureFolder is not null)
        {
            Cv2.ImWrite(path, image);
        }

        return path;
    }

    /// <inheritdoc />
    public string SaveVector(string name, IReadOnlyList<double> values, IReadOnlyDictionary<string, string> metadata)
    {
        Vectors.Add(new SavedVector(name, values.ToArray(), new Dictionary<string, string>(metadata)));
        return name + ".csv";
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (Mat image in Images.Values)
        {
            image.Dispose();
        }

        Images.Clear();
    }

    /// <summary>One call of <see cref="SaveVector"/>.</summary>
    public sealed record SavedVector(
        string Name,
        IReadOnlyList<double> Values,
        IReadOnlyDictionary<string, string> Metadata);
}
