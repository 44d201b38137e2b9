namespace SC2Mid.Sdk;

/// <summary>Facts about the plugin's installation and resource budget, passed once at initialization.</summary>
/// <param name="PluginDirectory">Absolute path of the folder that contains the plugin's manifest and assemblies.</param>
/// <param name="MaxThreads">
/// Threads the plugin may use inside one <see cref="IFeaturePlugin.Extract"/> call (at least 1). The host runs
/// several calls in parallel, so a plugin with its own thread pool must stay within this budget.
/// </param>
public sealed record PluginContext(string PluginDirectory, int MaxThreads);
