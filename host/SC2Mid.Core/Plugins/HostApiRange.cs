namespace SC2Mid.Core.Plugins;

/// <summary>Host API versions a plugin supports: <c>Minimum &lt;= version &lt; MaximumExclusive</c>.</summary>
/// <param name="Minimum">Lowest supported version, "MAJOR.MINOR".</param>
/// <param name="MaximumExclusive">First unsupported version, "MAJOR.MINOR".</param>
public sealed record HostApiRange(string Minimum, string MaximumExclusive)
{
    /// <summary>Whether <paramref name="version"/> lies in the range.</summary>
    public bool Contains(Version version) =>
        version >= System.Version.Parse(Minimum) && version < System.Version.Parse(MaximumExclusive);
}
