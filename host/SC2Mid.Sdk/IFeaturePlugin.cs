namespace SC2Mid.Sdk;

/// <summary>
/// A family of features computed for one object of one image.
/// </summary>
/// <remarks>
/// <para>
/// The host creates one instance per plugin per process with the public parameterless constructor and calls
/// <see cref="Extract"/> from several threads at once. Implementers owe the host:
/// </para>
/// <list type="bullet">
/// <item>Thread safety: <see cref="Extract"/> may run concurrently on different samples.</item>
/// <item>No state carried between samples: the result depends only on the sample and the context.</item>
/// <item>No writes to the sample's matrices: they are shared with other plugins.</item>
/// <item>
/// No exception for a degenerate object (empty mask, one pixel, a line, an object touching the border):
/// return <see cref="FeatureValue.Null"/> with a reason instead. Exceptions are for faults (bad parameters
/// that passed validation, a corrupt model file), and the host records them as a failure of this plugin on
/// this image.
/// </item>
/// <item>
/// Exactly the features the manifest declares, named as declared, with values that are finite numbers or
/// null with a reason. Values are in pixel units; the host converts lengths and areas to nanometres.
/// </item>
/// </list>
/// <para>A plugin that implements <see cref="IDisposable"/> is disposed when the host unloads it.</para>
/// </remarks>
public interface IFeaturePlugin
{
    /// <summary>Computes this plugin's features for one object.</summary>
    /// <param name="sample">The image, the object's mask and the calibration. Read-only.</param>
    /// <param name="context">Validated parameters, cancellation and the sink for figures.</param>
    /// <returns>The feature values, and any warnings about this sample.</returns>
    FeatureSet Extract(Sample sample, ExtractionContext context);
}
