using OpenCvSharp;
using SC2Mid.Sdk;

namespace SC2Mid.Texture.Tests;

/// <summary>
/// An <see cref="IArtifactSink"/> that keeps every vector in memory and writes every figure as a PNG to a folder,
/// so that a test can check what a plugin saved and a person can open the figures.
/// </summary>
internal sealed class RecordingSink : IArtifactSink
{
    private readonly string? _figureFolder;

    /// <summary>Creates a sink that writes figures to <paramref name="figureFolder"/>, or only records them when null.</summary>
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

    /// <inheritdoc />
    public string SaveFigure(string name, Mat image)
    {
        Figures.Add((name, image.Width, image.Height, image.Channels(), image.Depth()));
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

    /// <summary>One call of <see cref="SaveVector"/>.</summary>
    public sealed record SavedVector(string Name, IReadOnlyList<double> Values, IReadOnlyDictionary<string, string> Metadata);
}
