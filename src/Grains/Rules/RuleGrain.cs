using Microsoft.Extensions.Options;
using VNexsus.Ocr;
using VNexsus.Retention;
using VNexsus.Rules.Events;
using VNexsus.Storage;
using VNexsus.Telemetry;

namespace VNexsus.Rules;

/// <summary>
/// One analysis, keyed by <see cref="AnalysisKey"/> (rule-set version, documents, contracts). The result is kept in
/// memory while the activation lives and in the analysis store, so a finished job's report survives restarts.
/// <see cref="Analyse"/> reuses it for <see cref="RuleGrainOptions.CacheDuration"/> after it was made (the plan's
/// <c>rule:{hash}</c> cache): the same inputs from another job within that time run no rules. The rules run on the
/// thread pool, off the grain's turn, so hundreds of pages never hold the activation. The jobs that hold the analysis
/// are <see cref="HolderMarkers"/>; when the last is purged, the analysis is deleted.
/// </summary>
[CollectionAgeLimit(Minutes = 60)]
public sealed class RuleGrain(
    JsonDocumentStore<AnalysisResult> analyses,
    DataDirectory data,
    IOptions<RuleGrainOptions> options,
    TimeProvider clock) : Grain, IRuleGrain
{
    private AnalysisResult? _result;
    private Task<AnalysisResult>? _running;
    private HolderMarkers? _holders;

    private HolderMarkers Holders => _holders ??= HolderMarkers.OfAnalysis(data, this.GetPrimaryKeyString());

    public async Task<int> Analyse(AnalysisRequest request, string jobId)
    {
        var key = this.GetPrimaryKeyString();
        if (AnalysisKey.Of(request) != key)
        {
            throw new ArgumentException("The request does not hash to this grain's key.", nameof(request));
        }

        // Held before the result is stored, so a purge never leaves an analysis nobody holds.
        Holders.Add(jobId);

        await GetResult();
        if (!IsReusable(_result))
        {
            _running ??= AnalyseAsync(key, request);
            try
            {
                _result = await _running;
            }
            finally
            {
                _running = null;
            }
        }

        return _result.Events.Count;
    }

    private bool IsReusable([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] AnalysisResult? result) =>
        result is not null
        && result.RuleSetVersion == RuleEngine.Version
        && clock.GetUtcNow() - result.CreatedAt < options.Value.CacheDuration;

    public async Task<int?> KeptEventCount(string jobId)
    {
        await GetResult();
        if (!IsReusable(_result))
        {
            return null;
        }

        Holders.Add(jobId);
        return _result.Events.Count;
    }

    public async Task<AnalysisResult?> GetResult() => _result ??= await analyses.LoadAsync(this.GetPrimaryKeyString());

    public Task Release(string jobId)
    {
        if (Holders.Remove(jobId) && !Holders.Any())
        {
            analyses.Delete(this.GetPrimaryKeyString());
            Holders.Clear();
            _result = null;
            DeactivateOnIdle();
        }

        return Task.CompletedTask;
    }

    private async Task<AnalysisResult> AnalyseAsync(string key, AnalysisRequest request)
    {
        using var span = PipelineTracing.Start(PipelineTracing.Rules);
        span?.SetTag("vnexsus.documents", request.Documents.Count);
        var documents = new List<RuleDocument>(request.Documents.Count);
        foreach (var document in request.Documents.OrderBy(d => d.FileOrder))
        {
            var pages = new List<ExtractedPage>();
            await foreach (var page in GrainFactory.GetGrain<IOcrGrain>(document.Sha256).ReadPages())
            {
                pages.Add(page);
            }

            documents.Add(new RuleDocument(document.FileOrder, document.FileName, pages));
        }

        var options = new RuleOptions(request.Contracts, KoreaTime.Today(clock));
        var now = clock.GetUtcNow();
        AnalysisResult result;
        using (PipelineMetrics.TimeRules())
        {
            result = await Task.Run(() => RuleEngine.Default.Analyse(key, documents, options, now));
        }
        span?.SetTag("vnexsus.events", result.Events.Count);
        await analyses.SaveAsync(key, result);
        return result;
    }
}
