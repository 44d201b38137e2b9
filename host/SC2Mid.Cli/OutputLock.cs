namespace SC2Mid.Cli;

/// <summary>
/// An exclusive lock on a batch output folder, held from before the journal is opened until the final files are
/// written.
/// </summary>
/// <remarks>
/// The lock is the file <c>OUT/.lock</c> opened without sharing. On Linux and macOS .NET implements that with an
/// advisory <c>flock</c>, which every sc2mid process honours and the operating system releases when a process dies,
/// even by <c>kill -9</c>. The file itself stays, empty.
/// </remarks>
internal sealed class OutputLock : IDisposable
{
    private readonly FileStream _stream;

    private OutputLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock on <paramref name="folder"/>, creating the folder when missing.</summary>
    /// <exception cref="UsageException">Another process holds the lock.</exception>
    public static OutputLock Acquire(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, ".lock");
        try
        {
            return new OutputLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException exception)
        {
            throw new UsageException(
                $"another sc2mid batch is writing to {folder} ({path} is locked: {exception.Message}). Wait for it "
                + "to finish, or give a different --out.");
        }
    }

    public void Dispose() => _stream.Dispose();
}
