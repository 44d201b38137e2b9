namespace SC2Mid.Ui.Tests;

/// <summary>Rules about the workbench's source that the compiler does not check.</summary>
public class SourceRulesTests
{
    /// <summary>The one file allowed to write to the console: it prints refusals before the UI starts.</summary>
    private const string ConsoleWriter = "UiCommand.cs";

    private static readonly string[] ConsoleCalls = ["Console.Write", "Console.Out", "Console.Error"];

    [Fact]
    public void UiSources_ConsoleWrites_OnlyInUiCommand()
    {
        var folder = Path.Combine(Repository.Root, "host", "SC2Mid.Ui");
        var offences = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || Path.GetFileName(file) == ConsoleWriter)
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (ConsoleCalls.Any(call => lines[i].Contains(call, StringComparison.Ordinal)))
                {
                    offences.Add($"{Path.GetRelativePath(folder, file)}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        Assert.True(
            offences.Count == 0,
            "The console belongs to Terminal.Gui while the workbench runs; log through ILogger (file and log pane) "
            + "instead:\n" + string.Join('\n', offences));
    }
}
