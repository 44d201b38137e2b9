using System.Runtime.CompilerServices;

namespace SC2Mid.Sdk;

/// <summary>Argument checks that throw the standard exceptions with the parameter name and the valid range.</summary>
public static class Guard
{
    /// <summary>Throws unless <paramref name="value"/> is finite and greater than zero.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero, negative, NaN or infinite.</exception>
    public static void PositiveFinite(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "Expected a finite number greater than 0.");
        }
    }

    /// <summary>Throws unless <paramref name="value"/> lies in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside the range.</exception>
    public static void InRange(
        int value,
        int minimum,
        int maximum,
        [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < minimum || value > maximum)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Expected a value from {minimum} to {maximum}.");
        }
    }
}
