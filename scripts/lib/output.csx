// Helpers shared by the recipes in this folder, pulled in with #load "lib/output.csx".

/// <summary>
/// Returns the output folder: the recipe argument at <paramref name="index"/> when given (relative to the working
/// directory), else results/NAME at the repository root (the folder above scripts/). The folder is created.
/// </summary>
string OutputFolder(int index, string name)
{
    var folder = Args.Count > index ? Path.GetFullPath(Args[index]) : Here(Path.Combine("..", "results", name));
    Directory.CreateDirectory(folder);
    return folder;
}

/// <summary>Returns the dataset given as argument <paramref name="index"/>, else the bundled sample manifest.</summary>
Dataset InputDataset(int index) =>
    OpenDataset(Args.Count > index ? Args[index] : Here(Path.Combine("..", "samples", "dataset.csv")));
