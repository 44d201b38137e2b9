namespace SC2Mid.Sdk;

/// <summary>
/// A plugin whose feature names depend on its parameters (for example one value per GLCM distance, or one per
/// channel of a tapped CNN layer). Its manifest declares those families with <c>"dynamic": true</c> and a name
/// pattern for documentation; the exact names come from <see cref="DescribeFeatures"/>.
/// </summary>
public interface IDynamicFeaturePlugin : IFeaturePlugin
{
    /// <summary>
    /// Lists the features that <see cref="IFeaturePlugin.Extract"/> returns under <paramref name="parameters"/>, in
    /// output order. The host calls this once per run, before any extraction, to build table columns; it must not
    /// depend on any sample and must be fast.
    /// </summary>
    /// <param name="parameters">The validated parameters of the run.</param>
    /// <returns>Features in output order, excluding the manifest's non-dynamic features, which the host adds first.</returns>
    /// <exception cref="ArgumentException">The parameters are inconsistent; the message says which and why.</exception>
    IReadOnlyList<FeatureDeclaration> DescribeFeatures(PluginParameters parameters);
}
