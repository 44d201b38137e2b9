namespace SC2Mid.Core.Output;

/// <summary>A file a plugin saved for one object: a figure or a long vector.</summary>
/// <param name="PluginId">The plugin that saved it.</param>
/// <param name="ObjectId">The object it belongs to.</param>
/// <param name="Kind"><c>figure</c> or <c>vector</c>.</param>
/// <param name="Name">The name the plugin gave it.</param>
/// <param name="RelativePath">Path relative to the artifacts folder, with '/' separators.</param>
public sealed record ArtifactRecord(string PluginId, int ObjectId, string Kind, string Name, string RelativePath);
