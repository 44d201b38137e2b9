using SC2Mid.Ui.Startup;

namespace SC2Mid.Ui.Tests.Startup;

public class TerminalCheckTests
{
    [Theory]
    [InlineData(false, true, "xterm-256color", true, "standard output is not a terminal")]
    [InlineData(true, false, "xterm-256color", true, "standard input is not a terminal")]
    [InlineData(false, false, null, true, "TERM is not set")]
    [InlineData(false, false, "", true, "TERM is not set")]
    [InlineData(false, false, "dumb", true, "TERM is 'dumb', which cannot position the cursor")]
    [InlineData(false, false, "xterm-256color", false, "the process has no controlling terminal")]
    public void FindReason_NoUsableTerminal_NamesTheCause(
        bool inputRedirected, bool outputRedirected, string? term, bool tty, string expected)
    {
        var reason = TerminalCheck.FindReason(new TerminalFacts(inputRedirected, outputRedirected, term, tty));

        Assert.Equal(expected, reason);
    }

    [Theory]
    [InlineData("xterm-256color")]
    [InlineData("screen")]
    [InlineData("tmux-256color")]
    public void FindReason_InteractiveTerminal_ReturnsNull(string term)
    {
        Assert.Null(TerminalCheck.FindReason(new TerminalFacts(false, false, term, true)));
    }

    [Fact]
    public void Refusal_AnyReason_IsOneLine()
    {
        var message = TerminalCheck.Refusal("standard output is not a terminal");

        Assert.DoesNotContain('\n', message);
        Assert.StartsWith("error: sc2mid ui needs an interactive terminal", message, StringComparison.Ordinal);
        Assert.Contains("sc2mid batch", message, StringComparison.Ordinal);
    }
}
