using System.CommandLine;
using System.Globalization;
using SC2Mid.Core.Plugins;

namespace SC2Mid.Cli;

/// <summary><c>sc2mid plugins list</c> and <c>sc2mid plugins validate</c>.</summary>
internal static class PluginsCommand
{
    private static readonly Option<bool> ShowParameters = new("--parameters")
    {
        Description = "Also list each plugin's parameters with type, default, range and unit.",
    };

    private static readonly Argument<DirectoryInfo> Folder = new("DIR")
    {
        Description = "A plugin folder (holding plugin.json) or a folder of plugin folders.",
    };

    public static Command Create()
    {
        var list = new Command("list", "List the plugins found, their versions, features and load status.")
        {
            ShowParameters,
        };
        list.SetAction(parse => List(parse));

        var validate = new Command(
            "validate",
            "Check plugin folders: manifest against plugin-manifest.schema.json, host API range, entry assembly, "
            + "SDK copies; then load each plugin.")
        {
            Folder,
        };
        validate.SetAction(parse => Validate(parse));
        return new Command("plugins", "Inspect and validate feature plugins.") { list, validate };
    }

    private static int List(ParseResult parse)
    {
        using var session = HostSession.Open(parse);
        var output = Console.Out;
        foreach (var entry in session.Catalog.Entries)
        {
            var version = entry.Manifest?.Version ?? "?";
            output.WriteLine($"{entry.Id} {version}  {entry.Status.ToString().ToLowerInvariant()}  {entry.Directory}");
            foreach (var error in entry.Errors)
            {
                output.WriteLine($"  error: {error}");
            }

            if (entry.Features.Count > 0)
            {
                output.WriteLine($"  features ({entry.Features.Count}): "
                    + string.Join(", ", entry.Features.Select(f => $"{f.Name} [{f.PixelUnit}]")));
            }

            if (parse.GetValue(ShowParameters) && entry.Manifest is { } manifest)
            {
                foreach (var parameter in manifest.Parameters)
                {
                    var low = parameter.Minimum?.ToString(CultureInfo.InvariantCulture) ?? "-inf";
                    var high = parameter.Maximum?.ToString(CultureInfo.InvariantCulture) ?? "+inf";
                    var range = parameter.Minimum is null && parameter.Maximum is null
                        ? string.Empty
                        : $" range [{low}, {high}]";
                    var values = parameter.Values is { Count: > 0 } allowed
                        ? $" one of {string.Join("|", allowed)}"
                        : string.Empty;
                    var unit = parameter.Unit is null ? string.Empty : $" unit {parameter.Unit}";
                    output.WriteLine(
                        $"  --set {entry.Id}.{parameter.Name}=<{parameter.Type}> default {parameter.Default.GetRawText()}"
                        + $"{range}{values}{unit}: {parameter.Description}");
                }
            }
        }

        if (session.Catalog.Entries.Count == 0)
        {
            output.WriteLine($"No plugins found in {PluginCatalog.DefaultDirectory} or the --plugins folders.");
        }

        return session.Catalog.Entries.All(entry => entry.Status == PluginStatus.Loaded)
            ? ExitCodes.Success
            : ExitCodes.PluginError;
    }

    private static int Validate(ParseResult parse)
    {
        var folder = parse.GetValue(Folder)!;
        if (!folder.Exists)
        {
            Console.Error.WriteLine($"error: folder not found: {folder.FullName}");
            return ExitCodes.InputError;
        }

        using var loggerFactory = HostSession.CreateLoggerFactory(parse.GetValue(CommonOptions.LogLevel));
        using var catalog = PluginCatalog.Load([folder.FullName], logger: loggerFactory.CreateLogger("validate"));
        if (catalog.Entries.Count == 0)
        {
            Console.Error.WriteLine($"error: no plugin.json in {folder.FullName} or its subfolders.");
            return ExitCodes.PluginError;
        }

        foreach (var entry in catalog.Entries)
        {
            if (entry.Status == PluginStatus.Loaded)
            {
                Console.Out.WriteLine($"valid: {entry.Id} {entry.Manifest!.Version} ({entry.Features.Count} features) "
                    + $"in {entry.Directory}");
                continue;
            }

            Console.Out.WriteLine($"invalid: {entry.Directory}");
            foreach (var error in entry.Errors)
            {
                Console.Out.WriteLine($"  {error}");
            }
        }

        return catalog.Entries.All(entry => entry.Status == PluginStatus.Loaded) ? ExitCodes.Success : ExitCodes.PluginError;
    }
}
