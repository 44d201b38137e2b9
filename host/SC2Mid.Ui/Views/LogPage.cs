using System.Collections.ObjectModel;
using SC2Mid.Ui.Logging;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace SC2Mid.Ui.Views;

/// <summary>The log pane: the latest messages of the workbench, the core and the plugins; the full log is in the file.</summary>
internal sealed class LogPage : WorkbenchPage
{
    private readonly LogBuffer _buffer;
    private readonly ObservableCollection<string> _lines = [];
    private readonly ListView _list;
    private long _seen;
    private bool _following = true;

    /// <summary>Creates the pane for <paramref name="buffer"/>; <see cref="Refresh"/> pulls new lines.</summary>
    public LogPage(LogBuffer buffer, string logFile)
        : base("Log")
    {
        _buffer = buffer;
        _list = new ListView
        {
            X = 0,
            Y = 0,
            Width = Dim.Fill(),
            Height = Dim.Fill(),
            BorderStyle = LineStyle.Single,
            Title = $"Log (file: {logFile})",
        };
        _list.SetSource(_lines);
        Add(_list);

        // A hidden list has no height, so scrolling to the end while hidden goes too far. The position is
        // recomputed whenever the list gets its real size.
        _list.FrameChanged += (_, _) =>
        {
            if (_following)
            {
                ScrollToEnd();
            }
        };
    }

    /// <inheritdoc />
    public override View FocusTarget => _list;

    /// <inheritdoc />
    public override IReadOnlyList<KeyHelp> KeyBindingHelp { get; } =
    [
        new("Log", "Up/Down, PgUp/PgDn, Home/End", "scroll; new lines keep the view at the end while End was last"),
    ];

    /// <summary>The lines shown, for tests.</summary>
    internal IReadOnlyList<string> Lines => _lines;

    /// <summary>
    /// Appends the lines logged since the last call, keeping at most <see cref="LogBuffer.DefaultCapacity"/>. Call
    /// it on the UI thread; the workbench does so from a timer.
    /// </summary>
    public void Refresh()
    {
        var (fresh, appended) = _buffer.ReadSince(_seen);
        _seen = appended;
        if (fresh.Count == 0)
        {
            return;
        }

        _following = _lines.Count == 0 || _list.SelectedItem is null || _list.SelectedItem == _lines.Count - 1;
        foreach (var line in fresh)
        {
            _lines.Add(line);
        }

        while (_lines.Count > LogBuffer.DefaultCapacity)
        {
            _lines.RemoveAt(0);
        }

        if (_following)
        {
            _list.SelectedItem = _lines.Count - 1;
            ScrollToEnd();
        }
    }

    /// <summary>Scrolls so that the last line is at the bottom, or the first at the top when all lines fit.</summary>
    private void ScrollToEnd()
    {
        var height = _list.Viewport.Height;
        if (height > 0)
        {
            _list.Viewport = _list.Viewport with { Y = Math.Max(0, _lines.Count - height) };
        }
    }
}
