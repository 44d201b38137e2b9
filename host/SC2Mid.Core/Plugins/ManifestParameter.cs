using System.Text.Json;

namespace SC2Mid.Core.Plugins;

/// <summary>A parameter entry of a manifest.</summary>
public sealed record ManifestParameter
{
    /// <summary>Parameter name, used as <c>--set PLUGIN.NAME=VALUE</c>.</summary>
    public required string Name { get; init; }

    /// <summary>One of integer, number, boolean, string, integer[], number[].</summary>
    public required string Type { get; init; }

    /// <summary>Default value, of <see cref="Type"/>.</summary>
    public required JsonElement Default { get; init; }

    /// <summary>Smallest allowed value (of each element, for arrays), or null.</summary>
    public double? Minimum { get; init; }

    /// <summary>Largest allowed value (of each element, for arrays), or null.</summary>
    public double? Maximum { get; init; }

    /// <summary>Allowed values of a string parameter, or null for any string.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>Unit of the value, or null.</summary>
    public string? Unit { get; init; }

    /// <summary>What the parameter sets.</summary>
    public required string Description { get; init; }
}
