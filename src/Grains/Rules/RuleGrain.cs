using VNexsus.Ocr;
using VNexsus.Rules.Events;
using VNexsus.Storage;
using VNexsus.Telemetry;

namespace VNexsus.Rules;

/// <summary>
/// One analysis, keyed by <see cref="AnalysisKey"/> (rule-set version, documents, enrollment date, policy). The result
/// is kept in memory while the activation lives (the plan's one-hour rule cache, <c>rule:{hash}</c>) and in the
/// analysis store, so a finished job's report survives restarts and the same inputs from another job reuse it.
/// The rules run on the thread pool, off the grain's turn, so hundreds of pages never hold the activation.
/// </summary>
[CollectionAgeLimit(Minutes = 60)]
public sealed class RuleGrain(JsonDocumentStore<AnalysisResult> analyses, TimeProvider clock) : Grain, IRuleGrain
{
    private AnalysisResult? _result;
    private Task<AnalysisResult>? _running;

    public async Task<int> Analyse(AnalysisRequest request)
    {
        var key = this.GetPrimaryKeyString();
        if (AnalysisKey.Of(request) != key)
        {
            throw new ArgumentException("The request does not hash to this grain's key.", nameof(request));
        }

        _result ??= await analyses.LoadAsync(key);
        if (_result is null || _result.RuleSetVersion != RuleEngine.Version)
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

    public async Task<int?> KeptEventCount()
    {
        _result ??= await analyses.LoadAsync(this.GetPrimaryKeyString());
        return _result?.RuleSetVersion == RuleEngine.Version ? _result.Events.Count : null;
    }

    public async Task<AnalysisResult?> GetResult() => _result ??= await analyses.LoadAsync(this.GetPrimaryKeyString());

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

        var options = new RuleOptions(request.InsuranceJoinDate, request.PolicyId, KoreaTime.Today(clock));
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
