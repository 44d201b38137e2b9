namespace SC2Mid.Core.Imaging;

/// <summary>
/// Failure to read, decode or check an image or mask file. The message names the file, what failed and what
/// would work.
/// </summary>
public sealed class ImageLoadException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/>; the path is prepended to the message.</summary>
    /// <param name="path">The file that failed to load.</param>
    /// <param name="message">What failed and what would work, without the path.</param>
    /// <param name="innerException">The underlying I/O or OpenCV error, if any.</param>
    public ImageLoadException(string path, string message, Exception? innerException = null)
        : base($"{path}: {message}", innerException)
    {
        Path = path;
    }

    /// <summary>The file that failed to load, as given to the loader.</summary>
    public string Path { get; }
}
