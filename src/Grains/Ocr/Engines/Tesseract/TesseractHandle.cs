using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using VNexsus.Ocr.Imaging;

namespace VNexsus.Ocr.Engines.Tesseract;

/// <summary>
/// One <c>TessBaseAPI</c> with its model loaded and its pass configured. Not thread-safe: one page at a time
/// (<see cref="TesseractHandlePool"/> sees to it). Freed when disposed, or by the finalizer when a pool was dropped.
/// </summary>
internal sealed class TesseractHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    private TesseractHandle()
        : base(ownsHandle: true)
    {
    }

    /// <exception cref="OcrEngineException">The model or a variable of the pass is unknown to this Tesseract (configuration).</exception>
    public static TesseractHandle Open(TesseractPass pass)
    {
        var opened = new TesseractHandle();
        opened.SetHandle(TesseractNative.TessBaseAPICreate());
        try
        {
            // Init with the default data path, then variables and mode afterwards: what the CLI does with -l, -c and --psm.
            if (TesseractNative.TessBaseAPIInit3(opened.handle, null, pass.Languages) != 0)
            {
                throw new OcrEngineException(OcrFailureKind.Configuration, $"Tesseract cannot load the model {pass.Languages} (apt: tesseract-ocr-kor, tesseract-ocr-eng)");
            }

            // Tesseract's diagnostics ("Estimating resolution as …") would land in the silo's stderr; the CLI's go nowhere either.
            foreach (var (name, value) in (KeyValuePair<string, string>[])[new("debug_file", "/dev/null"), .. pass.Variables])
            {
                if (TesseractNative.TessBaseAPISetVariable(opened.handle, name, value) == 0)
                {
                    throw new OcrEngineException(OcrFailureKind.Configuration, $"Tesseract does not know the variable {name}");
                }
            }

            TesseractNative.TessBaseAPISetPageSegMode(opened.handle, pass.PageSegmentationMode);
            return opened;
        }
        catch
        {
            opened.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Recognises <paramref name="image"/> and answers as the CLI's stdout would (TSV, then the text when the pass asks;
    /// an orientation pass answers its orientation). Stops at the next word when <paramref name="cancellationToken"/> is
    /// cancelled or <paramref name="timeLimit"/> has passed.
    /// </summary>
    public unsafe string Read(GrayImage image, TesseractPass pass, TimeSpan timeLimit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var monitor = TesseractNative.TessMonitorCreate();
        var cancellation = GCHandle.Alloc(new StrongBox<CancellationToken>(cancellationToken));
        try
        {
            TesseractNative.TessMonitorSetCancelFunc(monitor, &StopRequested);
            TesseractNative.TessMonitorSetCancelThis(monitor, GCHandle.ToIntPtr(cancellation));
            fixed (byte* pixels = image.Pixels)
            {
                // Tesseract copies the pixels.
                TesseractNative.TessBaseAPISetImage(handle, pixels, image.Width, image.Height, 1, image.Width);
            }

            if (pass.PageSegmentationMode == TesseractPass.OrientationOnly)
            {
                return DetectOrientation();
            }

            var started = Stopwatch.GetTimestamp();
            TesseractNative.TessMonitorSetDeadlineMSecs(monitor, (int)Math.Clamp(timeLimit.TotalMilliseconds, 1, int.MaxValue));
            if (TesseractNative.TessBaseAPIRecognize(handle, monitor) != 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw Stopwatch.GetElapsedTime(started) >= timeLimit
                    ? new OcrEngineException(OcrFailureKind.InvalidInput, $"tesseract이(가) 페이지를 {timeLimit.TotalSeconds:0.###}초 안에 끝내지 못해 중단했습니다 (time limit)")
                    : new OcrEngineException(OcrFailureKind.InvalidInput, "tesseract이(가) 페이지를 읽지 못했습니다 (recognition failed)");
            }

            var tsv = TesseractNative.TakeText(TesseractNative.TessBaseAPIGetTsvText(handle, 0));
            var text = pass.WithText ? TesseractNative.TakeText(TesseractNative.TessBaseAPIGetUTF8Text(handle)) : string.Empty;
            return TesseractPass.TsvHeader + tsv + text;
        }
        finally
        {
            TesseractNative.TessBaseAPIClear(handle);
            TesseractNative.TessMonitorDelete(monitor);
            cancellation.Free();
        }
    }

    /// <summary>The CLI's <c>--psm 0</c> answer: nothing when the page has too little text to tell.</summary>
    private string DetectOrientation() =>
        TesseractNative.TessBaseAPIDetectOrientationScript(handle, out var degrees, out var confidence, out _, out _) == 0
            ? string.Empty
            : PageOrientation.Format(degrees, confidence);

    protected override bool ReleaseHandle()
    {
        TesseractNative.TessBaseAPIEnd(handle);
        TesseractNative.TessBaseAPIDelete(handle);
        return true;
    }

    /// <summary>Tesseract's cancel function, called between words on the recognising thread; non-zero stops the page.</summary>
    [UnmanagedCallersOnly]
    private static byte StopRequested(nint state, int words) =>
        ((StrongBox<CancellationToken>)GCHandle.FromIntPtr(state).Target!).Value.IsCancellationRequested ? (byte)1 : (byte)0;
}
