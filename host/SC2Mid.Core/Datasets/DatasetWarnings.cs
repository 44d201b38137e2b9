namespace SC2Mid.Core.Datasets;

/// <summary>Formatting shared by dataset warnings.</summary>
internal static class DatasetWarnings
{
    /// <summary>At most this many names are listed in one warning; the rest are counted.</summary>
    public const int MaxNamesListed = 10;

    /// <summary>Joins the first <see cref="MaxNamesListed"/> names and counts the others.</summary>
    public static string ListNames(IReadOnlyList<string> names)
    {
        var listed = string.Join(", ", names.Take(MaxNamesListed));
        return names.Count > MaxNamesListed ? $"{listed} and {names.Count - MaxNamesListed} more" : listed;
    }
}
