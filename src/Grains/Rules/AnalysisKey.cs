using System.Text;
using VNexsus.Storage;

namespace VNexsus.Rules;

/// <summary>
/// The key of a <see cref="IRuleGrain"/>: a hash of everything that decides the analysis: the rule-set version, each
/// document (order, name, content hash) and each contract (id, enrollment date, policy). Same inputs, same key, one analysis.
/// </summary>
public static class AnalysisKey
{
    /// <summary>Bump when the rules change what they produce, so old cached analyses are not reused.</summary>
    public const string RuleSetVersion = RuleEngine.Version;

    public static string Of(AnalysisRequest request)
    {
        var canonical = new StringBuilder(RuleSetVersion).Append('\n');
        foreach (var document in request.Documents.OrderBy(d => d.FileOrder))
        {
            canonical.Append(document.FileOrder).Append('\t').Append(document.Sha256).Append('\t').Append(document.FileName).Append('\n');
        }

        foreach (var contract in request.Contracts)
        {
            canonical.Append("contract=").Append(contract.ContractId)
                .Append("\tjoinDate=").Append(contract.JoinDate?.ToString("yyyy-MM-dd") ?? "none")
                .Append("\tpolicy=").Append(string.IsNullOrWhiteSpace(contract.PolicyId) ? "default" : contract.PolicyId.Trim()).Append('\n');
        }

        return ContentHash.Of(canonical.ToString());
    }
}
