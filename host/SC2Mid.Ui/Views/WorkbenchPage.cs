using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace SC2Mid.Ui.Views;

/// <summary>A page of the workbench: it fills the content area and lists its own key bindings for the help page.</summary>
internal abstract class WorkbenchPage : View
{
    /// <summary>Creates a page that fills its superview and can hold the focus.</summary>
    protected WorkbenchPage(string title)
    {
        Title = title;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
    }

    /// <summary>The view that gets the focus when the page is shown.</summary>
    public abstract View FocusTarget { get; }

    /// <summary>Key bindings that apply while this page is shown, beyond the global ones.</summary>
    public abstract IReadOnlyList<KeyHelp> KeyBindingHelp { get; }

    /// <summary>
    /// Handles a page key before the focused view receives it. Pages without text entry use it for single-letter
    /// commands, which a table's type-to-search navigator would otherwise take.
    /// </summary>
    /// <returns>Whether the key was handled.</returns>
    public virtual bool HandlePageKey(Key key) => false;
}
