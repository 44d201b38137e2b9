namespace SC2Mid.Core.Plugins;

/// <summary>One plugin a lock file admits: its id, version and the SHA-256 of its entry assembly.</summary>
/// <param name="Id">Plugin id from the manifest.</param>
/// <param name="Version">Plugin version from the manifest when the lock was written; informational.</param>
/// <param name="EntryAssembly">File name of the entry assembly; informational.</param>
/// <param name="AssemblySha256">SHA-256 of the entry assembly, 64 lowercase hex digits.</param>
public sealed record PluginLockEntry(string Id, string Version, string EntryAssembly, string AssemblySha256);
