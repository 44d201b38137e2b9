namespace SC2Mid.Ui.Startup;

/// <summary>Decides whether the workbench may start, so that it never draws escape sequences into a pipe or file.</summary>
public static class TerminalCheck
{
    /// <summary>The commands that work without a terminal, named in every refusal.</summary>
    public const string Alternatives =
        "use 'sc2mid batch DATASET --out DIR', 'sc2mid extract' or 'sc2mid plugins list' instead";

    /// <summary>Returns why the workbench cannot run in this terminal, or null when it can.</summary>
    public static string? FindReason(TerminalFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.OutputRedirected)
        {
            return "standard output is not a terminal";
        }

        if (facts.InputRedirected)
        {
            return "standard input is not a terminal";
        }

        if (string.IsNullOrEmpty(facts.Term))
        {
            return "TERM is not set";
        }

        if (facts.Term == "dumb")
        {
            return "TERM is 'dumb', which cannot position the cursor";
        }

        return facts.HasControllingTerminal ? null : "the process has no controlling terminal";
    }

    /// <summary>Returns the one-line message printed instead of starting the workbench.</summary>
    public static string Refusal(string reason) =>
        $"error: sc2mid ui needs an interactive terminal, but {reason}; {Alternatives}.";
}
