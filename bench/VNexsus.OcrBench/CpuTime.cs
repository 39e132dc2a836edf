using System.Runtime.InteropServices;

namespace VNexsus.OcrBench;

/// <summary>
/// CPU seconds (user + system) from <c>getrusage</c>: this process's own, and those of its child processes that have
/// ended and been waited for (tesseract and ocrmypdf, with their own children, e.g. ocrmypdf's tesseract processes).
/// Wall-clock time on a shared machine measures the neighbours too; the CPU an engine spends on a page does not.
/// </summary>
internal static partial class CpuTime
{
    private const int Self = 0;
    private const int Children = -1;

    public static double OfThisProcess() => Read(Self);

    /// <summary>Of the child processes waited for so far; a difference over a run is that run's children.</summary>
    public static double OfEndedChildren() => Read(Children);

    private static double Read(int who)
    {
        if (GetResourceUsage(who, out var usage) != 0)
        {
            throw new InvalidOperationException($"getrusage failed (errno {Marshal.GetLastPInvokeError()})");
        }

        return usage.UserSeconds + (usage.UserMicroseconds / 1e6) + usage.SystemSeconds + (usage.SystemMicroseconds / 1e6);
    }

    [LibraryImport("libc.so.6", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetResourceUsage(int who, out ResourceUsage usage);

    /// <summary>Linux's <c>struct rusage</c> on 64-bit: two <c>timeval</c>s, then fourteen longs this bench does not read.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 144)]
    private struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
    }
}
