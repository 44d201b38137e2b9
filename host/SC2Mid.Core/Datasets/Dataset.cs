namespace SC2Mid.Core.Datasets;

/// <summary>The images of a folder or CSV manifest, paired with their masks.</summary>
/// <param name="Source">Full path of the folder or manifest that was read.</param>
/// <param name="Items">
/// The images: sorted by ordinal <see cref="DatasetItem.ImageId"/> for folders, in file order for manifests.
/// </param>
/// <param name="Warnings">Conditions that did not stop reading, such as images without a mask.</param>
public sealed record Dataset(string Source, IReadOnlyList<DatasetItem> Items, IReadOnlyList<string> Warnings);
