using System.CommandLine;
using SC2Mid.Core.Extraction;

namespace SC2Mid.Cli;

/// <summary><c>sc2mid deep layers</c>: lists the layers of a CNN model that the deep plugin can tap.</summary>
internal static class DeepCommand
{
    private const string DeepPluginId = "deep";

    private static readonly Argument<FileInfo?> Model = new("MODEL")
    {
        Description = "ONNX model file (default: the ResNet18 model bundled with the deep plugin).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public static Command Create()
    {
        var layers = new Command(
            "layers",
            "List the layers (node outputs) of a CNN model that --set deep.layer=NAME can tap, with their shapes.")
        {
            Model,
        };
        layers.SetAction(List);
        return new Command("deep", "Inspect the CNN models of the deep-feature plugin.") { layers };
    }

    private static int List(ParseResult parse)
    {
        var model = parse.GetValue(Model);
        if (model is { Exists: false })
        {
            Console.Error.WriteLine($"error: model file not found: {model.FullName}");
            return ExitCodes.InputError;
        }

        using var session = HostSession.Open(parse);
        var overrides = new Dictionary<string, string> { ["mode"] = "layers" };
        if (model is not null)
        {
            overrides["model"] = "custom";
            overrides["model_path"] = model.FullName;
        }

        // In layers mode the plugin lists one feature per tappable value, and the definition names it and its shape.
        var bound = BoundPlugin.Bind(session.Catalog.Get(DeepPluginId), overrides);
        var layerFeatures = bound.Features.Where(feature => feature.Name.StartsWith("deep.layers.", StringComparison.Ordinal));
        foreach (var feature in layerFeatures)
        {
            Console.Out.WriteLine($"{feature.Name["deep.layers.".Length..]}: {feature.Definition}");
        }

        return ExitCodes.Success;
    }
}
