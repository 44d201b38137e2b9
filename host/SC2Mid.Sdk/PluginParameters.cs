using System.Collections.ObjectModel;
using System.Globalization;

namespace SC2Mid.Sdk;

/// <summary>
/// A plugin's parameter values after the host checked them against the manifest's types and ranges and filled in
/// defaults. Values are stored as <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>,
/// <see cref="string"/>, <c>long[]</c> or <c>double[]</c>.
/// </summary>
public sealed class PluginParameters
{
    private readonly ReadOnlyDictionary<string, object> _values;

    /// <summary>Creates the parameter set; the dictionary is copied.</summary>
    public PluginParameters(IReadOnlyDictionary<string, object> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = new ReadOnlyDictionary<string, object>(
            values.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal));
    }

    /// <summary>A set with no parameters.</summary>
    public static PluginParameters Empty { get; } = new(new Dictionary<string, object>());

    /// <summary>All values by parameter name.</summary>
    public IReadOnlyDictionary<string, object> Values => _values;

    /// <summary>Returns an integer parameter.</summary>
    /// <exception cref="KeyNotFoundException">The manifest declares no such parameter.</exception>
    /// <exception cref="InvalidCastException">The parameter is not an integer within the range of <see cref="int"/>.</exception>
    public int GetInt32(string name) => checked((int)Get<long>(name));

    /// <summary>Returns a number parameter; an integer parameter is widened.</summary>
    public double GetDouble(string name) =>
        Find(name) switch
        {
            double number => number,
            long integer => integer,
            var other => throw WrongType(name, other, "number"),
        };

    /// <summary>Returns a boolean parameter.</summary>
    public bool GetBoolean(string name) => Get<bool>(name);

    /// <summary>Returns a string parameter.</summary>
    public string GetString(string name) => Get<string>(name);

    /// <summary>Returns an integer-array parameter.</summary>
    public IReadOnlyList<int> GetInt32Array(string name) => Get<long[]>(name).Select(v => checked((int)v)).ToArray();

    /// <summary>Returns a number-array parameter.</summary>
    public IReadOnlyList<double> GetDoubleArray(string name) =>
        Find(name) switch
        {
            double[] numbers => numbers,
            long[] integers => integers.Select(v => (double)v).ToArray(),
            var other => throw WrongType(name, other, "number[]"),
        };

    private T Get<T>(string name) =>
        Find(name) is T typed ? typed : throw WrongType(name, _values[name], typeof(T).Name);

    private object Find(string name)
    {
        if (_values.TryGetValue(name, out var value))
        {
            return value;
        }

        var known = _values.Count == 0 ? "none" : string.Join(", ", _values.Keys.Order(StringComparer.Ordinal));
        throw new KeyNotFoundException($"No parameter named '{name}'. Declared parameters: {known}.");
    }

    private static InvalidCastException WrongType(string name, object value, string expected) =>
        new(string.Format(
            CultureInfo.InvariantCulture,
            "Parameter '{0}' holds a {1} ({2}), not a {3}.",
            name,
            value.GetType().Name,
            value,
            expected));
}
