// The SC2-MID study's whole feature set on a dataset: shape (in nm when calibrated), the 7 Hu moment invariants,
// the 36-value HOG descriptor, the 16 GLCM values (contrast, homogeneity, correlation and energy at 0, 45, 90 and
// 135 degrees, distance 1, 256 grey levels) and ResNet18 pooled features, with the plugins' figures.
//
// Usage: sc2mid run scripts/paper.csx [-- DATASET [OUT [NM_PER_PX]]]
//   DATASET    folder of images and masks, or CSV manifest (default: samples/dataset.csv beside this folder)
//   OUT        output folder (default: results/paper at the repository root)
//   NM_PER_PX  pixel size for every image, overriding the manifest (default: the manifest's, else pixel units)
//
// Writes OUT/results.csv (wide table), OUT/results.json (values, units, definitions, provenance),
// OUT/tables/IMAGE.object-N.features.csv (Feature, Value, Unit per particle) and OUT/figures/.
#load "lib/output.csx"

var dataset = InputDataset(0);
var output = OutputFolder(1, "paper");
double? nmPerPixel = Args.Count > 2 ? double.Parse(Args[2], CultureInfo.InvariantCulture) : null;

var requested = new[]
{
    Plugin("shape"),
    Plugin("hu"),
    Plugin("hog").With("preset", "paper36"),
    Plugin("glcm").With("distances", new[] { 1 }).With("levels", 256),
    Plugin("deep").With("model", "resnet18").With("layer", "pool"),
};

// A plugin that is not installed (or failed to load) is skipped with the catalog's reason, so the recipe still
// produces every feature family that is available.
foreach (var missing in requested.Where(request => !HasPlugin(request.Id)))
{
    Log.LogWarning("Skipping the {Plugin} features. {Reason}", missing.Id, WhyNotLoaded(missing.Id));
}

var plugins = requested.Where(request => HasPlugin(request.Id)).ToArray();
if (plugins.Length == 0)
{
    Log.LogError("None of the study's plugins (shape, hu, hog, glcm, deep) is loaded; nothing to extract.");
    return 4;
}

var settings = new ExtractSettings
{
    Calibration = nmPerPixel is { } scale ? NmPerPixel(scale) : null,
    FiguresFolder = Path.Combine(output, "figures"),
};
var table = Extract(dataset, plugins, settings);

var csv = table.WriteCsv(Path.Combine(output, "results.csv"));
var json = table.WriteJson(Path.Combine(output, "results.json"));
var perParticle = table.WriteFeatureValueUnit(Path.Combine(output, "tables"));

// Print the shape part of each particle's table; the full tables, deep features included, are in the files.
foreach (var row in table.Rows)
{
    var shape = NewTable("Feature", "Value", "Unit");
    foreach (var feature in row.ObjectResult.Features.Where(f => f.Descriptor.PluginId == "shape"))
    {
        shape.Add(feature.Descriptor.Name, feature.Value, feature.Unit);
    }

    var calibration = row.Calibration.NmPerPixel is { } nm
        ? $"{nm} nm/px from {row.Calibration.Source}"
        : "uncalibrated, lengths in px";
    Console.WriteLine($"{row.ImageId}, object {row.ObjectId} ({calibration}):");
    Console.WriteLine(shape);
    Console.WriteLine();
}

Console.WriteLine(table.Summarize());
Console.WriteLine($"Results: {csv}");
Console.WriteLine($"         {json}");
Console.WriteLine($"         {perParticle.Count} per-particle tables in {Path.Combine(output, "tables")}");
Console.WriteLine($"         figures in {Path.Combine(output, "figures")}");
return table.Images.Any(image => image.Status is ImageStatus.Failed or ImageStatus.Partial) ? 1 : 0;
