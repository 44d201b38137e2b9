// Workbench recipe. sc2mid ui passes the path of the open dataset as Args[0].
// Ctrl+S saves this file; Ctrl+R saves it and runs it in a worker process; Esc cancels the run.
// The recipe API is described in scripts/README.md of the repository.
var dataset = OpenDataset(Args[0]);
var table = Extract(dataset, [Plugin("shape")], new ExtractSettings());
Console.WriteLine($"{table.ObjectCount} objects");
foreach (var row in table.Rows)
{
    Console.WriteLine($"{row.ImageId} object {row.ObjectId}: area {row["shape.area"]} {row.Unit("shape.area")}");
}
