using VNexsus.Ocr;

namespace VNexsus.Rules.Events;

/// <summary>One document as the rules read it: upload order, original name and the extracted pages of blocks.</summary>
public sealed record RuleDocument(int FileOrder, string FileName, IReadOnlyList<ExtractedPage> Pages);

/// <summary>Case inputs: the contracts (the user's enrollment dates, never read from documents, and window policies) and today for year checks.</summary>
public sealed record RuleOptions(IReadOnlyList<ContractInput> Contracts, DateOnly Today)
{
    /// <summary>One contract.</summary>
    public RuleOptions(DateOnly? joinDate, string? policyId, DateOnly today)
        : this([new ContractInput(ContractInput.FirstId, joinDate, policyId)], today)
    {
    }
}
