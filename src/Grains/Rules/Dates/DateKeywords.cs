namespace VNexsus.Rules.Dates;

/// <summary>The keyword lists of domain.md §6.5–6.6, read from <c>date-keywords.json</c>.</summary>
public sealed record DateKeywords(
    int ContextChars,
    int LabelChars,
    IReadOnlyList<string> Birth,
    IReadOnlyList<string> PatientFields,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Labels,
    IReadOnlyList<string> PerformedLabels,
    IReadOnlyDictionary<string, IReadOnlyList<string>> TrailingLabels,
    IReadOnlyDictionary<string, IReadOnlyList<string>> TypeKeywords,
    IReadOnlyList<string> PlanKeywords,
    IReadOnlyList<string> AdminKeywords,
    IReadOnlyList<string> ClinicalAnchors,
    IReadOnlyList<string> StrongMetadata,
    IReadOnlyList<string> WeakMetadata,
    IReadOnlyList<string> HistorySectionHeaders,
    IReadOnlyList<string> HistoryPhrases,
    IReadOnlyList<string> SectionHeaders);
