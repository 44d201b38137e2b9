namespace SC2Mid.Ui.Views;

/// <summary>One row of the key binding table in the help page.</summary>
/// <param name="Scope">Where the binding applies: "global" or a page title.</param>
/// <param name="Keys">The key or keys as shown to the user, for example "Ctrl+E".</param>
/// <param name="Action">What the keys do.</param>
internal sealed record KeyHelp(string Scope, string Keys, string Action);
