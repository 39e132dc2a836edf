using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using VNexsus.Jobs;
using VNexsus.Ocr.Engines;
using VNexsus.Ocr.Rendering;
using VNexsus.Ocr.Scheduling;
using VNexsus.Reliability;
using VNexsus.Retention;
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
}

/// <summary>
/// Extracts one document once. Start returns at once; the extraction runs off the grain's turn: the text layer here,
/// pages that need OCR on <see cref="IPageOcrGrain"/>s spread over the cluster. The result is stored before any
/// waiting job is told (orleans.md §3.5). If the activation died mid-extraction, the next Start starts again. A kept
/// result is served while it is younger than the cache duration and was made with the configured OCR engine.
/// The blob, extraction and page images are shared by every job that uploaded these bytes, so they are deleted only
/// when the last job that holds them is purged (retention); the holders are <see cref="HolderMarkers"/>, not state.
/// </summary>
public sealed class OcrGrain(
    [PersistentState("ocr", StorageNames.Ocr)] IPersistentState<OcrState> state,
    IDocumentExtractor extractor,
    IOcrEngine engine,
    IOptions<OcrOptions> options,
    JsonDocumentStore<ExtractedDocument> extractions,
    OcrProgressTracker progress,
    BlobStore blobs,
    PageImageRenderer pageImages,
    DataDirectory data,
    TimeProvider clock,
    ILogger<OcrGrain> logger) : Grain, IOcrGrain
{
    private readonly SerialStateWriter<OcrState> _writer = new(state);
    private const int SaveAttempts = 8;
    private static readonly TimeSpan MaxSaveDelay = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan WorkerStopTimeout = TimeSpan.FromSeconds(30);

    private Task? _worker;
    private CancellationTokenSource? _stop;
    private ExtractionProgress? _progress;

    /// <summary>
    /// The extraction this activation made but could not store (the extraction store was unavailable): served from
    /// memory while the activation lives, so the jobs waiting for it still run; gone with the activation, after which
    /// the document is read again.
    /// </summary>
    private ExtractedDocument? _unstored;

    /// <summary>
    /// True while the outcome is in memory but its write is still under way (retried through a storage outage): a job
    /// asking then is told to wait, never handed a result that the storage may not keep. Its resume timer asks again.
    /// </summary>
    private bool _outcomeSaving;

    /// <summary>
    /// True once this activation has stored the extraction or read it back whole: later cache hits trust the store
    /// without reading it again. A stored extraction that cannot be read (deleted, damaged, restored from an old backup)
    /// is never served; the document is read again (fail-open).
    /// </summary>
    private bool _storedReadable;

    private HolderMarkers? _holders;

    private HolderMarkers Holders => _holders ??= HolderMarkers.OfDocument(data, this.GetPrimaryKeyString());

    public const string CacheSkippedStep = "cache";

    public async Task<ExtractionTicket> Start(DocumentRef document, string jobId)
    {
        if (document.Sha256 != this.GetPrimaryKeyString())
        {
            throw new ArgumentException("The document does not belong to this grain.", nameof(document));
        }

        if (_outcomeSaving)
        {
            return new ExtractionTicket(null, FromCache: jobId != state.State.StartedBy);
        }

        if (await Cached(jobId) is { } cached)
        {
            return cached;
        }

        Holders.Add(jobId);

        if (state.State.Summary is not null)
        {
            state.State.Summary = null;
            state.State.StartedBy = null;
        }

        // Jobs ask again while they wait (their resume timer and reminder): only a new waiter or a new start is written
        // and counted, so a repeated Start costs no storage write.
        var joined = !state.State.WaitingJobs.Contains(jobId);
        if (joined)
        {
            state.State.WaitingJobs.Add(jobId);
        }

        joined |= state.State.StartedBy is null;
        state.State.StartedBy ??= jobId;
        if (joined || _worker is null)
        {
            PipelineMetrics.CacheRequest(_worker is null ? "miss" : "joined");
            await _writer.WriteAsync();
        }

        if (_worker is null)
        {
            logger.LogInformation("Extraction of document {Document} started for job {JobId} ({WaitingJobs} jobs waiting)", ShortHash(document.Sha256), jobId, state.State.WaitingJobs.Count);
            _stop = new CancellationTokenSource();
            _worker = ExtractAsync(document, _stop.Token);
        }
        else if (_progress is { } progress)
        {
            // A job joining a running extraction sees where it stands without waiting for the next page.
            GrainFactory.GetGrain<IJobGrain>(jobId).ExtractionProgressed(progress).Ignore();
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

    public Task Hold(string jobId)
    {
        Holders.Add(jobId);
        return Task.CompletedTask;
    }

    public async Task Release(string jobId)
    {
        var released = Holders.Remove(jobId);
        var wasStarter = state.State.StartedBy == jobId;
        if (wasStarter)
        {
            // Served from the cache to every job from now on.
            state.State.StartedBy = null;
        }

        var worker = _worker;
        await Withdraw(jobId);
        if (!released || Holders.Any())
        {
            if (wasStarter)
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
        _storedReadable = false;
        blobs.Delete(sha256);
        Holders.Clear();
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

    public async Task<ExtractionTicket?> Cached(string jobId)
    {
        if (await CachedTicketAsync(jobId) is not { } cached)
        {
            return null;
        }

        Holders.Add(jobId);
        return cached;
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

    private async Task<ExtractedDocument?> LoadExtractionAsync()
    {
        if (state.State.Summary is not { Succeeded: true })
        {
            return null;
        }

        if (_unstored is { } unstored)
        {
            return unstored;
        }

        var stored = await TryLoadStoredAsync();
        _storedReadable = stored is not null;
        return stored ?? throw new InvalidOperationException("The stored extraction of this document cannot be read; the next upload of it reads the document again.");
    }

    private async Task<bool> StoredExtractionReadableAsync()
    {
        if (!_storedReadable)
        {
            _storedReadable = await TryLoadStoredAsync() is not null;
        }

        return _storedReadable;
    }

    /// <summary>The stored extraction, or null (and a warning) when it is missing or cannot be read.</summary>
    private async Task<ExtractedDocument?> TryLoadStoredAsync()
    {
        var sha256 = this.GetPrimaryKeyString();
        try
        {
            if (await extractions.LoadAsync(sha256) is { } stored)
            {
                return stored;
            }

            logger.LogWarning("The stored extraction of document {Document} is missing; the document is read again", ShortHash(sha256));
        }
        catch (Exception error) when (error is JsonException or IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("The stored extraction of document {Document} cannot be read ({Error}); the document is read again", ShortHash(sha256), error.GetType().Name);
        }

        return null;
    }

    /// <summary>
    /// The kept outcome when it may be served (fresh, made with this engine, not being saved, and stored readably or
    /// held in memory), else null.
    /// </summary>
    private async Task<ExtractionTicket?> CachedTicketAsync(string jobId)
    {
        if (_outcomeSaving || state.State.Summary is not { } done || !IsServable(done)
            || (_unstored is null && (WasNotStored(done) || !await StoredExtractionReadableAsync())))
        {
            return null;
        }

        PipelineMetrics.CacheRequest("hit");
        return new ExtractionTicket(done, FromCache: jobId != state.State.StartedBy);
    }

    private static bool WasNotStored(ExtractionSummary summary) => summary.Steps.Any(s => s.Step == CacheSkippedStep);

    /// <summary>
    /// Stores the extraction for later jobs. When the store is unavailable the cache is skipped, not the job (fail-open):
    /// the extraction is kept in memory for the jobs waiting now, and the file's steps say so.
    /// </summary>
    private async Task<ProcessingStep?> StoreAsync(DocumentRef document, ExtractedDocument extracted, CancellationToken cancellationToken)
    {
        try
        {
            await extractions.SaveAsync(document.Sha256, extracted, cancellationToken);
            _unstored = null;
            _storedReadable = true;
            return null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException && !cancellationToken.IsCancellationRequested)
        {
            var errorClass = ErrorClassifier.Name(ErrorClassifier.Classify(error));
            logger.LogWarning("The extraction store is unavailable ({Error}, {ErrorClass}); the result is not cached", error.GetType().Name, errorClass);
            _unstored = extracted;
            return new ProcessingStep(CacheSkippedStep, "skipped",
                $"추출 결과 저장소를 사용할 수 없어 이번 결과는 캐시에 저장하지 않았습니다 (cache skipped: extraction store unavailable, {error.GetType().Name})",
                clock.GetUtcNow(), TimeSpan.Zero);
        }
    }

    private async Task ExtractAsync(DocumentRef document, CancellationToken cancellationToken)
    {
        // Leave the calling turn so Start returns now; the rest runs on this grain's scheduler (orleans.md §3.4).
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.ForceYielding);
        // A child of the Start call that began the extraction, so the job's trace follows it across the page grains.
        using var span = PipelineTracing.Start(PipelineTracing.ExtractDocument);
        span?.SetTag("vnexsus.document.kind", document.Kind.ToString().ToLowerInvariant());
        span?.SetTag("vnexsus.document.size_class", PipelineMetrics.SizeClass(document.Size));
        ExtractionSummary summary;
        IReadOnlyList<ExtractedPage> pages = [];
        var keep = true;
        try
        {
            Report(new ExtractionProgress(document.Sha256, ExtractionStage.TextLayer, 0, 0));
            var layer = await Task.Run(() => ReadTextLayer(document));
            var steps = new List<ProcessingStep>();
            var ocr = await RecognizeAsync(document, layer.PagesNeedingOcr, steps, cancellationToken);
            var result = extractor.Complete(document, layer, ocr);
            cancellationToken.ThrowIfCancellationRequested();
            if (result.Document is not null)
            {
                pages = result.Document.Pages;
                if (await StoreAsync(document, result.Document, cancellationToken) is { } skipped)
                {
                    steps.Add(skipped);
                }
            }

            // A List, not a collection expression: grain state is stored with its runtime type, and the compiler's
            // read-only collection type cannot be read back.
            summary = result.Summary with { Steps = result.Summary.Steps.Concat(steps).ToList() };
            span?.SetTag("vnexsus.pages", summary.PageCount);
            span?.SetTag("vnexsus.ocr.pages", layer.PagesNeedingOcr.Count);
            if (summary.ErrorCode is { } code)
            {
                span?.SetTag("vnexsus.error_code", code);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            span?.SetTag("vnexsus.cancelled", true);
            return;
        }
        catch (Exception error) when (ErrorClassifier.IsClusterUnavailable(error))
        {
            // A page's silo died, or the cluster is still settling after it did: neither the document nor this system
            // is at fault. Keep nothing and tell no one; the waiting jobs ask again (JobGrain's resume timer) and that
            // Start extracts afresh.
            logger.LogWarning("Extraction of document {Document} interrupted by {Error}; it starts again when a waiting job asks", ShortHash(document.Sha256), error.GetType().Name);
            Detach(cancellationToken);
            return;
        }
        catch (Exception error)
        {
            // A fault of this system (missing blob, full disk), not of the document: report it, keep nothing, so the
            // next Start extracts again.
            var errorClass = ErrorClassifier.Name(ErrorClassifier.Classify(error));
            logger.LogError(error, "Extraction failed with {ErrorClass} for a document of kind {Kind}", errorClass, document.Kind);
            PipelineMetrics.Error(PipelineMetrics.ExtractionOperation, errorClass);
            span.Failed(errorClass);
            summary = new ExtractionSummary(
                document.Sha256, false, 0, false, TextSource.None, 0, [], ExtractionErrors.ExtractionError,
                $"문서 처리 중 시스템 오류가 발생했습니다 (system error while extracting: {errorClass})", TimeSpan.Zero, clock.GetUtcNow(), null, []);
            keep = false;
        }

        if (cancellationToken.IsCancellationRequested)
        {
            // Withdrawn or deactivated while finishing: this worker was detached; a newer one may own the state now.
            return;
        }

        _progress = null;
        var waiting = state.State.WaitingJobs.ToList();
        var startedBy = state.State.StartedBy;
        state.State.Summary = keep ? summary : null;
        state.State.WaitingJobs.Clear();
        state.State.StartedBy = keep ? startedBy : null;
        _outcomeSaving = true;
        try
        {
            await SaveOutcomeAsync(cancellationToken);
        }
        catch (Exception error)
        {
            // Kept nowhere, so told to no one. This activation's state is now ahead of storage (or behind it, when
            // another activation wrote meanwhile), so it goes: the next Start reads what was stored and extracts again.
            logger.LogError("Extraction of document {Document} could not be stored ({Error}); the activation is retired", ShortHash(document.Sha256), error.GetType().Name);
            Detach(cancellationToken);
            DeactivateOnIdle();
            return;
        }
        finally
        {
            _outcomeSaving = false;
        }

        Detach(cancellationToken);
        if (keep)
        {
            // Counted once kept: an extraction interrupted before this point is done again and counted then.
            PipelineMetrics.Extracted(document, summary, pages);
        }

        logger.LogInformation("Extraction of document {Document} finished ({Outcome}); telling {WaitingJobs} jobs", ShortHash(document.Sha256), summary.Succeeded ? "readable" : summary.ErrorCode, waiting.Count);
        foreach (var jobId in waiting)
        {
            try
            {
                await GrainFactory.GetGrain<IJobGrain>(jobId).FileExtracted(new ExtractionNotice(summary, FromCache: jobId != startedBy));
            }
            catch (Exception error)
            {
                // The job's resume timer or reminder asks again and gets the kept summary.
                logger.LogWarning(error, "Could not notify job {JobId} of a finished extraction", jobId);
            }
        }
    }

    /// <summary>Lets the next Start begin a new worker, unless this worker was already replaced (cancelled).</summary>
    private void Detach(CancellationToken cancellationToken)
    {
        if (!cancellationToken.IsCancellationRequested)
        {
            _worker = null;
            _stop = null;
        }
    }

    /// <summary>The first 12 hex digits of a document hash: enough to follow one document through the logs.</summary>
    private static string ShortHash(string sha256) => sha256[..12];

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

    private TextLayerResult ReadTextLayer(DocumentRef document)
    {
        using var span = PipelineTracing.Start(PipelineTracing.TextLayer);
        var layer = extractor.ReadTextLayer(document);
        span?.SetTag("vnexsus.pages", layer.Pages.Count);
        span?.SetTag("vnexsus.ocr.pages", layer.PagesNeedingOcr.Count);
        if (layer.Failure is { } failure)
        {
            span?.SetTag("vnexsus.error_code", failure.Code);
        }

        return layer;
    }

    /// <summary>
    /// Recognises pages on page grains, a bounded number at a time; a page lost with its silo is asked again. The waiting
    /// jobs are told each page done (the continuations run on this grain's scheduler, one at a time).
    /// </summary>
    private async Task<IReadOnlyList<PageOcrResult>> RecognizeAsync(DocumentRef document, IReadOnlyList<int> pages, List<ProcessingStep> steps, CancellationToken cancellationToken)
    {
        if (pages.Count == 0)
        {
            return [];
        }

        var done = 0;
        Report(new ExtractionProgress(document.Sha256, ExtractionStage.Ocr, done, pages.Count));
        using var inFlight = new SemaphoreSlim(Math.Max(1, options.Value.MaxPagesInFlightPerDocument));
        using var counted = progress.Begin(document.Sha256, pages.Count);
        var results = await Task.WhenAll(pages.Select(async page =>
        {
            await inFlight.WaitAsync(cancellationToken);
            try
            {
                return await RecognizePageAsync(document, page, steps, cancellationToken);
            }
            finally
            {
                counted.PageRecognized();
                inFlight.Release();
                if (!cancellationToken.IsCancellationRequested)
                {
                    Report(new ExtractionProgress(document.Sha256, ExtractionStage.Ocr, ++done, pages.Count));
                }
            }
        }));
        return results;
    }

    /// <summary>Tells every waiting job where the extraction stands; one-way, so a busy job never holds the extraction up.</summary>
    private void Report(ExtractionProgress progress)
    {
        _progress = progress;
        foreach (var jobId in state.State.WaitingJobs)
        {
            GrainFactory.GetGrain<IJobGrain>(jobId).ExtractionProgressed(progress).Ignore();
        }
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
            PipelineMetrics.Retry(PipelineMetrics.OcrPageOperation, ErrorClassifier.Name(note.Class));
            steps.Add(new ProcessingStep("ocr_retry", "retry",
                $"{page}쪽 {ErrorClassifier.Name(note.Class)} 오류({note.Reason}), {note.Delay.TotalSeconds:0.0}초 후 {note.Attempt}번째 시도", clock.GetUtcNow(), note.Delay));
        }, clock);
        try
        {
            var pageGrain = GrainFactory.GetGrain<IPageOcrGrain>($"{document.Sha256}/{page}");
            return await retries.ExecuteOnCallerSchedulerAsync(
                async token => await pageGrain.Recognize(document, page, token),
                cancellationToken);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested
                                      && !ErrorClassifier.IsClusterUnavailable(error)
                                      && ErrorClassifier.Classify(error) is ErrorClass.InvalidInput or ErrorClass.Temporary or ErrorClass.RateLimit)
        {
            // Only a page the engine cannot read, or one still failing after its retries, is a failed page. A page call
            // the cluster could not deliver (its silo died) says nothing about the page: it interrupts the extraction,
            // which keeps nothing and is asked for again. Any other error fails the whole extraction.
            var errorClass = ErrorClassifier.Name(ErrorClassifier.Classify(error));
            logger.LogWarning("Page {Page} failed for good with {ErrorClass}", page, errorClass);
            PipelineMetrics.Error(PipelineMetrics.OcrPageOperation, errorClass);
            return new PageOcrResult(page, null, ExtractionErrors.OcrFailed, $"페이지 OCR에 실패했습니다 ({errorClass}: {error.GetType().Name})", "none", TimeSpan.Zero, engine.Profile);
        }
    }

    private bool IsServable(ExtractionSummary summary) =>
        clock.GetUtcNow() - summary.CompletedAt < options.Value.CacheDuration
        && (summary.OcrProfile is null || summary.OcrProfile == engine.Profile);
}
