using System.Globalization;
using System.Text.Json.Nodes;
using SC2Mid.Core.Extraction;
using SC2Mid.Core.Output;
using SC2Mid.Core.Plugins;
using SC2Mid.Sdk;

namespace SC2Mid.Recipes;

/// <summary>
/// The results of one extraction in a recipe: every image with its objects and features, plus any features the
/// recipe derived. Filtering and deriving return new tables; the writers produce the same CSV and JSON files as
/// <c>sc2mid batch</c>.
/// </summary>
public sealed class FeatureTable
{
    /// <summary>Plugin id recorded for features that a recipe computes with <see cref="AddFeature"/>.</summary>
    public const string DerivedPluginId = "recipe";

    private const int MaxNamesListed = 12;

    private readonly Extractor _extractor;
    private readonly RunInfo _run;

    internal FeatureTable(
        Extractor extractor,
        RunInfo run,
        IReadOnlyList<ImageResult> images,
        IReadOnlyList<FeatureDescriptor> derived)
    {
        _extractor = extractor;
        _run = run;
        Images = images;
        Derived = derived;
        Features = [.. extractor.Features, .. derived];
    }

    /// <summary>Every image, in dataset order, including those without a mask or that failed.</summary>
    public IReadOnlyList<ImageResult> Images { get; }

    /// <summary>Every feature in column order: the plugins' features, then the derived ones.</summary>
    public IReadOnlyList<FeatureDescriptor> Features { get; }

    /// <summary>Features added with <see cref="AddFeature"/>.</summary>
    public IReadOnlyList<FeatureDescriptor> Derived { get; }

    /// <summary>Every object of every image, in dataset and object order.</summary>
    public IEnumerable<ObjectRow> Rows =>
        Images.SelectMany(image => image.Objects.Select(item => new ObjectRow(image, item)));

    /// <summary>Number of objects in all images.</summary>
    public int ObjectCount => Images.Sum(image => image.Objects.Count);

    /// <summary>Returns a table with only the objects for which <paramref name="keep"/> is true; images stay.</summary>
    public FeatureTable Where(Func<ObjectRow, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        var images = Images
            .Select(image => image with
            {
                Objects = image.Objects.Where(item => keep(new ObjectRow(image, item))).ToArray(),
            })
            .ToArray();
        return new FeatureTable(_extractor, _run, images, Derived);
    }

    /// <summary>Returns a table with one more feature, computed by <paramref name="compute"/> for every
    /// object.</summary>
    /// <param name="name">Feature name; by convention <c>recipe.NAME</c>, unique in the table.</param>
    /// <param name="dimension">
    /// Physical dimension of the value. <paramref name="compute"/> returns pixel units (use
    /// <see cref="ObjectRow.Px"/>); lengths and areas are converted to nm like plugin features.
    /// </param>
    /// <param name="definition">One-line definition, written to the JSON file.</param>
    /// <param name="compute">The value for one object, or null when it is undefined; NaN and infinities become
    /// null.</param>
    /// <exception cref="ArgumentException">The table already has a feature named <paramref name="name"/>.</exception>
    public FeatureTable AddFeature(
        string name,
        FeatureDimension dimension,
        string definition,
        Func<ObjectRow, double?> compute)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(definition);
        ArgumentNullException.ThrowIfNull(compute);
        if (Features.Any(feature => feature.Name == name))
        {
            throw new ArgumentException(
                $"The table already has a feature named '{name}'; choose another name.", nameof(name));
        }

        var descriptor = new FeatureDescriptor(name, DerivedPluginId, dimension, definition, Source: "recipe");
        var images = Images
            .Select(image => image with { Objects = image.Objects.Select(item => Derive(image, item)).ToArray() })
            .ToArray();
        return new FeatureTable(_extractor, _run, images, [.. Derived, descriptor]);

