using SC2Mid.Core.Plugins;

namespace SC2Mid.Core.Output;

/// <summary>One feature column of the wide table.</summary>
/// <param name="Name">Column name with the unit in brackets, for example <c>shape.area [nm^2]</c>.</param>
/// <param name="Feature">The feature whose values the column contains.</param>
/// <param name="Calibrated">
/// Whether the column contains the calibrated value (nm, nm^2) rather than the value in pixel units.
/// </param>
internal sealed record WideTableColumn(string Name, FeatureDescriptor Feature, bool Calibrated)
{
    /// <summary>Unit of the column's values.</summary>
    public string Unit => Calibrated ? Feature.CalibratedUnit : Feature.PixelUnit;
}
