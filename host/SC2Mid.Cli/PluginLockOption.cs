using System.CommandLine;
using SC2Mid.Core.Plugins;

namespace SC2Mid.Cli;

/// <summary>The <c>--plugin-lock FILE</c> option, which admits only the plugin builds listed in a lock file.</summary>
internal static class PluginLockOption
{
    public static Option<FileInfo?> Option { get; } = new("--plugin-lock")
    {
        Description = "Lock file written by 'sc2mid plugins lock'. Only plugins it lists, with the same entry "
            + "assembly SHA-256, are loaded; every other plugin is rejected.",
        Recursive = true,
    };

    /// <summary>Reads the lock file named on the command line, or returns null when the option is absent.</summary>
    /// <exception cref="UsageException">The file is missing, unreadable or not a valid lock file.</exception>
    public static PluginLock? Read(ParseResult parse)
    {
        if (parse.GetValue(Option) is not { } file)
        {
            return null;
        }

        if (!file.Exists)
        {
            throw new UsageException(
                $"--plugin-lock: file not found: {file.FullName}; write one with 'sc2mid plugins lock DIR --out FILE'.");
        }

        try
        {
            return PluginLock.Read(file.FullName);
        }
        catch (FormatException exception)
        {
            throw new UsageException($"--plugin-lock: {exception.Message}");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--plugin-lock: cannot read {file.FullName}: {exception.Message}");
        }
    }
}
