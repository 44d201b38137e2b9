using SC2Mid.Deep.Tests.Support;
using SC2Mid.Plugins.Deep;
using SC2Mid.Sdk;

namespace SC2Mid.Deep.Tests.ResNet18;

/// <summary>
/// One initialised plugin and the cryo-ET sample, shared by the ResNet18 tests so that the 64 MB model is read
/// and its session created once.
/// </summary>
public sealed class ResNet18Fixture : IDisposable
{
    /// <summary>Intra-op threads that the tests give the plugin.</summary>
    public const int Threads = 2;

    /// <summary>Creates the plugin with the test output folder as its plugin folder, where the model files are copied.</summary>
    public ResNet18Fixture()
    {
        Plugin = CreatePlugin();
        Sample = DeepSample.CryoEt();
        Pool = Plugin.Extract(Sample.Sample, DeepContext.Of(DeepContext.Parameters()));
    }

    /// <summary>The shared plugin.</summary>
    public DeepPlugin Plugin { get; }

    /// <summary>TS_001.133 and its ground-truth mask.</summary>
    public DeepSample Sample { get; }

    /// <summary>The default features of the sample: deep.resnet18.pool.0 … 511.</summary>
    public FeatureSet Pool { get; }

    /// <summary>Absolute path of the bundled model in the test output.</summary>
    public static string ModelPath => Path.Combine(AppContext.BaseDirectory, ModelPreset.ResNet18Model);

    /// <summary>Creates and initialises a plugin of its own.</summary>
    public static DeepPlugin CreatePlugin()
    {
        var plugin = new DeepPlugin();
        plugin.Initialize(new PluginContext(AppContext.BaseDirectory, Threads));
        return plugin;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Plugin.Dispose();
        Sample.Dispose();
    }
}
