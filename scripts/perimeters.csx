// Compares the four perimeter definitions of the shape plugin on every particle of a dataset, each relative to
// shape.perimeter (scikit-image's regionprops perimeter), and to the circumference of the disk of equal area:
//
//   shape.perimeter                  weighted border-pixel count (scikit-image regionprops)
//   shape.perimeter_crofton          Crofton formula over 4 directions (scikit-image perimeter_crofton)
//   shape.perimeter_chain            OpenCV arcLength of the outer 8-connected contour
//   shape.perimeter_boundary_pixels  number of border pixels, 1 px each
//
// Usage: sc2mid run scripts/perimeters.csx [-- DATASET [OUT]]
//   defaults: samples/dataset.csv (each mask component is one particle), results/perimeters
// Writes OUT/perimeters.csv (one row per particle and definition) and OUT/perimeters.png (bar chart of the mean
// ratios).
#load "lib/output.csx"

var dataset = InputDataset(0);
var output = OutputFolder(1, "perimeters");
string[] definitions =
[
    "shape.perimeter",
    "shape.perimeter_crofton",
    "shape.perimeter_chain",
    "shape.perimeter_boundary_pixels",
];

var table = Extract(dataset, [Plugin("shape")], new ExtractSettings { Objects = ObjectMode.Components });
var comparison = NewTable(
    "image", "object", "definition", "perimeter", "unit", "relative_to_skimage", "relative_to_disk");
foreach (var row in table.Rows)
{
    var reference = row["shape.perimeter"];
    var disk = Math.PI * row["shape.equivalent_diameter"];
    foreach (var definition in definitions)
    {
        var value = row[definition];
        var unit = row.Unit(definition);
        comparison.Add(row.ImageId, row.ObjectId, definition, value, unit, value / reference, value / disk);
    }
}

Console.WriteLine(comparison);

// Mean ratio per definition over all particles: how much each estimator differs from scikit-image's on this data.
var means = new List<double>();
foreach (var definition in definitions)
{
    var ratios = table.Rows
        .Select(row => row[definition] / row["shape.perimeter"])
        .OfType<double>()
        .Where(double.IsFinite)
        .ToArray();
    var mean = ratios.Length == 0 ? double.NaN : ratios.Average();
    means.Add(mean);
    Console.WriteLine($"{definition,-32} mean ratio to shape.perimeter {mean:F4} over {ratios.Length} particle(s)");
}

Console.WriteLine($"Table:  {comparison.WriteCsv(Path.Combine(output, "perimeters.csv"))}");
var figure = SaveBarChart(
    Path.Combine(output, "perimeters.png"),
    $"Mean perimeter relative to shape.perimeter ({table.ObjectCount} particles)",
    definitions,
    means);
Console.WriteLine($"Figure: {figure}");
