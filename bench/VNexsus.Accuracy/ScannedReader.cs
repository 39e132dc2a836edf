using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using VNexsus.Ocr;
using VNexsus.Ocr.Engines;
using VNexsus.Ocr.Engines.Tesseract;
using VNexsus.Ocr.Inspection;
using VNexsus.Ocr.Rendering;
using VNexsus.Rules.Events;
using VNexsus.Storage;

namespace VNexsus.Accuracy;

/// <summary>
/// Reads a golden case from scans of its PDFs the way a silo reads an upload, without the cluster: the PDF goes into a
/// blob store, <see cref="DocumentExtractor"/> reads its (absent) text layer, every page it leaves for OCR is rendered
/// by <see cref="PageRasterizer"/> and recognised by <see cref="TesseractEngine"/> with the silo's default settings
/// (table-rule removal, the code and date second passes), as <c>PageOcrGrain</c> does, and the extractor merges the
/// pages back. Pages are read <c>workers</c> at a time across every document and case in flight, one per core like a silo.
/// Text files of a case are not scans: they are read as they are.
/// </summary>
public sealed class ScannedReader : IDisposable
{
    private readonly ScanCopies copies;
    private readonly DirectoryInfo store = Directory.CreateTempSubdirectory("vnexsus-scanned-golden-");
    private readonly BlobStore blobs;
    private readonly DocumentExtractor extractor;
    private readonly PageRasterizer rasterizer;
    private readonly TesseractEngine engine;
    private readonly SemaphoreSlim slots;
    private readonly SemaphoreSlim scanners;
    private readonly ConcurrentQueue<string> failures = new();
    private int pagesRead;
    private long recognitionTicks;

    public ScannedReader(ScanCopies copies, int workers, TesseractOptions? tesseract = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        this.copies = copies;
        var limits = new DocumentLimits();
        blobs = new BlobStore(new DataDirectory(store.FullName));
        extractor = new DocumentExtractor(blobs, TimeProvider.System, limits);
        rasterizer = new PageRasterizer(blobs, limits);
        engine = new TesseractEngine(Options.Create(tesseract ?? new TesseractOptions()), workers);
        slots = new SemaphoreSlim(workers, workers);
        scanners = new SemaphoreSlim(workers, workers);
    }

    public string EngineProfile => engine.Profile;

    /// <summary>Pages recognised so far.</summary>
    public int PagesRead => Volatile.Read(ref pagesRead);

    /// <summary>The documents whose extraction failed (a silo would fail the file), with the error.</summary>
    public IReadOnlyCollection<string> Failures => failures;

    /// <summary>Time spent rendering and recognising pages, summed over the workers.</summary>
    public TimeSpan RecognitionTime => TimeSpan.FromTicks(Interlocked.Read(ref recognitionTicks));

    /// <summary>Scans (cached) and reads every document of the case, in the case's order.</summary>
    public async Task<IReadOnlyList<RuleDocument>> ReadAsync(GoldenCase golden, CancellationToken cancellationToken)
    {
        var documents = await Task.WhenAll(golden.Documents.Select(async (name, index) =>
        {
            var path = Path.Combine(golden.Folder, name);
            var pages = name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
                ? PlainTextReader.Read(await File.ReadAllBytesAsync(path, cancellationToken))
                : await ReadScanAsync($"{golden.CaseId}/{name}", await ScanAsync(path, cancellationToken), cancellationToken);
            return new RuleDocument(index + 1, name, pages);
        }));
        return documents;
    }

    public void Dispose()
    {
        engine.Dispose();
        slots.Dispose();
        scanners.Dispose();
        store.Delete(recursive: true);
    }

    private async Task<string> ScanAsync(string pdf, CancellationToken cancellationToken)
    {
        await scanners.WaitAsync(cancellationToken);
        try
        {
            return await copies.ScanAsync(pdf, cancellationToken);
        }
        finally
        {
            scanners.Release();
        }
    }

    /// <summary>
    /// The extracted pages of an image-only PDF, none when its extraction fails (recorded in <see cref="Failures"/>);
    /// a page with a text layer means the scan is not one and fails the run.
    /// </summary>
    private async Task<IReadOnlyList<ExtractedPage>> ReadScanAsync(string source, string scan, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(scan, cancellationToken);
        var document = new DocumentRef(ContentHash.Of(bytes), DocumentKind.Pdf, bytes.Length);
        var blob = blobs.PathOf(document.Sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(blob)!);
        await File.WriteAllBytesAsync(blob, bytes, cancellationToken);

        var layer = extractor.ReadTextLayer(document);
        if (layer.Failure is { } failure)
        {
            throw new InvalidOperationException($"{scan}: {failure.Message}");
        }

        if (layer.PagesNeedingOcr.Count != layer.Pages.Count)
        {
            throw new InvalidOperationException($"{scan}: {layer.Pages.Count - layer.PagesNeedingOcr.Count} page(s) have a text layer; a scan must have none");
        }

        var recognized = await Task.WhenAll(layer.PagesNeedingOcr.Select(page => RecognizeAsync(document, page, cancellationToken)));
        var extraction = extractor.Complete(document, layer, recognized);
        if (extraction.Document is null)
        {
            // The product fails such a file and analyses the others: the case goes on without this document's pages.
            failures.Enqueue($"{source}: {extraction.Summary.ErrorCode} {extraction.Summary.ErrorMessage}");
            return [];
        }

        return extraction.Document.Pages;
    }

    /// <summary>What <c>PageOcrGrain.Recognize</c> does for one page, with a slot of this reader instead of the silo's queue.</summary>
    private async Task<PageOcrResult> RecognizeAsync(DocumentRef document, int page, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var image = await rasterizer.RenderAsync(document, page, cancellationToken);
            var result = await engine.RecognizeAsync(image, cancellationToken);
            var extracted = new ExtractedPage(page, result.Width, result.Height, PageTextSource.Ocr, result.Blocks, null);
            return new PageOcrResult(page, extracted, null, null, "bench", Stopwatch.GetElapsedTime(started), engine.Profile);
        }
        catch (OcrEngineException error)
        {
            return new PageOcrResult(page, null, ExtractionErrors.OcrFailed, error.Message, "bench", Stopwatch.GetElapsedTime(started), engine.Profile);
        }
        finally
        {
            Interlocked.Add(ref recognitionTicks, Stopwatch.GetElapsedTime(started).Ticks);
            Interlocked.Increment(ref pagesRead);
            slots.Release();
        }
    }
}
