using System.Text.RegularExpressions;

namespace VNexsus.Rules.Report;

/// <summary>
/// The wording check of domain.md §3.1: generated text must not state a disclosure violation, a payment, denial,
/// exemption or cancellation decision, or a diagnosis of the system's own. Verbatim quotes of documents are exempt
/// and are checked separately by the caller (they are displayed as quotes).
/// </summary>
public static partial class WordingGuard
{
    /// <summary>The forbidden phrases (with spacing variants) and internal verdict labels.</summary>
    public static readonly IReadOnlyList<string> Forbidden =
    [
        "고지의무 위반입니다", "고지의무 위반 있음", "고지의무 위반 없음", "고지의무 위반", "고지의무위반", "위반의심", "위반 의심",
        "고지의무위반 우려", "반드시 고지 대상", "고지 대상입니다", "지급 거절", "부지급", "지급 대상입니다", "면책입니다", "면책 대상",
        "감액 대상", "계약 해지 대상", "VIOLATION_RISK", "EXEMPTION",
    ];

    /// <summary>Forbidden phrases found in <paramref name="text"/>, including 해당 used as a label and "…로 진단됩니다".</summary>
    public static IReadOnlyList<string> Violations(string text)
    {
        var found = Forbidden.Where(p => text.Contains(p, StringComparison.Ordinal)).ToList();
        if (DiagnosisStatement().IsMatch(text))
        {
            found.Add("…로 진단됩니다");
        }

        if (LabelHaedang().IsMatch(text))
        {
            found.Add("해당 (label)");
        }

        if (RiskLevel().IsMatch(text))
        {
            found.Add("risk level verdict");
        }

        return found;
    }

    public static void EnsureClean(string text)
    {
        var violations = Violations(text);
        if (violations.Count > 0)
        {
            throw new ForbiddenWordingException(violations);
        }
    }

    [GeneratedRegex(@"(?:으로|로)\s*진단됩니다")]
    private static partial Regex DiagnosisStatement();

    // 해당 alone as a value or label: "고지: 해당", "[해당]", "\"해당\"".
    [GeneratedRegex(@"(?:[:：\[""']\s*해당\s*(?:[\]""',]|$))|(?:^\s*해당\s*$)", RegexOptions.Multiline)]
    private static partial Regex LabelHaedang();

    [GeneratedRegex(@"""?risk(?:Level)?""?\s*[:=]\s*""?(?:high|medium|low)", RegexOptions.IgnoreCase)]
    private static partial Regex RiskLevel();
}

public sealed class ForbiddenWordingException(IReadOnlyList<string> phrases)
    : Exception($"Generated text contains forbidden wording: {string.Join(", ", phrases)}")
{
    public IReadOnlyList<string> Phrases { get; } = phrases;
}
