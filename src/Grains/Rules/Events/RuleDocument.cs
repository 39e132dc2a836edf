using VNexsus.Ocr;

namespace VNexsus.Rules.Events;

/// <summary>One document as the rules read it: upload order, original name and the extracted pages of blocks.</summary>
public sealed record RuleDocument(int FileOrder, string FileName, IReadOnlyList<ExtractedPage> Pages);

/// <summary>Case inputs: the user's enrollment date (never read from documents), the window policy, and today for year checks.</summary>
public sealed record RuleOptions(DateOnly? JoinDate, string? PolicyId, DateOnly Today);
