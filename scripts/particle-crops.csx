// Cuts one image crop and one mask crop (PNG) per particle from micrographs whose masks hold several particles:
// each 8-connected component of the mask is one object, cut to its bounding box plus a margin.
//
// Usage: sc2mid run scripts/particle-crops.csx [-- DATASET [OUT [MARGIN_PX]]]
//   defaults: samples/dataset.csv (the cryo-ET slice with three virions), results/crops, 8 px
// Writes OUT/IMAGE/object-N.image.png, OUT/IMAGE/object-N.mask.png and OUT/particles.csv.
#load "lib/output.csx"

var dataset = InputDataset(0);
var output = OutputFolder(1, "crops");
var margin = Args.Count > 2 ? int.Parse(Args[2], CultureInfo.InvariantCulture) : 8;

var table = Extract(
    dataset,
    [Plugin("shape")],
    new ExtractSettings { Objects = ObjectMode.Components, CropsFolder = output, CropMargin = margin });

var particles = NewTable("image", "object", "x", "y", "width", "height", "area_px2", "image_crop", "mask_crop");
foreach (var row in table.Rows)
{
    var box = row.ObjectResult.BoundingBox;
    var crops = row.ImageResult.Artifacts.Where(a => a.PluginId == "crop" && a.ObjectId == row.ObjectId).ToArray();
    particles.Add(
        row.ImageId,
        row.ObjectId,
        box.X,
        box.Y,
        box.Width,
        box.Height,
        row.Px("shape.area"),
        crops.FirstOrDefault(a => a.Name == "image")?.RelativePath,
        crops.FirstOrDefault(a => a.Name == "mask")?.RelativePath);
}

Console.WriteLine(particles);
Console.WriteLine($"{table.ObjectCount} particle(s); crops and particles.csv in {output}");
particles.WriteCsv(Path.Combine(output, "particles.csv"));
