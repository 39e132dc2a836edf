using System.Globalization;
using System.Text.Json;
using VNexsus.Rules;

namespace VNexsus.Api.Reports;

/// <summary>What is wrong with the review inputs: the field to name and a message for the user.</summary>
public sealed record ContractProblem(string Field, string Message);

/// <summary>
/// The contracts of a case, from the upload form or the report query (domain.md §3.2, §4.4): either one contract from
/// <c>insuranceJoinDate</c> and <c>policy</c> (the v1 fields), or several from <c>contracts</c>, a JSON array of
/// <c>{"contractId"?, "insuranceJoinDate"?, "policy"?}</c>, each reviewed against its own date and policy. Ids default to
/// the position ("1", "2", …) and must be unique; a missing date puts that contract in the limited review.
/// </summary>
public static class ContractsInput
{
    public const string Field = "contracts";
    public const int MaxContracts = 10;
    private const int MaxIdLength = 40;

    /// <summary>
    /// The contracts given, null when none of the three fields was sent, or the first problem found. With only one of
    /// the v1 fields, the other comes from <paramref name="fallback"/> (the report query: the job's first contract).
    /// </summary>
    public static (IReadOnlyList<ContractInput>? Contracts, ContractProblem? Problem) Parse(
        string? insuranceJoinDate, string? policy, string? contracts, ContractInput? fallback = null)
    {
        var single = insuranceJoinDate is { Length: > 0 } || policy is { Length: > 0 };
        if (contracts is not { Length: > 0 })
        {
            if (!single)
            {
                return (null, null);
            }

            var (contract, problem) = Contract(ContractInput.FirstId, insuranceJoinDate, policy, "insuranceJoinDate", "policy");
            if (problem is not null)
            {
                return (null, problem);
            }

            return ([contract! with
            {
                JoinDate = insuranceJoinDate is { Length: > 0 } ? contract.JoinDate : fallback?.JoinDate,
                PolicyId = policy is { Length: > 0 } ? contract.PolicyId : fallback?.PolicyId,
            }], null);
        }

        if (single)
        {
            return (null, new ContractProblem(Field, "contracts와 insuranceJoinDate/policy는 함께 보낼 수 없습니다. 계약이 여러 개이면 contracts에 모두 적으십시오."));
        }

        List<ContractEntry>? entries;
        try
        {
            entries = JsonSerializer.Deserialize<List<ContractEntry>>(contracts, Json);
        }
        catch (JsonException)
        {
            entries = null;
        }

        if (entries is null || entries.Count is 0 or > MaxContracts || entries.Any(e => e is null))
        {
            return (null, new ContractProblem(Field, $"contracts는 1~{MaxContracts}개의 계약 객체 배열이어야 합니다: [{{\"contractId\":\"A\",\"insuranceJoinDate\":\"2024-06-01\",\"policy\":\"3.1.5\"}}]"));
        }

        var parsed = new List<ContractInput>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var id = entries[i].ContractId?.Trim() is { Length: > 0 } given ? given : (i + 1).ToString(CultureInfo.InvariantCulture);
            if (id.Length > MaxIdLength || id.Any(char.IsControl))
            {
                return (null, new ContractProblem(Field, $"{i + 1}번째 계약의 contractId는 제어 문자 없이 {MaxIdLength}자 이하여야 합니다."));
            }

            var (contract, problem) = Contract(id, entries[i].InsuranceJoinDate, entries[i].Policy, Field, Field);
            if (problem is not null)
            {
                return (null, problem with { Message = $"{i + 1}번째 계약: {problem.Message}" });
            }

            parsed.Add(contract!);
        }

        if (parsed.GroupBy(c => c.ContractId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            return (null, new ContractProblem(Field, $"contractId가 중복되었습니다: {duplicate.Key}"));
        }

        return (parsed, null);
    }

    private static (ContractInput? Contract, ContractProblem? Problem) Contract(string id, string? joinDate, string? policy, string dateField, string policyField)
    {
        DateOnly? date = null;
        if (joinDate?.Trim() is { Length: > 0 } dateText)
        {
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return (null, new ContractProblem(dateField, "보험가입일은 yyyy-MM-dd 형식이어야 합니다."));
            }

            date = parsed;
        }

        var policyId = policy?.Trim() is { Length: > 0 } p ? p : null;
        if (policyId is not null && !Policies.Exists(policyId))
        {
            return (null, new ContractProblem(policyField, $"알 수 없는 고지 기간 정책입니다: {policyId}"));
        }

        return (new ContractInput(id, date, policyId), null);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record ContractEntry(string? ContractId, string? InsuranceJoinDate, string? Policy);
}
