using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using OpenCvSharp;
using SC2Mid.Sdk;

namespace SC2Mid.Core.Output;

/// <summary>
/// Saves a plugin's figures and vectors for one object under
/// <c>ROOT/IMAGE/object-N/PLUGIN.NAME.(png|csv)</c>, atomically, and records each file.
/// </summary>
public sealed partial class FolderArtifactSink : IArtifactSink
{
    private readonly string _root;
    private readonly string _imageFolder;
    private readonly string _pluginId;
    private readonly int _objectId;
    private readonly ConcurrentQueue<ArtifactRecord> _records;

    /// <summary>Creates a sink bound to one image, object and plugin.</summary>
    /// <param name="root">The artifacts folder of the run.</param>
    /// <param name="imageId">Dataset id of the image; characters unsafe in file names are replaced.</param>
    /// <param name="objectId">1-based object id.</param>
    /// <param name="pluginId">Id of the plugin that saves through this sink.</param>
    /// <param name="records">Receives one record per saved file.</param>
    public FolderArtifactSink(
        string root,
        string imageId,
        int objectId,
        string pluginId,
        ConcurrentQueue<ArtifactRecord> records)
    {
        _root = root;
        _imageFolder = SafeName(imageId);
        _objectId = objectId;
        _pluginId = pluginId;
        _records = records;
    }

    /// <inheritdoc />
    public string SaveFigure(string name, Mat image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Depth() != MatType.CV_8U || image.Channels() is not (1 or 3 or 4))
        {
            throw new ArgumentException(
                $"A figure must be 8-bit with 1, 3 or 4 channels, not {image.Type()}.", nameof(image));
        }

        Cv2.ImEncode(".png", image, out var bytes);
        return Save(name, "figure", ".png", stream => stream.Write(bytes));
    }

    /// <inheritdoc />
    public string SaveVector(string name, IReadOnlyList<double> values, IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(metadata);
        return Save(name, "vector", ".csv", stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: -1, leaveOpen: true);
            writer.NewLine = "\n";
            foreach (var (key, value) in metadata.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                writer.WriteLine($"# {key}: {value}");
            }

            writer.WriteLine($"# length: {values.Count}");
            writer.WriteLine("value");
            foreach (var value in values)
            {
                writer.WriteLine(value.ToString("R", CultureInfo.InvariantCulture));
            }
        });
    }

    private string Save(string name, string kind, string extension, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var relative = string.Join(
            '/',
            _imageFolder,
            $"object-{_objectId.ToString(CultureInfo.InvariantCulture)}",
            $"{_pluginId}.{SafeName(name)}{extension}");
        AtomicFile.Write(Path.Combine(_root, relative), write);
        _records.Enqueue(new ArtifactRecord(_pluginId, _objectId, kind, name, relative));
        return relative;
    }

    /// <summary>Replaces every character other than letters, digits, '.', '_' and '-' with '_'.</summary>
    internal static string SafeName(string text) => UnsafeCharacters().Replace(text, "_");

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex UnsafeCharacters();
}
