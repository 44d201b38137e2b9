using SC2Mid.Core.Plugins;

namespace SC2Mid.Core.Tests.Support;

/// <summary>Catalogs of real plugin assemblies: the bundled ones plus the faulty fixture.</summary>
internal static class Catalogs
{
    public static PluginCatalog BundledAndFixtures() =>
        PluginCatalog.Load([TestPaths.BundledPlugins, TestPaths.TestPlugins]);
}
