namespace SC2Mid.Sdk;

/// <summary>
/// Version of the plugin contract that this SDK defines. A plugin manifest states the range of host API
/// versions it supports; the host refuses a plugin whose range does not contain <see cref="Version"/>.
/// </summary>
public static class HostApi
{
    /// <summary>
    /// The contract version. The major part changes when a change breaks existing plugins; the minor part
    /// changes when members are added.
    /// </summary>
    public static readonly Version Version = new(1, 0);
}
