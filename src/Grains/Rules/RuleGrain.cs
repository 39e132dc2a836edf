using VNexsus.Ocr;
using VNexsus.Rules.Events;
using VNexsus.Storage;

namespace VNexsus.Rules;

/// <summary>
/// One analysis, keyed by <see cref="AnalysisKey"/>. The result is kept in memory while the activation lives (the
/// plan's one-hour rule cache) and in the analysis store, so a finished job's events survive restarts.
/// </summary>
[CollectionAgeLimit(Minutes = 60)]
public sealed class RuleGrain(JsonDocumentStore<AnalysisResult> analyses, TimeProvider clock) : Grain, IRuleGrain
{
    private AnalysisResult? _result;

    public async Task<int> Analyse(AnalysisRequest request)
    {
        var key = this.GetPrimaryKeyString();
        if (AnalysisKey.Of(request) != key)
        {
            throw new ArgumentException("The request does not hash to this grain's key.", nameof(request));
        }

        _result ??= await analyses.LoadAsync(key) ?? await AnalyseAsync(key, request);
        return _result.Events.Count;
    }

    public async Task<AnalysisResult?> GetResult() => _result ??= await analyses.LoadAsync(this.GetPrimaryKeyString());

    private async Task<AnalysisResult> AnalyseAsync(string key, AnalysisRequest request)
    {
        var documents = new List<RuleDocument>(request.Documents.Count);
        foreach (var document in request.Documents.OrderBy(d => d.FileOrder))
        {
            var pages = new List<RulePage>();
            await foreach (var page in GrainFactory.GetGrain<IOcrGrain>(document.Sha256).ReadPages())
            {
                pages.Add(new RulePage(page.Page, page.Blocks.Select(b => b.Text).ToList()));
            }

            documents.Add(new RuleDocument(document.FileOrder, document.FileName, pages));
        }

        var today = KoreaTime.Today(clock);
        var events = await Task.Run(() => DatedLineEvents.Build(documents, today));
        var result = new AnalysisResult(key, request.InsuranceJoinDate, events, clock.GetUtcNow());
        await analyses.SaveAsync(key, result);
        return result;
    }
}
