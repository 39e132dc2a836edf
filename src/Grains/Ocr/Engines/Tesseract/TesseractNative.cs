using System.Runtime.InteropServices;

namespace VNexsus.Ocr.Engines.Tesseract;

/// <summary>
/// The part of Tesseract's C API (<c>capi.h</c> of libtesseract 5.3, Debian's <c>libtesseract5</c>) the in-process
/// engine uses. Pixels go in as a raw buffer (<see cref="SetImage"/>): leptonica never decodes untrusted bytes here.
/// </summary>
internal static partial class TesseractNative
{
    public const string Library = "libtesseract.so.5";

    // The versioned name: "libc.so" is a linker script where libc6-dev is installed.
    private const string LibC = "libc.so.6";

    /// <summary>The library's version, a static string (not to be freed).</summary>
    [LibraryImport(Library)]
    public static partial nint TessVersion();

    [LibraryImport(Library)]
    public static partial nint TessBaseAPICreate();

    [LibraryImport(Library)]
    public static partial void TessBaseAPIDelete(nint handle);

    [LibraryImport(Library)]
    public static partial void TessBaseAPIEnd(nint handle);

    /// <summary>Loads the models of <paramref name="language"/> (e.g. <c>kor+eng</c>); 0 on success. A null data path means Tesseract's default.</summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TessBaseAPIInit3(nint handle, string? dataPath, string language);

    /// <summary>
    /// Sets a run-time variable as the CLI's <c>-c name=value</c> does (after initialisation); non-zero on success.
    /// Init-only variables are silently left alone, exactly as by the CLI.
    /// </summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TessBaseAPISetVariable(nint handle, string name, string value);

    [LibraryImport(Library)]
    public static partial void TessBaseAPISetPageSegMode(nint handle, int mode);

    [LibraryImport(Library)]
    public static unsafe partial void TessBaseAPISetImage(nint handle, byte* pixels, int width, int height, int bytesPerPixel, int bytesPerLine);

    /// <summary>0 on success; -1 on failure, and when the monitor's deadline passed or its cancel function said stop.</summary>
    [LibraryImport(Library)]
    public static partial int TessBaseAPIRecognize(nint handle, nint monitor);

    /// <summary>
    /// Tesseract's orientation and script detection on the image set (a handle initialised with the <c>osd</c> model):
    /// how far the page was turned clockwise (0, 90, 180, 270 degrees) and the confidence of it; non-zero on success.
    /// </summary>
    [LibraryImport(Library)]
    public static partial int TessBaseAPIDetectOrientationScript(nint handle, out int orientationDegrees, out float orientationConfidence, out nint scriptName, out float scriptConfidence);

    [LibraryImport(Library)]
    public static partial nint TessBaseAPIGetTsvText(nint handle, int pageNumber);

    [LibraryImport(Library)]
    public static partial nint TessBaseAPIGetUTF8Text(nint handle);

    [LibraryImport(Library)]
    public static partial void TessDeleteText(nint text);

    /// <summary>Forgets the page (results and image); the model and variables stay.</summary>
    [LibraryImport(Library)]
    public static partial void TessBaseAPIClear(nint handle);

    [LibraryImport(Library)]
    public static partial nint TessMonitorCreate();

    [LibraryImport(Library)]
    public static partial void TessMonitorDelete(nint monitor);

    [LibraryImport(Library)]
    public static unsafe partial void TessMonitorSetCancelFunc(nint monitor, delegate* unmanaged<nint, int, byte> cancel);

    [LibraryImport(Library)]
    public static partial void TessMonitorSetCancelThis(nint monitor, nint cancelThis);

    /// <summary>Recognition stops at the next word once this many milliseconds from now have passed (≤ 0: no deadline).</summary>
    [LibraryImport(Library)]
    public static partial void TessMonitorSetDeadlineMSecs(nint monitor, int deadline);

    /// <summary>
    /// libc's <c>setenv</c>: OpenMP reads <c>OMP_THREAD_LIMIT</c> with native <c>getenv</c>, which
    /// <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not reach on Linux.
    /// </summary>
    [LibraryImport(LibC, EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetEnvironment(string name, string value, int overwrite);

    /// <summary>glibc's <c>M_TRIM_THRESHOLD</c>: free memory at the top of a heap kept for reuse up to this many bytes.</summary>
    public const int MallocTrimThreshold = -1;

    /// <summary>glibc's <c>M_MMAP_THRESHOLD</c>: blocks at least this large get pages of their own (mmap), returned when freed.</summary>
    public const int MallocMmapThreshold = -3;

    /// <summary>libc's <c>mallopt</c>; non-zero on success.</summary>
    [LibraryImport(LibC, EntryPoint = "mallopt")]
    public static partial int SetMallocOption(int option, int value);

    /// <summary>A UTF-8 string Tesseract returned, copied and freed.</summary>
    public static string TakeText(nint text)
    {
        if (text == 0)
        {
            return string.Empty;
        }

        try
        {
            return Marshal.PtrToStringUTF8(text) ?? string.Empty;
        }
        finally
        {
            TessDeleteText(text);
        }
    }
}
