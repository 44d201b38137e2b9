namespace SC2Mid.Ui.Startup;

/// <summary>What decides whether the workbench can draw: redirections, the terminal type and a controlling tty.</summary>
/// <param name="InputRedirected">Whether standard input is a file or pipe rather than a terminal.</param>
/// <param name="OutputRedirected">Whether standard output is a file or pipe rather than a terminal.</param>
/// <param name="Term">Value of the <c>TERM</c> environment variable, or null when it is unset.</param>
/// <param name="HasControllingTerminal">Whether the process could open <c>/dev/tty</c>.</param>
public sealed record TerminalFacts(bool InputRedirected, bool OutputRedirected, string? Term, bool HasControllingTerminal)
{
    /// <summary>Reads the facts of the current process.</summary>
    /// <remarks>On Windows there is no <c>/dev/tty</c> and no <c>TERM</c>; both are taken as present.</remarks>
    public static TerminalFacts Current()
    {
        var windows = OperatingSystem.IsWindows();
        return new TerminalFacts(
            Console.IsInputRedirected,
            Console.IsOutputRedirected,
            windows ? "windows-console" : Environment.GetEnvironmentVariable("TERM"),
            windows || CanOpenControllingTerminal());
    }

    private static bool CanOpenControllingTerminal()
    {
        try
        {
            // Opening /dev/tty fails with ENXIO when the process has no controlling terminal (cron, setsid, CI).
            using var tty = new FileStream("/dev/tty", FileMode.Open, FileAccess.ReadWrite);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
