namespace SC2Mid.Sdk;

/// <summary>
/// A plugin that needs one-time set-up (opening a model file, building lookup tables) before the first
/// <see cref="IFeaturePlugin.Extract"/> call.
/// </summary>
public interface IInitializablePlugin
{
    /// <summary>
    /// Prepares the plugin. The host calls this once, on one thread, before any extraction; an exception
    /// marks the plugin as failed to load and no extraction is attempted.
    /// </summary>
    /// <param name="context">Where the plugin lives and how many threads it may use.</param>
    void Initialize(PluginContext context);
}
