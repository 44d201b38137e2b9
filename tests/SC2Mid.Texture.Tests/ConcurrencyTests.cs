using SC2Mid.Plugins.Glcm;
using SC2Mid.Plugins.Hog;
using SC2Mid.Sdk;

namespace SC2Mid.Texture.Tests;

/// <summary>
/// The host calls Extract from several threads on one plugin instance, and may cancel a run: results must not
/// depend on the threads, and a cancelled call must stop.
/// </summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public void Extract_ParallelCallsOnOneInstance_MatchSequentialResults()
    {
        string[] images = ["tests/SC2Mid.Texture.Tests/TestData/images/noise8.png", "samples/cryoet/TS_001.133.tif"];
        string[] masks =
            ["tests/SC2Mid.Texture.Tests/TestData/masks/ragged.png", "samples/cryoet/TS_001.133_ground_truth.tif"];
        var glcm = new GlcmPlugin();
        var hog = new HogPlugin();
        var glcmContext = new ExtractionContext(
            ManifestParameters.Build(Glcm.GlcmReferenceTests.PluginFolder), null, false, CancellationToken.None);
        var hogContext = new ExtractionContext(
            ManifestParameters.Build(Hog.HogReferenceTests.PluginFolder), null, false, CancellationToken.None);

        List<double?> Run(int k)
        {
            using TextureSample sample = TextureSample.Load(images[k % 2], masks[k % 2]);
            return glcm.Extract(sample.Sample, glcmContext).Values
                .Concat(hog.Extract(sample.Sample, hogContext).Values)
                .Select(v => v.Value)
                .ToList();
        }

        var sequential = Enumerable.Range(0, 2).Select(Run).ToList();
        var parallel = new List<double?>[16];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, k => parallel[k] = Run(k));

        for (int k = 0; k < parallel.Length; k++)
        {
            Assert.Equal(sequential[k % 2], parallel[k]);
        }
    }

    [Fact]
    public void Extract_CancelledToken_ThrowsOperationCanceled()
    {
        using TextureSample sample = TextureSample.Load(
            "tests/SC2Mid.Texture.Tests/TestData/images/noise8.png",
            "tests/SC2Mid.Texture.Tests/TestData/masks/ragged.png");
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var glcmContext = new ExtractionContext(
            ManifestParameters.Build(Glcm.GlcmReferenceTests.PluginFolder), null, false, cancellation.Token);
        var hogContext = new ExtractionContext(
            ManifestParameters.Build(Hog.HogReferenceTests.PluginFolder), null, false, cancellation.Token);

        Assert.Throws<OperationCanceledException>(() => new GlcmPlugin().Extract(sample.Sample, glcmContext));
        Assert.Throws<OperationCanceledException>(() => new HogPlugin().Extract(sample.Sample, hogContext));
    }
}
