using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SC2Mid.Core.Batch;

/// <summary>
/// Assigns each image to one of N shards by a stable hash of its dataset-relative id, so independent jobs of a
/// cluster array split a dataset without coordination and every image lands in exactly one shard.
/// </summary>
/// <param name="Index">0-based shard index.</param>
/// <param name="Count">Number of shards.</param>
public sealed record ShardSelector(int Index, int Count)
{
    /// <summary>The selector of an unsharded run: one shard holding every image.</summary>
    public static ShardSelector All { get; } = new(0, 1);

    /// <summary>Whether the image with dataset id <paramref name="imageId"/> belongs to this shard.</summary>
    public bool Contains(string imageId) => ShardOf(imageId, Count) == Index;

    /// <summary>Returns the shard of an image: the first 8 bytes of SHA-256 of its UTF-8 id, modulo the count.</summary>
    public static int ShardOf(string imageId, int count)
    {
        ArgumentNullException.ThrowIfNull(imageId);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(imageId));
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count);
    }

    /// <summary>Text form, <c>I/N</c> with a 0-based I.</summary>
    public override string ToString() => $"{Index}/{Count}";

    /// <summary>
    /// Finds the shard from, in order: the <c>--shard I/N</c> text; SLURM array variables
    /// (<c>SLURM_ARRAY_TASK_ID</c> minus <c>SLURM_ARRAY_TASK_MIN</c>, of <c>SLURM_ARRAY_TASK_COUNT</c>); a Kubernetes
    /// indexed Job's <c>JOB_COMPLETION_INDEX</c> with <paramref name="count"/>. Returns <see cref="All"/> when none
    /// is set.
    /// </summary>
    /// <param name="text">The <c>--shard</c> value, or null.</param>
    /// <param name="count">The <c>--shard-count</c> value for indexed Jobs, or null.</param>
    /// <param name="environment">Reads an environment variable (injected for tests).</param>
    /// <exception cref="FormatException">A value is malformed or out of range; the message names it.</exception>
    public static ShardSelector Resolve(string? text, int? count, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (text is not null)
        {
            var parts = text.Split('/');
            if (parts.Length != 2 || !int.TryParse(parts[0], out var index) || !int.TryParse(parts[1], out var total))
            {
                throw new FormatException($"--shard '{text}' is invalid: expected I/N with 0 <= I < N, for example 0/4.");
            }

            return Create(index, total, "--shard");
        }

        if (environment("SLURM_ARRAY_TASK_ID") is { } slurmId)
        {
            var minimum = environment("SLURM_ARRAY_TASK_MIN") ?? "0";
            var slurmCount = environment("SLURM_ARRAY_TASK_COUNT");
            if (!int.TryParse(slurmId, out var id) || !int.TryParse(minimum, out var first)
                || !int.TryParse(slurmCount, out var total))
            {
                throw new FormatException(
                    $"SLURM array variables are invalid: SLURM_ARRAY_TASK_ID={slurmId}, SLURM_ARRAY_TASK_MIN={minimum}, "
                    + $"SLURM_ARRAY_TASK_COUNT={slurmCount ?? "(missing)"}; submit with --array=0-(N-1).");
            }

            return Create(id - first, total, "SLURM_ARRAY_TASK_ID");
        }

        if (environment("JOB_COMPLETION_INDEX") is { } jobIndex)
        {
            if (!int.TryParse(jobIndex, out var index) || count is not { } total)
            {
                throw new FormatException(
                    $"JOB_COMPLETION_INDEX={jobIndex} needs --shard-count N (the Job's completions) and an integer index.");
            }

            return Create(index, total, "JOB_COMPLETION_INDEX");
        }

        return All;
    }

    private static ShardSelector Create(int index, int count, string source)
    {
        if (count < 1 || index < 0 || index >= count)
        {
            throw new FormatException($"Shard {index}/{count} from {source} is out of range: expected 0 <= I < N.");
        }

        return new ShardSelector(index, count);
    }
}
