using System.Text.Json;
using SC2Mid.Core.Plugins;
using SC2Mid.Sdk;

namespace SC2Mid.Core.Tests.Plugins;

public sealed class ParameterBinderTests
{
    private static readonly PluginManifest Manifest = new()
    {
        Id = "demo",
        Name = "Demo",
        Version = "1.0.0",
        Description = "Parameters of every type.",
        HostApi = new HostApiRange("1.0", "2.0"),
        EntryAssembly = "Demo.dll",
        Features = [new ManifestFeature { Name = "demo.x", Dimension = FeatureDimension.Length, Definition = "x" }],
        Parameters =
        [
            Parameter("levels", "integer", "256", minimum: 2, maximum: 65536),
            Parameter("sigma", "number", "1.5", minimum: 0),
            Parameter("symmetric", "boolean", "true"),
            Parameter("pooling", "string", "\"mean\"", values: ["mean", "max"]),
            Parameter("distances", "integer[]", "[1, 2]", minimum: 1),
            Parameter("angles", "number[]", "[0, 45.5]"),
        ],
        Authors = ["test"],
        License = "MIT",
    };

    [Fact]
    public void Bind_NoOverrides_UsesTypedDefaults()
    {
        var parameters = ParameterBinder.Bind(Manifest, new Dictionary<string, string>());

        Assert.Equal(256, parameters.GetInt32("levels"));
        Assert.Equal(1.5, parameters.GetDouble("sigma"));
        Assert.True(parameters.GetBoolean("symmetric"));
        Assert.Equal("mean", parameters.GetString("pooling"));
        Assert.Equal([1, 2], parameters.GetInt32Array("distances"));
        Assert.Equal([0, 45.5], parameters.GetDoubleArray("angles"));
    }

    [Fact]
    public void Bind_ValidOverrides_ReplaceDefaults()
    {
        var parameters = ParameterBinder.Bind(Manifest, new Dictionary<string, string>
        {
            ["levels"] = "64",
            ["sigma"] = "2e-1",
            ["symmetric"] = "false",
            ["pooling"] = "max",
            ["distances"] = "1, 3,5",
        });

        Assert.Equal(64, parameters.GetInt32("levels"));
        Assert.Equal(0.2, parameters.GetDouble("sigma"));
        Assert.False(parameters.GetBoolean("symmetric"));
        Assert.Equal("max", parameters.GetString("pooling"));
        Assert.Equal([1, 3, 5], parameters.GetInt32Array("distances"));
    }

    [Theory]
    [InlineData("levels", "1", "'1'", "from 2 to 65536")]
    [InlineData("levels", "3.5", "'3.5'", "an integer")]
    [InlineData("sigma", "-1", "'-1'", "from 0 to +inf")]
    [InlineData("sigma", "NaN", "'NaN'", "a finite number")]
    [InlineData("symmetric", "yes", "'yes'", "true or false")]
    [InlineData("pooling", "median", "'median'", "one of mean, max")]
    [InlineData("distances", "1,0", "'0'", "from 1 to +inf")]
    public void Bind_InvalidOverride_NamesParameterAndValidValues(
        string name,
        string value,
        string quotedBadValue,
        string expected)
    {
        var exception = Assert.Throws<FormatException>(() =>
            ParameterBinder.Bind(Manifest, new Dictionary<string, string> { [name] = value }));

        Assert.Contains($"demo.{name}", exception.Message, StringComparison.Ordinal);
        Assert.Contains(quotedBadValue, exception.Message, StringComparison.Ordinal);
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_UnknownParameter_ListsDeclaredOnes()
    {
        var exception = Assert.Throws<FormatException>(() =>
            ParameterBinder.Bind(Manifest, new Dictionary<string, string> { ["level"] = "2" }));

        Assert.Contains("no parameter 'level'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("levels", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetInt32_UnknownName_ListsDeclaredParameters()
    {
        var parameters = ParameterBinder.Bind(Manifest, new Dictionary<string, string>());

        var exception = Assert.Throws<KeyNotFoundException>(() => parameters.GetInt32("level"));

        Assert.Contains("levels", exception.Message, StringComparison.Ordinal);
    }

    private static ManifestParameter Parameter(
        string name,
        string type,
        string defaultJson,
        double? minimum = null,
        double? maximum = null,
        string[]? values = null) => new()
        {
            Name = name,
            Type = type,
            Default = JsonDocument.Parse(defaultJson).RootElement.Clone(),
            Minimum = minimum,
            Maximum = maximum,
            Values = values,
            Description = name,
        };
}
