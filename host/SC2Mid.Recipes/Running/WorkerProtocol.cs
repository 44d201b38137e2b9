using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SC2Mid.Recipes.Compilation;

namespace SC2Mid.Recipes.Running;

/// <summary>
/// Encodes the events a worker process sends to its parent on standard output. Each event is one line that starts
/// with <see cref="Marker"/> followed by a JSON object; every other line is the recipe's own output.
/// </summary>
/// <remarks>
/// The marker starts with the ASCII record separator (U+001E), which recipes do not print by accident, so the
/// recipe can keep writing to <see cref="Console.Out"/> without any redirection.
/// </remarks>
internal static class WorkerProtocol
{
    public const string Marker = "\u001esc2mid-event:";

    // Control characters and line breaks stay escaped, so one event is always one line. Quotes and non-ASCII text
    // stay literal, so the lines remain readable when a worker is run by hand.
    private static readonly JsonSerializerOptions LineOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Encode(RecipeEvent recipeEvent)
    {
        JsonObject json = recipeEvent switch
        {
            RecipeProgressEvent { Progress: var p } => new()
            {
                ["type"] = "progress", ["completed"] = p.Completed, ["total"] = p.Total, ["message"] = p.Message,
            },
            RecipeLogEvent log => new()
            {
                ["type"] = "log", ["level"] = log.Level.ToString(), ["category"] = log.Category,
                ["message"] = log.Message, ["exception"] = log.Exception,
            },
            RecipeCompiledEvent compiled => new()
            {
                ["type"] = "compiled", ["fromCache"] = compiled.FromCache,
                ["milliseconds"] = compiled.Elapsed.TotalMilliseconds,
            },
            RecipeDiagnosticEvent { Diagnostic: var d } => new()
            {
                ["type"] = "diagnostic", ["file"] = d.FilePath, ["line"] = d.Line, ["column"] = d.Column,
                ["severity"] = d.Severity, ["id"] = d.Id, ["message"] = d.Message,
            },
            RecipeErrorEvent error => new()
            {
                ["type"] = "error", ["exitCode"] = error.ExitCode, ["message"] = error.Message,
            },
            _ => throw new ArgumentException(
                $"{recipeEvent.GetType().Name} is not sent by workers.", nameof(recipeEvent)),
        };
        return Marker + json.ToJsonString(LineOptions);
    }

    /// <summary>Splits one line of worker output into the recipe's text before the marker and the event, if
    /// any.</summary>
    public static (string? Text, RecipeEvent? Event) Decode(string line)
    {
        var index = line.IndexOf(Marker, StringComparison.Ordinal);
        if (index < 0)
        {
            return (line, null);
        }

        var text = index > 0 ? line[..index] : null;
        try
        {
            return (text, Parse(JsonNode.Parse(line[(index + Marker.Length)..])!.AsObject()));
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            return (line, null);
        }
    }

    private static RecipeEvent? Parse(JsonObject json)
    {
        string Text(string name) => json[name]?.GetValue<string>() ?? string.Empty;
        int Number(string name) => json[name]?.GetValue<int>() ?? 0;
        return Text("type") switch
        {
            "progress" => new RecipeProgressEvent(
                new RecipeProgress(Number("completed"), Number("total"), Text("message"))),
            "log" => new RecipeLogEvent(
                Enum.Parse<LogLevel>(Text("level")),
                Text("category"),
                Text("message"),
                json["exception"]?.GetValue<string>()),
            "compiled" => new RecipeCompiledEvent(
                json["fromCache"]!.GetValue<bool>(),
                TimeSpan.FromMilliseconds(json["milliseconds"]!.GetValue<double>())),
            "diagnostic" => new RecipeDiagnosticEvent(new RecipeDiagnostic(
                Text("file"), Number("line"), Number("column"), Text("severity"), Text("id"), Text("message"))),
            "error" => new RecipeErrorEvent(Number("exitCode"), Text("message")),
            _ => null,
        };
    }
}
