namespace SC2Mid.Ui.Tests.Views;

/// <summary>Text assertions on a captured screen that print the whole screen when they fail.</summary>
internal static class ScreenAssert
{
    public static void Contains(string expected, string screen) =>
        Assert.True(screen.Contains(expected, StringComparison.Ordinal), $"'{expected}' is not on the screen:\n{screen}");

    public static void DoesNotContain(string unexpected, string screen) =>
        Assert.False(screen.Contains(unexpected, StringComparison.Ordinal), $"'{unexpected}' is on the screen:\n{screen}");
}
