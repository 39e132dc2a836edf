using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orleans.Placement;
using VNexsus.Ocr.Engines;
using VNexsus.Ocr.Rendering;
using VNexsus.Ocr.Scheduling;
using VNexsus.Reliability;
using VNexsus.Telemetry;

namespace VNexsus.Ocr;

/// <summary>
/// Renders and recognises one page. Placed at random: the default placement would keep every page next to the OcrGrain
/// that asked (orleans.md §3.6), and activation-count placement works from load figures published every few seconds,
/// so the pages of one scan, created within milliseconds, all went to the same silo in tests. Bounded per silo by
/// <see cref="OcrSlotQueue"/>, where a page waits its turn by its document's size. Holds nothing: the OcrGrain keeps
/// the result, so the activation goes away when idle.
/// </summary>
[RandomPlacement]
public sealed class PageOcrGrain(
    IOcrEngine engine,
    PageRasterizer rasterizer,
    OcrSlotQueue slots,
    ILocalSiloDetails silo,
    ILogger<PageOcrGrain> logger) : Grain, IPageOcrGrain
{
    public async Task<PageOcrResult> Recognize(DocumentRef document, int page, CancellationToken cancellationToken = default)
    {
        using var span = PipelineTracing.Start(PipelineTracing.OcrPage);
        span?.SetTag("vnexsus.page", page);
        span?.SetTag("vnexsus.ocr.engine", engine.Profile);
        using var slot = await slots.AcquireAsync(document.Sha256, document.Size, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var image = await rasterizer.RenderAsync(document, page, cancellationToken);
            var recognized = await engine.RecognizeAsync(image, cancellationToken);
            var extracted = new ExtractedPage(page, recognized.Width, recognized.Height, PageTextSource.Ocr, recognized.Blocks, null);
            span?.SetTag("vnexsus.blocks", recognized.Blocks.Count);
            return Result(page, extracted, null, null, started);
        }
        catch (OcrEngineException error)
        {
            logger.LogWarning("Page {Page} of a {Kind} document could not be recognised: {Failure}", page, document.Kind, error.Kind);
            var code = engine is NoOcrEngine ? ExtractionErrors.NoOcrEngine : ExtractionErrors.OcrFailed;
            span.Failed(error.Kind.ToString());
            return Result(page, null, code, error.Message, started);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            span.Failed(ErrorClassifier.Name(ErrorClassifier.Classify(error)));
            throw;
        }
        finally
        {
            DeactivateOnIdle();
        }
    }

    private PageOcrResult Result(int page, ExtractedPage? extracted, string? code, string? message, long started) =>
        new(page, extracted, code, message, silo.SiloAddress.ToString(), Stopwatch.GetElapsedTime(started), engine.Profile);
}
