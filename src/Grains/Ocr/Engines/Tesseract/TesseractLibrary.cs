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

        if (!NativeLibrary.TryLoad(TesseractNative.Library, typeof(TesseractLibrary).Assembly, null, out _))
        {
            return (null, $"{TesseractNative.Library} cannot be loaded (apt package libtesseract5, installed with tesseract-ocr)");
        }

        return (Marshal.PtrToStringUTF8(TesseractNative.TessVersion()) ?? "unknown", null);
    }
}
