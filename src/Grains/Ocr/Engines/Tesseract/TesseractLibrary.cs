using System.Runtime.InteropServices;

namespace VNexsus.Ocr.Engines.Tesseract;

/// <summary>Loads Debian's <c>libtesseract.so.5</c> into this process once, single-threaded OpenMP first.</summary>
public static class TesseractLibrary
{
    private static readonly Lazy<(string? Version, string? Failure)> Loaded = new(Load);

    /// <summary>The library's version, or null when it cannot be loaded (<paramref name="failure"/> says why).</summary>
    public static string? TryLoad(out string? failure)
    {
        (var version, failure) = Loaded.Value;
        return version;
    }

    private static (string?, string?) Load()
    {
        // libgomp reads OMP_THREAD_LIMIT with getenv when it is loaded (as libtesseract's dependency), so it goes into the
        // native environment before: Environment.SetEnvironmentVariable would not reach it, and Tesseract's OpenMP threads
        // make a page 4.8× slower when pages already run one per core.
        if (TesseractNative.SetEnvironment("OMP_THREAD_LIMIT", "1", 1) != 0)
        {
            return (null, "setenv OMP_THREAD_LIMIT=1 failed");
        }

        KeepLargeBlocks();
        if (!NativeLibrary.TryLoad(TesseractNative.Library, typeof(TesseractLibrary).Assembly, null, out _))
        {
            return (null, $"{TesseractNative.Library} cannot be loaded (apt package libtesseract5, installed with tesseract-ocr)");
        }

        return (Marshal.PtrToStringUTF8(TesseractNative.TessVersion()) ?? "unknown", null);
    }

    /// <summary>
    /// Tesseract allocates and frees page-sized buffers (copies of the page, its binary image, the network's arrays) for
    /// every page. glibc gives blocks from 128 KiB (a threshold that slides up to 32 MiB) pages of their own and unmaps
    /// them when freed, so every page faulted its buffers in again and had them zeroed by the kernel: about a tenth of
    /// the recognising thread's time on a clean page (perf). Blocks up to 32 MiB, the most glibc allows, now come from the
    /// heap, and up to 256 MiB free at a heap's top stay mapped for the next page.
    /// </summary>
    private static void KeepLargeBlocks()
    {
        TesseractNative.SetMallocOption(TesseractNative.MallocMmapThreshold, 32 << 20);
        TesseractNative.SetMallocOption(TesseractNative.MallocTrimThreshold, 256 << 20);
    }
}
