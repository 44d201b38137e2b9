namespace SC2Mid.Core.Conformance;

/// <summary>One line of a conformance report: which rule was checked, the outcome and why.</summary>
/// <param name="Name">Short name of the rule, for example <c>degenerate.empty-mask</c>.</param>
/// <param name="Outcome">Passed, failed or skipped.</param>
/// <param name="Detail">What was checked when it passed, or each violation when it failed.</param>
public sealed record ConformanceCheck(string Name, ConformanceOutcome Outcome, string Detail)
{
    /// <summary>Creates a passed check.</summary>
    public static ConformanceCheck Pass(string name, string detail) => new(name, ConformanceOutcome.Passed, detail);

    /// <summary>Creates a failed check whose detail lists the violations.</summary>
    public static ConformanceCheck Fail(string name, IEnumerable<string> problems) =>
        new(name, ConformanceOutcome.Failed, string.Join(" | ", problems));

    /// <summary>Creates a skipped check with the reason it could not run.</summary>
    public static ConformanceCheck Skip(string name, string reason) => new(name, ConformanceOutcome.Skipped, reason);
}