        ObjectResult Derive(ImageResult image, ObjectResult item)
        {
            var value = compute(new ObjectRow(image, item));
            FeatureResult result = value switch
            {
                null => new FeatureResult(descriptor, null, null, "The recipe returned no value for this object."),
                { } number when !double.IsFinite(number) => new FeatureResult(
                    descriptor, null, null, $"The recipe computed {number}, which is not a finite number."),
                { } number => new FeatureResult(
                    descriptor,
                    number,
                    descriptor.IsCalibrated && image.Calibration.NmPerPixel is { } scale
                        ? descriptor.ToCalibrated(number, scale)
                        : null,
                    null),
            };
            return item with { Features = [.. item.Features, result] };
        }
    }

    /// <summary>Writes the wide CSV table (one row per object, one column per feature and unit), atomically.</summary>
    /// <returns>The full path written.</returns>
    public string WriteCsv(string path)
    {
        var fullPath = Path.GetFullPath(path);
        CsvResultWriter.Write(fullPath, Features, Images);
        return fullPath;
    }

    /// <summary>
    /// Writes the JSON record (provenance, feature definitions, per-image values, warnings and failures), with
    /// the derived features' definitions added to <c>features</c>, atomically.
    /// </summary>
    /// <returns>The full path written.</returns>
    public string WriteJson(string path)
    {
        var fullPath = Path.GetFullPath(path);
        using var buffer = new MemoryStream();
        JsonResultWriter.Write(buffer, _run with { FinishedUtc = DateTimeOffset.UtcNow }, _extractor, Images);
        var root = JsonNode.Parse(buffer.ToArray())!;
        var features = root["features"]!.AsArray();
        foreach (var feature in Derived)
        {
            features.Add(new JsonObject
            {
                ["name"] = feature.Name,
                ["plugin"] = feature.PluginId,
                ["dimension"] = feature.Dimension.ToString(),
                ["unitPx"] = feature.PixelUnit,
                ["unitCalibrated"] = feature.CalibratedUnit,
                ["definition"] = feature.Definition,
                ["source"] = feature.Source,
            });
        }

        var options = new System.Text.Json.JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        var bytes = System.Text.Encoding.UTF8.GetBytes(root.ToJsonString(options));
        AtomicFile.Write(fullPath, stream => stream.Write(bytes));
        return fullPath;
    }

    /// <summary>
    /// Writes one Feature/Value/Unit CSV per object, as the study's per-particle table, to
    /// <c>FOLDER/IMAGE.object-N.features.csv</c>.
    /// </summary>
    /// <returns>The full paths written, in row order.</returns>
    public IReadOnlyList<string> WriteFeatureValueUnit(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var written = new List<string>();
        foreach (var row in Rows)
        {
            var table = new TextTable("Feature", "Value", "Unit");
            foreach (var feature in row.ObjectResult.Features)
            {
                table.Add(feature.Descriptor.Name, feature.Value, feature.Unit);
            }

            var name = string.Create(
                CultureInfo.InvariantCulture,
                $"{TextTable.SafeFileName(row.ImageId)}.object-{row.ObjectId}.features.csv");
            written.Add(table.WriteCsv(Path.Combine(folder, name)));
        }

        return written;
    }

    /// <summary>Returns one line per image: id, status, object count, and its failures and warnings.</summary>
    public string Summarize()
    {
        var lines = Images.Select(image =>
        {
            var line = $"{image.ImageId}: {CsvResultWriter.StatusName(image.Status)}, {image.Objects.Count} object(s)";
            var notes = image.Failures.Select(failure => failure.Message).Concat(image.Warnings).ToArray();
            return notes.Length == 0 ? line : line + Environment.NewLine + string.Join(
                Environment.NewLine, notes.Select(note => "  " + note));
        });
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>Builds the message for a feature name that is not in a table, listing names that share its
    /// plugin.</summary>
    internal static string DescribeMissing(string feature, IEnumerable<string> available)
    {
        var names = available.ToArray();
        var dot = feature.IndexOf('.', StringComparison.Ordinal);
        var prefix = dot > 0 ? feature[..(dot + 1)] : feature;
        var similar = names.Where(name => name.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
        var listed = similar.Length > 0 ? similar : names;
        var listedNames = string.Join(", ", listed.Take(MaxNamesListed));
        var scope = similar.Length > 0 ? $" starting with '{prefix}'" : string.Empty;
        var more = listed.Length > MaxNamesListed ? $" and {listed.Length - MaxNamesListed} more" : string.Empty;
        return names.Length == 0
            ? $"Feature '{feature}' is not in the table, which has no features; run at least one plugin."
            : $"Feature '{feature}' is not in the table. Features{scope}: {listedNames}{more}.";
    }
}
