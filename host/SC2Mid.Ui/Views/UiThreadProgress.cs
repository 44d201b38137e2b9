using Terminal.Gui.App;

namespace SC2Mid.Ui.Views;

/// <summary>An <see cref="IProgress{T}"/> that hands each report to the UI thread with <see cref="IApplication.Invoke(Action)"/>.</summary>
internal sealed class UiThreadProgress<T>(IApplication app, Action<T> report) : IProgress<T>
{
    /// <inheritdoc />
    public void Report(T value) => app.Invoke(() => report(value));
}
