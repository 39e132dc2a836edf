using VNexsus.Rules.Disclosure;
using VNexsus.Rules.Events;

namespace VNexsus.Rules;

/// <summary>
/// The rule engine: documents (pages of blocks) and case inputs in, an evidence-linked analysis out. Plain classes,
/// deterministic for the same input, data and <see cref="RuleOptions.Today"/>.
/// </summary>
public sealed class RuleEngine(RuleData data)
{
    /// <summary>Bump when the rules change what they produce, so old cached analyses are not reused.</summary>
    public const string Version = "rules-11";

    public static RuleEngine Default { get; } = new(RuleData.Default);

    public RuleData Data => data;

    public AnalysisResult Analyse(string key, IReadOnlyList<RuleDocument> documents, RuleOptions options, DateTimeOffset createdAt)
    {
        var set = new EventBuilder(data).Build(documents, options.Today);
        var reviewer = new DisclosureReviewer(data.Policies);
        var reviews = options.Contracts.Select(c => reviewer.Review(set.Events, c.JoinDate, c.PolicyId) with { ContractId = c.ContractId }).ToList();
        var review = reviews[0];
        var byReason = set.Excluded.GroupBy(x => x.Reason).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        var statistics = new AnalysisStatistics(
            documents.Count, set.Pages, set.Blocks, set.DateCandidates, set.DateCandidates - set.Excluded.Count, set.Excluded.Count,
            set.Atoms, set.Events.Count, set.Events.Count(e => e.ReviewNeeded), review.Candidates.Count, byReason);
        return new AnalysisResult(
            key, review.JoinDate, set.Events, createdAt, Version, set.Excluded, review, set.OutpatientCourses, statistics,
            documents.OrderBy(d => d.FileOrder).Select(d => new AnalysedFile(d.FileOrder, d.FileName, d.Pages.Count)).ToList(),
            reviews);
    }
}
