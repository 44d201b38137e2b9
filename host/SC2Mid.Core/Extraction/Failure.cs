namespace SC2Mid.Core.Extraction;

/// <summary>A failure recorded for one image, and for a plugin and object when it concerns one.</summary>
/// <param name="Kind">What failed.</param>
/// <param name="Message">What happened, naming the file or plugin.</param>
/// <param name="PluginId">The plugin that failed, or null.</param>
/// <param name="ObjectId">The object being processed, or null.</param>
public sealed record Failure(FailureKind Kind, string Message, string? PluginId = null, int? ObjectId = null);
