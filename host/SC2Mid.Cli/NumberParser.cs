using System.CommandLine.Parsing;
using System.Globalization;

namespace SC2Mid.Cli;

/// <summary>
/// Parses number options with a decimal point only. The default parser accepts thousands separators, so it
/// reads <c>--nm-per-px 0,4854</c> as 4854.
/// </summary>
internal static class NumberParser
{
    /// <summary>Parses the option's single token as a number written with '.' as the decimal point.</summary>
    /// <remarks>NaN and infinities parse; each option checks its own range.</remarks>
    public static double? Parse(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        var text = result.Tokens[0].Value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError($"Invalid number '{text}' for {OptionName(result)}: write it with a decimal point, for example 0.4854.");
        return null;
    }

    private static string OptionName(ArgumentResult result) =>
        result.Parent is OptionResult option ? option.Option.Name : "the argument";
}
