using System.Collections;
using System.Globalization;

namespace SC2Mid.Recipes;

/// <summary>A plugin to run, by id, with typed parameter values that override its manifest defaults.</summary>
/// <remarks>
/// Values are converted to the text that <c>--set PLUGIN.PARAM=VALUE</c> accepts (invariant culture, arrays
/// comma-separated) and checked against the manifest's type and range when the extraction is prepared, before
/// the first image is read.
/// </remarks>
/// <example><code>Plugin("glcm").With("levels", 16).With("distances", new[] { 1, 2 })</code></example>
public sealed record PluginRequest
{
    /// <summary>Creates a request for the plugin <paramref name="id"/> with its default parameters.</summary>
    public PluginRequest(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    /// <summary>Plugin id, as in <c>sc2mid plugins list</c>: <c>shape</c>, <c>hu</c>, <c>glcm</c>, <c>hog</c>,
    /// <c>deep</c>.</summary>
    public string Id { get; }

    /// <summary>Parameter values by name, without the plugin prefix.</summary>
    public IReadOnlyDictionary<string, object> Parameters { get; private init; } =
        new Dictionary<string, object>(StringComparer.Ordinal);

    /// <summary>Returns a copy of this request with <paramref name="name"/> set to <paramref name="value"/>.</summary>
    /// <param name="name">Parameter name without the plugin prefix, for example <c>levels</c>.</param>
    /// <param name="value">A number, a bool, a string, or a sequence of numbers for array parameters.</param>
    public PluginRequest With(string name, object value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        var parameters = new Dictionary<string, object>(Parameters, StringComparer.Ordinal) { [name] = value };
        return this with { Parameters = parameters };
    }

    /// <summary>Converts a parameter value to the text form the parameter binder parses.</summary>
    internal static string ToText(object value) => value switch
    {
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => string.Join(",", items.Cast<object>().Select(ToText)),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Returns <c>id(name=value, ...)</c>.</summary>
    public override string ToString() =>
        Parameters.Count == 0
            ? Id
            : $"{Id}({string.Join(", ", Parameters.Select(pair => $"{pair.Key}={ToText(pair.Value)}"))})";
}
