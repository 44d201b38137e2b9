namespace SC2Mid.Sdk;

/// <summary>One feature a plugin will produce under the current parameters.</summary>
/// <param name="Name">Full feature name, starting with the plugin id and a dot.</param>
/// <param name="Dimension">Physical dimension, which decides the unit.</param>
/// <param name="Definition">One-line definition with formula.</param>
public sealed record FeatureDeclaration(string Name, FeatureDimension Dimension, string Definition);
