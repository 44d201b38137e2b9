using SC2Mid.Ui.Session;

namespace SC2Mid.Ui.Tests.Session;

public class BackgroundJobTests
{
    [Fact]
    public async Task Cancel_RunningJob_CancelsItsToken()
    {
        using var job = new BackgroundJob();
        var started = new TaskCompletionSource();

        job.TryStart("wait", async token =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, token);
        });
        await started.Task;
        var cancelled = job.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => job.Completion);
        Assert.True(cancelled);
        Assert.False(job.IsRunning);
    }

    [Fact]
    public async Task TryStart_WhileRunning_StartsNothing()
    {
        using var job = new BackgroundJob();
        var release = new TaskCompletionSource();
        job.TryStart("first", _ => release.Task);

        var second = job.TryStart("second", _ => Task.CompletedTask);
        release.SetResult();
        await job.Completion;

        Assert.False(second);
        Assert.Equal("first", job.Name);
    }

    [Fact]
    public void Cancel_NoJob_ReturnsFalse()
    {
        using var job = new BackgroundJob();

        Assert.False(job.Cancel());
    }
}
