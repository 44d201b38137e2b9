// Computes features that no plugin provides, inline in C#, from the shape plugin's values, keeps the particles
// above a minimum area, and writes them with the plugin features to the usual CSV and JSON files.
//
//   recipe.feret_ratio        = shape.feret_max / shape.feret_min (dimensionless; 1 for a disk)
//   recipe.perimeter_diameter = shape.perimeter / pi, the diameter of the circle with the same perimeter (a
//                               length, so it is reported in nm when the image is calibrated)
//
// Usage: sc2mid run scripts/derived-features.csx [-- DATASET [OUT [MIN_AREA_PX2]]]
//   defaults: samples/dataset.csv, results/derived, 100 px^2
#load "lib/output.csx"

var dataset = InputDataset(0);
var output = OutputFolder(1, "derived");
var minimumArea = Args.Count > 2 ? double.Parse(Args[2], CultureInfo.InvariantCulture) : 100;

var table = Extract(dataset, [Plugin("shape")], new ExtractSettings { Objects = ObjectMode.Components })
    .Where(row => row.Px("shape.area") >= minimumArea)
    .AddFeature(
        "recipe.feret_ratio",
        FeatureDimension.Dimensionless,
        "shape.feret_max / shape.feret_min; 1 for a disk, larger for elongated particles.",
        row => row.Px("shape.feret_max") / row.Px("shape.feret_min"))
    .AddFeature(
        "recipe.perimeter_diameter",
        FeatureDimension.Length,
        "shape.perimeter / pi: diameter of the circle whose circumference equals the perimeter.",
        row => row.Px("shape.perimeter") / Math.PI);

var summary = NewTable("image", "object", "area", "feret_ratio", "perimeter_diameter", "unit");
foreach (var row in table.Rows)
{
    summary.Add(
        row.ImageId,
        row.ObjectId,
        row["shape.area"],
        row["recipe.feret_ratio"],
        row["recipe.perimeter_diameter"],
        row.Unit("recipe.perimeter_diameter"));
}

Console.WriteLine(summary);
Console.WriteLine($"Results: {table.WriteCsv(Path.Combine(output, "results.csv"))}");
Console.WriteLine($"         {table.WriteJson(Path.Combine(output, "results.json"))}");
