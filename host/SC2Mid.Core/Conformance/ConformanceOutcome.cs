namespace SC2Mid.Core.Conformance;

/// <summary>Result of one conformance check.</summary>
public enum ConformanceOutcome
{
    /// <summary>The plugin meets the rule.</summary>
    Passed,

    /// <summary>The plugin breaks the rule; the check's detail lists each violation.</summary>
    Failed,

    /// <summary>The check could not run (for example no feature declares <c>rotationInvariant</c>).</summary>
    Skipped,
}
