using System.Text.RegularExpressions;
using SC2Mid.Core.Tests.Support;

namespace SC2Mid.Core.Tests.Architecture;

/// <summary>Rules about which code may call what, checked by scanning the source files of the repository.</summary>
public sealed partial class SourceRulesTests
{
    [Fact]
    public void Console_OutsideCliAndUi_IsNotUsed()
    {
        // Libraries and plugins log through ILogger or return messages; only the programs own the console.
        var offenders = SourceFiles("host", "plugins")
            .Where(file => !IsUnder(file, "host/SC2Mid.Cli") && !IsUnder(file, "host/SC2Mid.Ui"))
            .SelectMany(file => Matches(file, ConsoleCall()))
            .ToArray();

        Assert.True(offenders.Length == 0, "Use ILogger or return the message instead of the console:\n"
            + string.Join('\n', offenders));
    }

    [Fact]
    public void Plugins_ReferenceOnlySdkFromHost()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot, "plugins"), "*.csproj",
                SearchOption.AllDirectories)
            .SelectMany(file => Matches(file, HostProjectReference()))
            .ToArray();

        Assert.True(offenders.Length == 0, "Plugins may reference only host/SC2Mid.Sdk (through "
            + "plugins/Directory.Build.props):\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void Plugins_DoNotUseTerminalGuiOrCore()
    {
        var offenders = SourceFiles("plugins")
            .SelectMany(file => Matches(file, ForbiddenPluginNamespace()))
            .ToArray();

        Assert.True(offenders.Length == 0, "Plugins must not use Terminal.Gui or SC2Mid.Core; put shared code in "
            + "the SDK:\n" + string.Join('\n', offenders));
    }

    private static IEnumerable<string> SourceFiles(params string[] roots) =>
        roots.SelectMany(root => Directory.EnumerateFiles(
                Path.Combine(TestPaths.RepositoryRoot, root), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}",
                StringComparison.Ordinal))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}",
                StringComparison.Ordinal));

    private static bool IsUnder(string file, string folder) =>
        Path.GetRelativePath(TestPaths.RepositoryRoot, file).Replace('\\', '/')
            .StartsWith(folder + "/", StringComparison.Ordinal);

    private static IEnumerable<string> Matches(string file, Regex pattern)
    {
        var lines = File.ReadAllLines(file);
        for (var i = 0; i < lines.Length; i++)
        {
            // Comments may name the console, for example to say which stream a worker protocol uses.
            var code = lines[i].TrimStart();
            if (!code.StartsWith("//", StringComparison.Ordinal) && pattern.IsMatch(code))
            {
                yield return $"{Path.GetRelativePath(TestPaths.RepositoryRoot, file)}:{i + 1}: {lines[i].Trim()}";
            }
        }
    }

    [GeneratedRegex(@"\bConsole\s*\.\s*(Write|WriteLine|Out|Error|In|Read|ReadLine|OpenStandard)")]
    private static partial Regex ConsoleCall();

    [GeneratedRegex(@"<ProjectReference[^>]*host[/\\]SC2Mid\.(?!Sdk[/\\])")]
    private static partial Regex HostProjectReference();

    [GeneratedRegex(@"^\s*using\s+(Terminal\.Gui|SC2Mid\.Core)\b")]
    private static partial Regex ForbiddenPluginNamespace();
}
