namespace SC2Mid.Core.Datasets;

/// <summary>
/// Failure to read a dataset folder or manifest. The message starts with the file, and with its line for CSV
/// errors, then states what failed and what would work.
/// </summary>
public sealed class DatasetException : Exception
{
    /// <summary>Creates the exception; <paramref name="path"/> and <paramref name="line"/> lead the message.</summary>
    /// <param name="path">The folder, manifest or file at fault.</param>
    /// <param name="line">1-based line of the manifest, or null when the error is not tied to a line.</param>
    /// <param name="message">What failed and what would work, without the location.</param>
    /// <param name="innerException">The underlying I/O error, if any.</param>
    public DatasetException(string path, int? line, string message, Exception? innerException = null)
        : base($"{(line is null ? path : $"{path}:{line}")}: {message}", innerException)
    {
        Path = path;
        Line = line;
    }

    /// <summary>The folder, manifest or file at fault.</summary>
    public string Path { get; }

    /// <summary>1-based line of the manifest, or null when the error is not tied to a line.</summary>
    public int? Line { get; }
}
