using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using VNexsus.Jobs;
using VNexsus.Ocr.Engines;
using VNexsus.Ocr.Rendering;
using VNexsus.Reliability;
using VNexsus.Storage;
using VNexsus.Telemetry;

namespace VNexsus.Ocr;

[GenerateSerializer, Alias("VNexsus.OcrState")]
public sealed class OcrState
{
    /// <summary>Set once the document is extracted (or found unreadable): from then on this grain is the cache.</summary>
    [Id(0)] public ExtractionSummary? Summary { get; set; }

    /// <summary>Jobs to tell when the running extraction finishes.</summary>
    [Id(1)] public List<string> WaitingJobs { get; set; } = [];

    /// <summary>The job whose request started the extraction; every other job gets the file from the cache.</summary>
    [Id(2)] public string? StartedBy { get; set; }

    /// <summary>The live jobs that hold this document; when the last is purged, everything of the document is deleted.</summary>
    [Id(3)] public List<string> Holders { get; set; } = [];
}

/// <summary>
/// Extracts one document once. Start returns at once; the extraction runs off the grain's turn: the text layer here,
/// pages that need OCR on <see cref="IPageOcrGrain"/>s spread over the cluster. The result is stored before any
/// waiting job is told (orleans.md §3.5). If the activation died mid-extraction, the next Start starts again. A kept
/// result is served while it is younger than the cache duration and was made with the configured OCR engine.
/// The blob, extraction and page images are shared by every job that uploaded these bytes, so they are deleted only
/// when the last job that holds them is purged (retention).
/// </summary>
public sealed class OcrGrain(
    [PersistentState("ocr", StorageNames.Ocr)] IPersistentState<OcrState> state,
    IDocumentExtractor extractor,
    IOcrEngine engine,
    IOptions<OcrOptions> options,
    JsonDocumentStore<ExtractedDocument> extractions,
    BlobStore blobs,
    PageImageRenderer pageImages,
    TimeProvider clock,
    ILogger<OcrGrain> logger) : Grain, IOcrGrain
{
    private readonly SerialStateWriter<OcrState> _writer = new(state);
    private const int SaveAttempts = 8;
    private static readonly TimeSpan MaxSaveDelay = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan WorkerStopTimeout = TimeSpan.FromSeconds(30);

    private Task? _worker;
    private CancellationTokenSource? _stop;

    public async Task<ExtractionTicket> Start(DocumentRef document, string jobId)
    {
        if (document.Sha256 != this.GetPrimaryKeyString())
        {
            throw new ArgumentException("The document does not belong to this grain.", nameof(document));
        }

        var newHolder = AddHolder(jobId);
        if (state.State.Summary is { } done)
        {
            if (IsServable(done))
            {
                if (newHolder)
                {
                    await _writer.WriteAsync();
                }

                PipelineMetrics.CacheRequest("hit");
                return new ExtractionTicket(done, FromCache: jobId != state.State.StartedBy);
            }

            state.State.Summary = null;
            state.State.StartedBy = null;
        }

        if (!state.State.WaitingJobs.Contains(jobId))
        {
            state.State.WaitingJobs.Add(jobId);
        }

        state.State.StartedBy ??= jobId;
        PipelineMetrics.CacheRequest(_worker is null ? "miss" : "joined");
        await _writer.WriteAsync();
        if (_worker is null)
        {
            _stop = new CancellationTokenSource();
            _worker = ExtractAsync(document, _stop.Token);
        }

        return new ExtractionTicket(null, FromCache: jobId != state.State.StartedBy);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Orleans may deactivate this grain while its extraction runs (e.g. its directory entry died with a silo): stop
        // the worker so it neither races a new activation nor saves a half-read document. The next Start redoes it.
        if (_stop is { } stop && _worker is { } worker)
        {
            await stop.CancelAsync();
            try
            {
                await worker.WaitAsync(cancellationToken);
            }
            catch (Exception error)
            {
                // Stopped, failed or out of time: a stopped worker keeps nothing, and the next Start extracts again.
                logger.LogDebug("Extraction worker ended with {Error} on deactivation", error.GetType().Name);
            }
        }
    }

    public async Task Hold(string jobId)
    {
        if (AddHolder(jobId))
        {
            await _writer.WriteAsync();
        }
    }

    public async Task Release(string jobId)
    {
        var released = state.State.Holders.Remove(jobId);
        if (state.State.StartedBy == jobId)
        {
            // Served from the cache to every job from now on.
            state.State.StartedBy = null;
        }

        var worker = _worker;
        await Withdraw(jobId);
        if (!released || state.State.Holders.Count > 0)
        {
            if (released)
            {
                await _writer.WriteAsync();
            }

            return;
        }

        if (worker is not null && _worker is null)
        {
            // The stopped worker may be between its last page and saving the extraction: let it end before deleting.
            try
            {
                await worker.WaitAsync(WorkerStopTimeout);
            }
            catch (Exception error)
            {
                logger.LogDebug("Extraction worker ended with {Error} on purge", error.GetType().Name);
            }
        }

        var sha256 = this.GetPrimaryKeyString();
        if (await extractions.LoadAsync(sha256) is { } extraction)
        {
            pageImages.DeleteImages(sha256, extraction.Pages);
        }

        extractions.Delete(sha256);
        blobs.Delete(sha256);
        await state.ClearStateAsync();
        logger.LogInformation("Document purged: no job holds it any more");
        DeactivateOnIdle();
    }

    public async Task Withdraw(string jobId)
    {
        if (state.State.WaitingJobs.Remove(jobId))
        {
            await _writer.WriteAsync();
        }

        if (state.State.WaitingJobs.Count == 0 && _stop is { } stop)
        {
            // Detach the worker at once: it stops within a page (tesseract is killed), writes nothing, tells no one,
            // and the next Start extracts afresh.
            logger.LogInformation("Extraction stopped: no job waits for it any more");
            _worker = null;
            _stop = null;
            state.State.StartedBy = null;
            await _writer.WriteAsync();
            await stop.CancelAsync();
        }
    }

    public Task<ExtractionSummary?> GetSummary() => Task.FromResult(state.State.Summary);

    public async IAsyncEnumerable<ExtractedPage> ReadPages()
    {
        foreach (var page in (await LoadExtractionAsync())?.Pages ?? [])
        {
            yield return page;
        }
    }

    public async Task<ExtractedPage?> GetPage(int page) =>
        (await LoadExtractionAsync())?.Pages.FirstOrDefault(p => p.Page == page);

    private async Task<ExtractedDocument?> LoadExtractionAsync() =>
        state.State.Summary is { Succeeded: true }
            ? await extractions.LoadAsync(this.GetPrimaryKeyString())
              ?? throw new InvalidOperationException("The extraction of this document is missing from the data directory.")
            : null;

    private async Task ExtractAsync(DocumentRef document, CancellationToken cancellationToken)
    {
        // Leave the calling turn so Start returns now; the rest runs on this grain's scheduler (orleans.md §3.4).
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.ForceYielding);
        ExtractionSummary summary;
        var keep = true;
        try
        {
            var layer = await Task.Run(() => extractor.ReadTextLayer(document));
            var retries = new List<ProcessingStep>();
            var ocr = await RecognizeAsync(document, layer.PagesNeedingOcr, retries, cancellationToken);
            var result = extractor.Complete(document, layer, ocr);
            cancellationToken.ThrowIfCancellationRequested();
            if (result.Document is not null)
            {
                await extractions.SaveAsync(document.Sha256, result.Document);
            }

            // A List, not a collection expression: grain state is stored with its runtime type, and the compiler's
            // read-only collection type cannot be read back.
            summary = result.Summary with { Steps = result.Summary.Steps.Concat(retries).ToList() };
            PipelineMetrics.Extracted(document, summary, result.Document?.Pages ?? []);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception error)
        {
            // A fault of this system (missing blob, full disk), not of the document: report it, keep nothing, so the
            // next Start extracts again.
            var errorClass = ErrorClassifier.Name(ErrorClassifier.Classify(error));
            logger.LogError(error, "Extraction failed with {ErrorClass} for a document of kind {Kind}", errorClass, document.Kind);
            summary = new ExtractionSummary(
                document.Sha256, false, 0, false, TextSource.None, 0, [], ExtractionErrors.ExtractionError,
                $"문서 처리 중 시스템 오류가 발생했습니다 (system error while extracting: {errorClass})", TimeSpan.Zero, clock.GetUtcNow(), null, []);
            keep = false;
        }

        if (cancellationToken.IsCancellationRequested)
        {
            // Withdrawn while finishing: this worker was detached; a newer one may own the state now.
            return;
        }

        var waiting = state.State.WaitingJobs.ToList();
        var startedBy = state.State.StartedBy;
        state.State.Summary = keep ? summary : null;
        state.State.WaitingJobs.Clear();
        state.State.StartedBy = keep ? startedBy : null;
        await SaveOutcomeAsync(cancellationToken);
        _worker = null;
        _stop = null;
        foreach (var jobId in waiting)
        {
            try
            {
                await GrainFactory.GetGrain<IJobGrain>(jobId).FileExtracted(new ExtractionNotice(summary, FromCache: jobId != startedBy));
            }
            catch (Exception error)
            {
                // The job's reminder asks again and gets the kept summary.
                logger.LogWarning(error, "Could not notify job {JobId} of a finished extraction", jobId);
            }
        }
    }

    /// <summary>
    /// Stores the outcome before any job is told (orleans.md §3.5), retrying while storage is away (a Redis restart):
    /// a result that is served must also be kept. The jobs' reminders cover a worker that gives up.
    /// </summary>
    private async Task SaveOutcomeAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _writer.WriteAsync();
                return;
            }
            catch (Exception error) when (attempt < SaveAttempts && error is not InconsistentStateException && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Saving an extraction failed ({Error}); attempt {Attempt} in {Delay}", error.GetType().Name, attempt + 1, delay);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxSaveDelay.Ticks));
            }
        }
    }

    /// <summary>Recognises pages on page grains, a bounded number at a time; a page lost with its silo is asked again.</summary>
    private async Task<IReadOnlyList<PageOcrResult>> RecognizeAsync(DocumentRef document, IReadOnlyList<int> pages, List<ProcessingStep> steps, CancellationToken cancellationToken)
    {
        using var inFlight = new SemaphoreSlim(Math.Max(1, options.Value.MaxPagesInFlightPerDocument));
        var results = await Task.WhenAll(pages.Select(async page =>
        {
            await inFlight.WaitAsync(cancellationToken);
            try
            {
                return await RecognizePageAsync(document, page, steps, cancellationToken);
            }
            finally
            {
                inFlight.Release();
            }
        }));
        return results;
    }

    /// <summary>
    /// Asks the page's grain, retrying by error class (a page lost with its silo is TEMPORARY); every retry and a final
    /// failure go into the file's processing steps.
    /// </summary>
    private async Task<PageOcrResult> RecognizePageAsync(DocumentRef document, int page, List<ProcessingStep> steps, CancellationToken cancellationToken)
    {
        var retries = RetryPolicy.Create(options.Value.Retry, note =>
        {
            logger.LogWarning("Page {Page} failed with {ErrorClass}; attempt {Attempt} in {Delay}", page, ErrorClassifier.Name(note.Class), note.Attempt, note.Delay);
            steps.Add(new ProcessingStep("ocr_retry", "retry",
                $"{page}쪽 {ErrorClassifier.Name(note.Class)} 오류({note.Reason}), {note.Delay.TotalSeconds:0.0}초 후 {note.Attempt}번째 시도", clock.GetUtcNow(), note.Delay));
        }, clock);
        try
        {
            return await retries.ExecuteAsync(
                async token => await GrainFactory.GetGrain<IPageOcrGrain>($"{document.Sha256}/{page}").Recognize(document, page, token),
                cancellationToken);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested
                                      && ErrorClassifier.Classify(error) is ErrorClass.InvalidInput or ErrorClass.Temporary or ErrorClass.RateLimit)
        {
            // Only a page the engine cannot read, or one still failing after its retries, is a failed page; any other
            // error fails the whole extraction, which then keeps nothing.
            var errorClass = ErrorClassifier.Name(ErrorClassifier.Classify(error));
            logger.LogWarning("Page {Page} failed for good with {ErrorClass}", page, errorClass);
            return new PageOcrResult(page, null, ExtractionErrors.OcrFailed, $"페이지 OCR에 실패했습니다 ({errorClass}: {error.GetType().Name})", "none", TimeSpan.Zero, engine.Profile);
        }
    }

    private bool AddHolder(string jobId)
    {
        if (state.State.Holders.Contains(jobId))
        {
            return false;
        }

        state.State.Holders.Add(jobId);
        return true;
    }

    private bool IsServable(ExtractionSummary summary) =>
        clock.GetUtcNow() - summary.CompletedAt < options.Value.CacheDuration
        && (summary.OcrProfile is null || summary.OcrProfile == engine.Profile);
}
