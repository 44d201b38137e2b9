namespace SC2Mid.Cli;

/// <summary>An invalid command line; the CLI prints the message and exits with <see cref="ExitCodes.UsageError"/>.</summary>
internal sealed class UsageException(string message) : Exception(message);
