namespace SC2Mid.Core.Tests.Imaging;

/// <summary>A new folder under the system temporary folder, deleted with its contents on dispose.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public ScratchFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sc2mid-imaging-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Creates a subfolder (and its parents) and returns its full path.</summary>
    public string CreateFolder(string relativePath) => Directory.CreateDirectory(Combine(relativePath)).FullName;

    public string Combine(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    /// <summary>Writes a file of the given bytes, creating its folder, and returns its full path.</summary>
    public string WriteBytes(string relativePath, byte[] bytes)
    {
        var path = Combine(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
