using System.Globalization;
using System.Text;
using SC2Mid.Core.Plugins;

namespace SC2Mid.Ui.Plugins;

/// <summary>Formats a catalog entry as plain text for the plugin browser.</summary>
internal static class PluginDescriber
{
    /// <summary>Returns the list label of an entry: id, version and load status.</summary>
    public static string Label(PluginEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var version = entry.Manifest?.Version ?? "?";
        return $"{entry.Id} {version} ({entry.Status.ToString().ToLowerInvariant()})";
    }

    /// <summary>
    /// Returns the details of an entry: manifest fields, why it was rejected or failed, its features with the units
    /// they are reported in, and its parameters with type, default, allowed range or values and unit.
    /// </summary>
    public static string Describe(PluginEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder();
        var manifest = entry.Manifest;
        text.AppendLine(CultureInfo.InvariantCulture, $"{entry.Id}: {entry.Status.ToString().ToLowerInvariant()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Folder: {entry.Directory}");
        if (entry.Errors.Count > 0)
        {
            text.AppendLine().AppendLine(entry.Status == PluginStatus.Loaded ? "Problems:" : "Not loaded because:");
            foreach (var error in entry.Errors)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  - {error}");
            }
        }

        if (manifest is null)
        {
            return text.ToString();
        }

        text.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Name:        {manifest.Name}")
            .AppendLine(CultureInfo.InvariantCulture, $"Version:     {manifest.Version}")
            .AppendLine(CultureInfo.InvariantCulture, $"Host API:    {manifest.HostApi.Minimum} to {manifest.HostApi.MaximumExclusive} (exclusive)")
            .AppendLine(CultureInfo.InvariantCulture, $"Assembly:    {manifest.EntryAssembly}")
            .AppendLine(CultureInfo.InvariantCulture, $"SHA-256:     {entry.AssemblySha256 ?? "(not loaded)"}")
            .AppendLine(CultureInfo.InvariantCulture, $"Authors:     {string.Join(", ", manifest.Authors)}")
            .AppendLine(CultureInfo.InvariantCulture, $"Licence:     {manifest.License}")
            .AppendLine(CultureInfo.InvariantCulture, $"Description: {manifest.Description}");

        AppendFeatures(text, manifest);
        AppendParameters(text, manifest);
        return text.ToString();
    }

    private static void AppendFeatures(StringBuilder text, PluginManifest manifest)
    {
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Features ({manifest.Features.Count} entries):");
        foreach (var feature in manifest.Features)
        {
            var units = Units(feature.Dimension);
            var count = feature.Count is { } n ? $", i = 1..{n}" : "";
            var dynamic = feature.Dynamic ? ", names depend on parameters" : "";
            text.AppendLine(CultureInfo.InvariantCulture, $"  {feature.Name} [{units}]{count}{dynamic}")
                .AppendLine(CultureInfo.InvariantCulture, $"      {feature.Definition}");
            if (feature.Source is { } source)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"      Source: {source}");
            }
        }
    }

    private static void AppendParameters(StringBuilder text, PluginManifest manifest)
    {
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Parameters ({manifest.Parameters.Count}):");
        if (manifest.Parameters.Count == 0)
        {
            text.AppendLine("  none");
        }

        foreach (var parameter in manifest.Parameters)
        {
            var range = (parameter.Minimum, parameter.Maximum) switch
            {
                (null, null) => "",
                ({ } min, null) => string.Create(CultureInfo.InvariantCulture, $", >= {min}"),
                (null, { } max) => string.Create(CultureInfo.InvariantCulture, $", <= {max}"),
                ({ } min, { } max) => string.Create(CultureInfo.InvariantCulture, $", {min} to {max}"),
            };
            var values = parameter.Values is { } allowed ? $", one of {string.Join("|", allowed)}" : "";
            var unit = parameter.Unit is { } u ? $" {u}" : "";
            text.AppendLine(CultureInfo.InvariantCulture,
                    $"  {parameter.Name} ({parameter.Type}) default {parameter.Default.GetRawText()}{unit}{range}{values}")
                .AppendLine(CultureInfo.InvariantCulture, $"      {parameter.Description}");
        }
    }

    private static string Units(SC2Mid.Sdk.FeatureDimension dimension)
    {
        var descriptor = new FeatureDescriptor("", "", dimension, "", null);
        return descriptor.IsCalibrated
            ? $"{descriptor.PixelUnit}, {descriptor.CalibratedUnit} when calibrated"
            : descriptor.PixelUnit;
    }
}
