using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SC2Mid.Core.Extraction;
using SC2Mid.Core.Plugins;
using SC2Mid.Sdk;

namespace SC2Mid.Core.Output;

/// <summary>
/// Writes the full record of a run: tool and plugin provenance (versions, assembly SHA-256, parameters), every
/// feature's unit and definition, and per image the input hashes, calibration, values, warnings and failures.
/// </summary>
public static class JsonResultWriter
{
    /// <summary>Bytes the writer may hold before it passes them to the stream.</summary>
    private const int FlushThreshold = 1 << 16;

    // The record is read by people and by JSON parsers, not embedded in HTML, so '+' and quotes stay literal.
    private static readonly JavaScriptEncoder RelaxedEncoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>Writes the record to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, RunInfo run, Extractor extractor, IReadOnlyList<ImageResult> images)
    {
        ArgumentNullException.ThrowIfNull(run);
        var provenance = RunProvenance.From(extractor, run.ToolVersion);
        AtomicFile.Write(path, stream => Write(stream, provenance, run, images));
    }

    /// <summary>Writes the record to <paramref name="stream"/> as indented UTF-8 JSON.</summary>
    public static void Write(Stream stream, RunInfo run, Extractor extractor, IReadOnlyList<ImageResult> images)
    {
        ArgumentNullException.ThrowIfNull(run);
        Write(stream, RunProvenance.From(extractor, run.ToolVersion), run, images);
    }

    /// <summary>
    /// Writes the record to <paramref name="stream"/> as indented UTF-8 JSON. Without <paramref name="run"/> the
    /// file has no times or command line, so the same inputs and plugins always give the same bytes.
    /// </summary>
    public static void Write(Stream stream, RunProvenance provenance, RunInfo? run, IEnumerable<ImageResult> images)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        ArgumentNullException.ThrowIfNull(images);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            Encoder = RelaxedEncoder,
        });
        json.WriteStartObject();
        WriteTool(json, provenance.ToolVersion, run);
        WritePlugins(json, provenance.Plugins);
        WriteFeatures(json, provenance.Features);
        json.WriteStartArray("images");
        foreach (var image in images)
        {
            WriteImage(json, image);

            // Utf8JsonWriter keeps everything it writes until it is flushed, so without this the whole file
            // (about 20 kB per image with the classical features) would sit in memory until the end.
            if (json.BytesPending >= FlushThreshold)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// Formats the provenance as compact JSON: an object with the <c>tool</c>, <c>plugins</c> and <c>features</c>
    /// properties of the full record, with no times or command line.
    /// </summary>
    internal static string FormatProvenance(RunProvenance provenance)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = RelaxedEncoder }))
        {
            json.WriteStartObject();
            WriteTool(json, provenance.ToolVersion, run: null);
            WritePlugins(json, provenance.Plugins);
            WriteFeatures(json, provenance.Features);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteTool(Utf8JsonWriter json, string toolVersion, RunInfo? run)
    {
        json.WriteStartObject("tool");
        json.WriteString("name", "SC2Mid.Platform");
        json.WriteString("version", toolVersion);
        json.WriteString("hostApi", HostApi.Version.ToString());
        json.WriteEndObject();
        if (run is null)
        {
            return;
        }

        json.WriteStartObject("run");
        json.WriteString("runtime", System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
        json.WriteStartArray("commandLine");
        foreach (var argument in run.CommandLine)
        {
            json.WriteStringValue(argument);
        }

        json.WriteEndArray();
        json.WriteString("startedUtc", run.StartedUtc);
        json.WriteString("finishedUtc", run.FinishedUtc);
        json.WriteEndObject();
    }

    private static void WritePlugins(Utf8JsonWriter json, IReadOnlyList<PluginProvenance> plugins)
    {
        json.WriteStartArray("plugins");
        foreach (var plugin in plugins)
        {
            json.WriteStartObject();
            json.WriteString("id", plugin.Id);
            json.WriteString("name", plugin.Name);
            json.WriteString("version", plugin.Version);
            json.WriteString("assembly", plugin.Assembly);
            json.WriteString("assemblySha256", plugin.AssemblySha256);
            json.WriteStartObject("parameters");
            foreach (var (name, value) in plugin.Parameters.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                json.WritePropertyName(name);
                JsonSerializer.Serialize(json, value, value.GetType());
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteFeatures(Utf8JsonWriter json, IEnumerable<FeatureDescriptor> features)
    {
        json.WriteStartArray("features");
        foreach (var feature in features)
        {
            json.WriteStartObject();
            json.WriteString("name", feature.Name);
            json.WriteString("plugin", feature.PluginId);
            json.WriteString("dimension", JsonNamingPolicy.CamelCase.ConvertName(feature.Dimension.ToString()));
            json.WriteString("unitPx", feature.PixelUnit);
            json.WriteString("unitCalibrated", feature.CalibratedUnit);
            json.WriteString("definition", feature.Definition);
            if (feature.Source is not null)
            {
                json.WriteString("source", feature.Source);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteImage(Utf8JsonWriter json, ImageResult image)
    {
        json.WriteStartObject();
        json.WriteString("imageId", image.ImageId);
        json.WriteString("status", CsvResultWriter.StatusName(image.Status));
        json.WriteString("imagePath", image.ImagePath);
        json.WriteString("imageSha256", image.ImageSha256);
        json.WriteString("maskPath", image.MaskPath);
        json.WriteString("maskSha256", image.MaskSha256);
        json.WriteString("maskRule", image.MaskRule);
        json.WriteNumber("width", image.Width);
        json.WriteNumber("height", image.Height);
        json.WriteNumber("bitDepth", image.BitDepth);
        json.WriteString("greyConversion", image.GreyConversion);
        json.WriteStartObject("calibration");
        WriteNumberOrNull(json, "nmPerPixel", image.Calibration.NmPerPixel);
        json.WriteString("source", image.Calibration.Source);
        json.WriteEndObject();
        json.WriteStartArray("warnings");
        foreach (var warning in image.Warnings)
        {
            json.WriteStringValue(warning);
        }

        json.WriteEndArray();
        WriteFailures(json, image.Failures);
        WriteArtifacts(json, image.Artifacts);
        json.WriteStartArray("objects");
        foreach (var item in image.Objects)
        {
            WriteObject(json, item);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteFailures(Utf8JsonWriter json, IReadOnlyList<Failure> failures)
    {
        json.WriteStartArray("failures");
        foreach (var failure in failures)
        {
            json.WriteStartObject();
            json.WriteString("kind", JsonNamingPolicy.CamelCase.ConvertName(failure.Kind.ToString()));
            json.WriteString("plugin", failure.PluginId);
            if (failure.ObjectId is { } objectId)
            {
                json.WriteNumber("objectId", objectId);
            }

            json.WriteString("message", failure.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteArtifacts(Utf8JsonWriter json, IReadOnlyList<ArtifactRecord> artifacts)
    {
        json.WriteStartArray("artifacts");
        foreach (var artifact in artifacts.OrderBy(a => a.ObjectId).ThenBy(a => a.RelativePath, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("plugin", artifact.PluginId);
            json.WriteNumber("objectId", artifact.ObjectId);
            json.WriteString("kind", artifact.Kind);
            json.WriteString("name", artifact.Name);
            json.WriteString("path", artifact.RelativePath);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteObject(Utf8JsonWriter json, ObjectResult item)
    {
        json.WriteStartObject();
        json.WriteNumber("objectId", item.ObjectId);
        json.WriteNumber("pixelCount", item.PixelCount);
        json.WriteStartObject("boundingBox");
        json.WriteNumber("x", item.BoundingBox.X);
        json.WriteNumber("y", item.BoundingBox.Y);
        json.WriteNumber("width", item.BoundingBox.Width);
        json.WriteNumber("height", item.BoundingBox.Height);
        json.WriteEndObject();
        json.WriteStartObject("features");
        foreach (var feature in item.Features)
        {
            json.WriteStartObject(feature.Descriptor.Name);
            WriteNumberOrNull(json, "value", feature.Value);
            json.WriteString("unit", feature.Unit);
            WriteNumberOrNull(json, "valuePx", feature.PixelValue);
            json.WriteString("unitPx", feature.Descriptor.PixelUnit);
            if (feature.NullReason is not null)
            {
                json.WriteString("nullReason", feature.NullReason);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
