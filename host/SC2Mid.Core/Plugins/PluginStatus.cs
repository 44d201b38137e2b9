namespace SC2Mid.Core.Plugins;

/// <summary>Outcome of loading one plugin folder.</summary>
public enum PluginStatus
{
    /// <summary>Loaded and initialized; its features can be extracted.</summary>
    Loaded,

    /// <summary>Rejected before loading code: invalid manifest, host API out of range, bad folder contents.</summary>
    Rejected,

    /// <summary>The manifest was valid but loading, creating or initializing the plugin type failed.</summary>
    Failed,
}
