using SC2Mid.Core.Extraction;
using SC2Mid.Core.Imaging;
using SC2Mid.Core.Output;
using SC2Mid.Ui.Imaging;
using SC2Mid.Ui.Session;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace SC2Mid.Ui.Views;

/// <summary>
/// The dataset browser: a table of samples with their mask, calibration and status, and a preview of the selected
/// image with its mask outline. The preview uses sixel when the terminal reports support for it and half blocks
/// otherwise.
/// </summary>
internal sealed class DatasetPage : WorkbenchPage
{
    /// <summary>Widest image id shown in the table, so that the status column stays in view.</summary>
    internal const int ImageColumnWidth = 24;

    /// <summary>Disables hot keys in labels, which would otherwise hide the underscores of file names.</summary>
    internal static readonly System.Text.Rune NoHotKey = new(0xFFFF);

    private readonly WorkbenchSession _session;
    private readonly DatasetTable _table;
    private readonly TableView _tableView;
    private readonly ImagePreviewView _blocks;
    private readonly ImageView _raster;
    private readonly Label _details;
    private IApplication? _app;
    private string _previewDescription = "";
    private int _previewRequest;
    private int _previewRow = -1;
    private bool _preferBlocks;

    /// <summary>Creates the page for the session's dataset.</summary>
    public DatasetPage(WorkbenchSession session)
        : base("Dataset")
    {
        _session = session;
        _table = new DatasetTable(session.Dataset);
        _tableView = new TableView(_table)
        {
            X = 0,
            Y = 0,
            Width = Dim.Percent(50),
            Height = Dim.Fill(),
            FullRowSelect = true,
            MultiSelect = false,
            BorderStyle = LineStyle.Single,
            Title = "Samples",
        };
        _details = new Label
        {
            X = Pos.Right(_tableView) + 1,
            Y = Pos.AnchorEnd(3),
            Width = Dim.Fill(),
            Height = 3,
            Text = "",
            HotKeySpecifier = NoHotKey,
        };
        _blocks = new ImagePreviewView
        {
            X = Pos.Right(_tableView) + 1,
            Y = 0,
            Width = Dim.Fill(),
            Height = Dim.Fill(3),
        };
        _raster = new ImageView
        {
            X = Pos.Right(_tableView) + 1,
            Y = 0,
            Width = Dim.Fill(),
            Height = Dim.Fill(3),
            Visible = false,
        };
        Add(_tableView, _blocks, _raster, _details);
        _tableView.ValueChanged += (_, _) =>
        {
            // The table also reports value changes that keep the row (a column move, a redraw), which must not
            // restart the preview.
            if (SelectedRow != _previewRow)
            {
                RequestPreview();
            }
        };
        _tableView.Style.GetOrCreateColumnStyle(0).MaxWidth = ImageColumnWidth;
    }

    /// <inheritdoc />
    public override View FocusTarget => _tableView;

    /// <inheritdoc />
    public override IReadOnlyList<KeyHelp> KeyBindingHelp { get; } =
    [
        new("Dataset", "Up/Down, PgUp/PgDn, Home/End", "select a sample; its preview loads in the background"),
        new("Dataset", "Mouse click", "select a sample"),
        new("Dataset", "V", "switch the preview between sixel and half blocks (when the terminal supports sixel)"),
    ];

    /// <inheritdoc />
    public override bool HandlePageKey(Key key)
    {
        if (key != Key.V)
        {
            return false;
        }

        _preferBlocks = !_preferBlocks;
        UpdateRendererChoice();
        return true;
    }

    /// <summary>The sample table, for tests.</summary>
    internal TableView Table => _tableView;

    /// <summary>The half-block preview, for tests.</summary>
    internal ImagePreviewView BlockPreview => _blocks;

    /// <summary>The index of the selected sample.</summary>
    public int SelectedRow => _tableView.Value?.SelectedCell.Y ?? 0;

    /// <summary>Updates the status of one image after it was extracted.</summary>
    public void SetResult(ImageResult result)
    {
        _table.SetResult(result);
        _tableView.SetNeedsDraw();
        if (_session.Dataset.Items[SelectedRow].ImageId == result.ImageId)
        {
            ShowDetails();
        }
    }

    /// <summary>
    /// Connects the page to <paramref name="app"/>, which runs preview updates on its UI thread, and loads the first
    /// preview. <see cref="View.App"/> is not set yet at this point, because the window has not begun running.
    /// </summary>
    public void Attach(IApplication app)
    {
        _app = app;
        RequestPreview();
    }

    /// <summary>Loads the preview of the selected sample off the UI thread.</summary>
    public void RequestPreview()
    {
        if (_app is not { } app)
        {
            return;
        }

        if (_session.Dataset.Items.Count == 0)
        {
            _blocks.ShowMessage("The dataset has no images.");
            return;
        }

        _previewRow = Math.Clamp(SelectedRow, 0, _table.Rows - 1);
        var item = _table.ItemAt(_previewRow);
        var request = ++_previewRequest;
        _blocks.ShowMessage($"Loading {item.ImageId}…");
        _previewDescription = item.ImageId;
        ShowDetails();
        _ = Task.Run(() =>
        {
            PreviewBitmap? bitmap = null;
            string? error = null;
            try
            {
                bitmap = PreviewLoader.Load(item, _session.LoadOptions);
            }
            catch (ImageLoadException exception)
            {
                error = exception.Message;
                UiLog.PreviewFailed(_session.Logger, item.ImageId, exception.Message);
            }

            app.Invoke(() =>
            {
                // A newer selection may have been made while this one loaded; only the newest is shown.
                if (request != _previewRequest)
                {
                    return;
                }

                if (bitmap is null)
                {
                    _blocks.ShowMessage($"Cannot show {item.ImageId}: {error}");
                    return;
                }

                _blocks.Show(bitmap);
                _raster.Image = BlockRenderer.Composite(bitmap);
                _previewDescription = bitmap.Description;
                ShowDetails();
                UpdateRendererChoice();
            });
        });
    }

    private void ShowDetails()
    {
        var item = _table.ItemAt(SelectedRow);
        var result = _table.ResultAt(SelectedRow);
        var calibration = item.Calibration?.NmPerPixel is { } nm ? $"{nm} nm/px (dataset)" : "no pixel size in the dataset";
        var status = result is null
            ? "not extracted yet (Ctrl+E runs every plugin on every image)"
            : $"{CsvResultWriter.StatusName(result.Status)}, {result.Objects.Count} objects, {result.Failures.Count} failures, "
                + $"{result.Warnings.Count} warnings";
        _details.Text = $"{_previewDescription}\n{calibration}\nstatus: {status}";
    }

    private void UpdateRendererChoice()
    {
        // NOTE: No test covers the sixel path (Terminal.Gui's ImageView), because the ANSI test driver and tmux
        // report no sixel support. Only the half-block path has been seen on screen.
        var sixel = _app?.Driver?.SixelSupport?.IsSupported == true && _raster.Image is not null && !_preferBlocks;
        _raster.Visible = sixel;
        _blocks.Visible = !sixel;
        SetNeedsDraw();
    }
}
