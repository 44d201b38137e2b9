namespace SC2Mid.Cli;

/// <summary>Process exit codes of <c>sc2mid</c>, listed in <c>sc2mid --help</c> and the README.</summary>
internal static class ExitCodes
{
    /// <summary>Everything requested was done.</summary>
    public const int Success = 0;

    /// <summary>Results were written, but some images or plugins failed; the outputs list which.</summary>
    public const int PartialFailure = 1;

    /// <summary>Invalid command line: unknown option, bad value, unknown plugin or parameter.</summary>
    public const int UsageError = 2;

    /// <summary>An input could not be read (image, mask, dataset) or an output could not be written.</summary>
    public const int InputError = 3;

    /// <summary><c>plugins validate</c> found an invalid plugin, or no requested plugin could be loaded.</summary>
    public const int PluginError = 4;

    /// <summary>The run was cancelled (Ctrl+C); no partial output file is left behind.</summary>
    public const int Cancelled = 130;

    /// <summary>Help text for the exit codes.</summary>
    public const string Description =
        "Exit codes: 0 success; 1 results written but some images or plugins failed; 2 invalid command line; "
        + "3 unreadable image, mask or dataset, or unwritable output; 4 invalid or missing plugin; "
        + "5 a recipe threw (sc2mid run); 124 a recipe timed out (sc2mid run); 130 cancelled.";
}
