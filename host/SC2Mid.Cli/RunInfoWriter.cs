using System.Text.Json;
using SC2Mid.Core.Batch;
using SC2Mid.Core.Output;

namespace SC2Mid.Cli;

/// <summary>
/// Writes run-info.json: when and how this invocation ran. It is kept apart from results.json so that the results
/// stay byte-identical between an interrupted and an uninterrupted run.
/// </summary>
internal static class RunInfoWriter
{
    public static void Write(string path, RunInfo run, ShardSelector shard, int processed, int skipped)
    {
        AtomicFile.Write(path, stream =>
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteString("toolVersion", run.ToolVersion);
            json.WriteString("runtime", System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
            json.WriteString("startedUtc", run.StartedUtc);
            json.WriteString("finishedUtc", run.FinishedUtc);
            json.WriteString("shard", shard.ToString());
            json.WriteNumber("imagesProcessed", processed);
            json.WriteNumber("imagesSkippedAsFinished", skipped);
            json.WriteStartArray("commandLine");
            foreach (var argument in run.CommandLine)
            {
                json.WriteStringValue(argument);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }
}
