namespace SC2Mid.Ui.Tests.Views;

/// <summary>
/// Serialises the view tests: Terminal.Gui keeps some state in statics (default key bindings, its logger), so two
/// applications must not run in parallel in one process.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkbenchTestGroup
{
    public const string Name = "Terminal.Gui applications";
}
