using Microsoft.Extensions.Logging;
using VNexsus.Jobs;
using VNexsus.Storage;

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
/// Extracts one document once. Start returns at once; the extraction runs off the grain's turn and, when it ends, the
/// result is stored before any waiting job is told (orleans.md §3.5). If the activation died mid-extraction, the next
/// Start finds no worker and starts again.
/// </summary>
public sealed class OcrGrain(
    [PersistentState("ocr", StorageNames.Ocr)] IPersistentState<OcrState> state,
    IDocumentExtractor extractor,
    JsonDocumentStore<ExtractedDocument> extractions,
    ILogger<OcrGrain> logger) : Grain, IOcrGrain
{
    private readonly SerialStateWriter<OcrState> _writer = new(state);
    private Task? _worker;

    public async Task<ExtractionTicket> Start(DocumentRef document, string jobId)
    {
        if (document.Sha256 != this.GetPrimaryKeyString())
        {
            throw new ArgumentException("The document does not belong to this grain.", nameof(document));
        }

        if (state.State.Summary is { } done)
        {
            return new ExtractionTicket(done, FromCache: jobId != state.State.StartedBy);
        }

        if (!state.State.WaitingJobs.Contains(jobId))
        {
            state.State.WaitingJobs.Add(jobId);
        }

        state.State.StartedBy ??= jobId;
        await _writer.WriteAsync();
        _worker ??= ExtractAsync(document);
        return new ExtractionTicket(null, FromCache: jobId != state.State.StartedBy);
    }

    public Task<ExtractionSummary?> GetSummary() => Task.FromResult(state.State.Summary);

    public async IAsyncEnumerable<ExtractedPage> ReadPages()
    {
        if (state.State.Summary is not { Succeeded: true })
        {
            yield break;
        }

        var document = await extractions.LoadAsync(this.GetPrimaryKeyString())
            ?? throw new InvalidOperationException("The extraction of this document is missing from the data directory.");
        foreach (var page in document.Pages)
        {
            yield return page;
        }
    }

    private async Task ExtractAsync(DocumentRef document)
    {
        // Leave the calling turn so Start returns now; the rest runs on this grain's scheduler (orleans.md §3.4).
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.ForceYielding);
        ExtractionSummary summary;
        var keep = true;
        try
        {
            var result = await Task.Run(() => extractor.Extract(document));
            if (result.Document is not null)
            {
                await extractions.SaveAsync(document.Sha256, result.Document);
            }

            summary = result.Summary;
        }
        catch (Exception error)
        {
            // A fault of this system (missing blob, full disk), not of the document: report it, keep nothing, so the
            // next Start extracts again.
            logger.LogError(error, "Extraction failed for a document of kind {Kind}", document.Kind);
            summary = new ExtractionSummary(
                document.Sha256, false, 0, false, TextSource.None, 0, [], ExtractionErrors.ExtractionError,
                "문서 처리 중 시스템 오류가 발생했습니다 (system error while extracting)", TimeSpan.Zero, DateTimeOffset.UtcNow);
            keep = false;
        }

        var waiting = state.State.WaitingJobs.ToList();
        var startedBy = state.State.StartedBy;
        state.State.Summary = keep ? summary : null;
        state.State.WaitingJobs.Clear();
        state.State.StartedBy = keep ? startedBy : null;
        await _writer.WriteAsync();
        _worker = null;
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
}
