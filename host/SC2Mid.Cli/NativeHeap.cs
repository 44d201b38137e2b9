using System.Runtime.InteropServices;

namespace SC2Mid.Cli;

/// <summary>
/// Housekeeping of the C library's heap, which serves OpenCV's image buffers and ONNX Runtime's tensors.
/// </summary>
/// <remarks>
/// glibc keeps the memory of freed blocks in its arenas for reuse. Image buffers of varying sizes leave holes that
/// later buffers do not fit, so without a trim a batch's resident memory crept up with the number of images. In
/// one measurement the median was 149 MB after 1,000 EMPS images and 166 MB after 8,000. With a trim every 100
/// images it stayed at 139 to 141 MB.
/// </remarks>
internal static partial class NativeHeap
{
    /// <summary>glibc's <c>M_MMAP_THRESHOLD</c> option of <c>mallopt</c>.</summary>
    private const int MmapThresholdOption = -3;

    /// <summary>Blocks of this size or more get their own mapping, returned to the system when freed.</summary>
    private const int MmapThreshold = 1 << 20;

    /// <summary>
    /// Fixes glibc's mmap threshold at 1 MiB on Linux; does nothing elsewhere. Call it before the first image is
    /// loaded.
    /// </summary>
    /// <remarks>
    /// glibc raises the threshold each time a large mapped block is freed, up to 32 MiB, after which the largest
    /// buffers also come from the arenas. Keeping them mapped lowered the peak of batches of 3,000 and 10,000 EMPS
    /// images by 12 to 15 MB (build/batch-memory.sh, two runs each way).
    /// </remarks>
    public static void FixMmapThreshold()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = Mallopt(MmapThresholdOption, MmapThreshold);
        }
        catch (Exception exception) when (exception is EntryPointNotFoundException or DllNotFoundException)
        {
            // A C library without mallopt keeps its own behaviour.
        }
    }

    /// <summary>
    /// Returns the free memory of the C library's heap arenas to the system on Linux with glibc; does nothing
    /// elsewhere.
    /// </summary>
    public static void Trim()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception exception) when (exception is EntryPointNotFoundException or DllNotFoundException)
        {
            // Without malloc_trim the freed memory stays with the allocator, as it would anyway.
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int Mallopt(int option, int value);

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
