using System.Globalization;
using System.Text.RegularExpressions;
using VNexsus.Rules.Codes;
using VNexsus.Rules.Dates;
using VNexsus.Rules.Hospitals;

namespace VNexsus.Rules.Events;

/// <summary>Which event-type signals a piece of text carries (domain.md §7.1, §7.3).</summary>
[Flags]
public enum Signals
{
    None = 0,
    Surgery = 1,
    Procedure = 2,
    Admission = 4,
    Discharge = 8,
    Emergency = 16,
    Pathology = 32,
    Exam = 64,
    Medication = 128,
    Outpatient = 256,
    Retest = 512,
    Exclusion = 1024,
}

/// <summary>The entities of one piece of text (a block or the part of a block that belongs to one date).</summary>
public sealed class Entities
{
    public static readonly Entities Empty = new();

    public List<Diagnosis> Diagnoses { get; } = [];

    public List<string> Exams { get; } = [];

    public List<string> ExamResults { get; } = [];

    public List<string> Treatments { get; } = [];

    public List<string> Medications { get; } = [];

    public List<string> Departments { get; } = [];

    public List<string> Keywords { get; } = [];

    public int? MedicationDays { get; set; }

    public string? Opinion { get; set; }

    public string? Reason { get; set; }

    public bool HasCodeProblem { get; set; }

    public Signals Signals { get; set; }

    public bool IsClinical => Diagnoses.Count > 0 || Exams.Count > 0 || Treatments.Count > 0 || Departments.Count > 0
        || (Signals & ~(Signals.Retest | Signals.Exclusion)) != Signals.None;
}

/// <summary>Extracts entity candidates from text with the configured seed vocabularies; codes only as printed (§3.3).</summary>
public sealed partial class EntityExtractor(EntityKeywords k, KcdTable kcd, HospitalNormaliser hospitals)
{
    private readonly string[] _examsLongestFirst = k.Exams.OrderByDescending(e => e.Length).ToArray();
    private readonly string[] _opinionCuesLongestFirst = k.OpinionCues.OrderByDescending(c => c.Length).ToArray();
    private readonly string[] _reasonCuesLongestFirst = k.ReasonCues.OrderByDescending(c => c.Length).ToArray();
    private readonly string[] _treatmentsLongestFirst = k.Treatments.Concat(k.SurgeryWords).Where(w => w is not ("수술명" or "마취")).Distinct().OrderByDescending(e => e.Length).ToArray();
    private readonly string[] _departmentsLongestFirst = k.Departments.OrderByDescending(e => e.Length).ToArray();
    private readonly string[] _emergencyWords = k.EmergencyWords.Where(w => w != "ER").ToArray();
    private readonly string[] _nameCues = k.DiagnosisCues.Where(c => c is not ("의증" or "확정")).OrderByDescending(c => c.Length).ToArray();

    public EntityKeywords Keywords => k;

    public IReadOnlyList<HospitalMention> Hospitals(string text) => hospitals.Find(text, k.ReferralWords);

    public Entities Extract(string text)
    {
        var e = new Entities();
        if (text.Length == 0)
        {
            return e;
        }

        // A cue's syllables may be spaced apart (병 명 ▶ h8 11 in spaced-out print: holdout8 golden set).
        var diagnosisLine = DateClassifier.ContainsAny(KoreanText.WithoutSpacesBetweenSyllables(text), k.DiagnosisCues);
        var digits = text.AsSpan().IndexOfAnyInRange('0', '9') >= 0;
        e.Signals = SignalsOf(text, digits);
        if (digits)
        {
            ExtractDiagnoses(text, diagnosisLine, e);
        }
        else if (diagnosisLine)
        {
            foreach (var name in NamesAfterCue(text))
            {
                e.Diagnoses.Add(new Diagnosis(name, null, null, IsPrimary: false, DateClassifier.ContainsAny(text, k.SuspectedCues)));
            }
        }

        ExtractTerms(text, _examsLongestFirst, e.Exams, generic: "검사");
        ExtractTerms(text, _treatmentsLongestFirst, e.Treatments, generic: "치료");
        ExtractDepartments(text, e.Departments);
        if (digits)
        {
            ExtractMedication(text, e);
            foreach (Match m in ExamResult().Matches(text))
            {
                e.ExamResults.Add(m.Value.Trim());
            }
        }

        e.Opinion = AfterCue(text, _opinionCuesLongestFirst);
        e.Reason = AfterCue(text, _reasonCuesLongestFirst);
        return e;
    }

    /// <summary>
    /// Type signals; a keyword followed by plan wording (수술 권유, 입원 예정) is not a signal, nor one inside a department's
    /// name (편한마취통증의학과의원 names no anaesthesia, 진단검사의학과 no exam: holdout12 golden set).
    /// </summary>
    public Signals SignalsOf(string text, bool digits = true)
    {
        text = WithoutDepartments(text);
        var s = Signals.None;
        if (DateClassifier.ContainsPerformed(text, k.SurgeryWords)) s |= Signals.Surgery;
        if (DateClassifier.ContainsPerformed(text, k.ProcedureWords)) s |= Signals.Procedure;
        if (DateClassifier.ContainsPerformed(text, k.AdmissionWords)) s |= Signals.Admission;
        if (DateClassifier.ContainsPerformed(text, k.DischargeWords)) s |= Signals.Discharge;
        if (EmergencyWord().IsMatch(text) || DateClassifier.ContainsAny(text, _emergencyWords)) s |= Signals.Emergency;
        if (DateClassifier.ContainsPerformed(text, k.PathologyWords)) s |= Signals.Pathology;
        if (DateClassifier.ContainsPerformed(text, k.Exams)) s |= Signals.Exam;
        if (DateClassifier.ContainsAny(text, k.MedicationWords) || (digits && DosageDays().IsMatch(text))) s |= Signals.Medication;
        if (DateClassifier.ContainsAny(text, k.OutpatientWords)) s |= Signals.Outpatient;
        if (DateClassifier.ContainsAny(text, k.Retest)) s |= Signals.Retest;
        if (DateClassifier.ContainsAny(text, k.ExclusionWords)) s |= Signals.Exclusion;
        return s;
    }

    private void ExtractDiagnoses(string text, bool diagnosisLine, Entities e)
    {
        var codes = kcd.Find(text, diagnosisLine, k.CodeExclusionBefore, k.CodeExclusionAfter);
        var suspected = DateClassifier.ContainsAny(text, k.SuspectedCues);
        var previousEnd = 0;
        for (var i = 0; i < codes.Count; i++)
        {
            var token = codes[i];
            var nextStart = i + 1 < codes.Count ? codes[i + 1].Start : text.Length;
            var name = NameBefore(text[previousEnd..token.Start]) ?? NameAfter(text[(token.Start + token.Length)..nextStart]);
            previousEnd = token.Start + token.Length;
            if (token.Code is null)
            {
                e.HasCodeProblem = true;
            }

            name ??= token.Code is { } c ? kcd.NameOf(c) : null;
            e.Diagnoses.Add(new Diagnosis(name, token.Code, token.Code is null ? token.Raw : null, IsPrimary: false, suspected));
        }

        if (codes.Count == 0 && diagnosisLine)
        {
            foreach (var name in NamesAfterCue(text))
            {
                e.Diagnoses.Add(new Diagnosis(name, null, null, IsPrimary: false, suspected));
            }
        }
    }

    /// <summary>A disease name written before its code: <c>진단명: 제2형 당뇨병 (E11.9)</c>.</summary>
    private string? NameBefore(string text)
    {
        var cut = text.TrimEnd(' ', '(', '[', '-', ':', '/', ',', '|', '\t');
        var colon = Math.Max(cut.LastIndexOf(':'), Math.Max(cut.LastIndexOf('|'), Math.Max(cut.LastIndexOf(','), cut.LastIndexOf(')'))));
        if (colon >= 0)
        {
            cut = cut[(colon + 1)..];
        }

        return CleanName(cut);
    }

    /// <summary>A disease name written after its code: <c>E11.9 제2형 당뇨병</c>.</summary>
    private string? NameAfter(string text)
    {
        var cut = text.TrimStart(' ', ')', ']', '-', ':', '|', '\t');
        var stop = cut.IndexOfAny([',', '|', '(', ';', '/']);
        if (stop >= 0)
        {
            cut = cut[..stop];
        }

        return CleanName(cut);
    }

    private IEnumerable<string> NamesAfterCue(string text)
    {
        var after = AfterCue(text, _nameCues);
        if (after is null)
        {
            yield break;
        }

        foreach (var part in after.Split([',', '/', '|', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (CleanName(part) is { } name)
            {
                yield return name;
            }
        }
    }

    private string? CleanName(string text)
    {
        var name = DateLike().Replace(text, " ");
        foreach (var cue in _nameCues)
        {
            name = name.Replace(cue, " ", StringComparison.OrdinalIgnoreCase);
        }

        name = Spaces().Replace(name.Replace("코드", " ", StringComparison.Ordinal), " ").Trim(' ', ':', '-', '(', ')', '[', ']', '.', '#', '*', '·');
        name = LeadingNumber().Replace(name, "");
        if (name.Length < 2 || name.Length > 40 || !name.Any(char.IsLetter) || name.Count(char.IsDigit) > name.Length / 2)
        {
            return null;
        }

        // Words of an event line are not disease names.
        if (DateClassifier.ContainsAny(name, VisitWords) && !DateClassifier.ContainsAny(name, DiseaseSyllables))
        {
            return null;
        }

        return name;
    }

    private static readonly string[] VisitWords = ["외래", "진료", "내원", "처방", "검사일", "입원일", "초진", "재진"];
    private static readonly string[] DiseaseSyllables = ["병", "증", "염", "암", "종"];

    private static void ExtractTerms(string text, string[] terms, List<string> into, string generic)
    {
        foreach (var term in terms)
        {
            var index = text.IndexOf(term, StringComparison.Ordinal);
            while (index >= 0)
            {
                var (start, end) = TokenSpan(text, index, index + term.Length);
                var phrase = text[start..end].Trim(' ', ':', ',', '.', '(', ')', '-', '/', '|');
                // A generic word alone (검사, 치료) is only a phrase with a qualifier before it (혈액 검사, 물리 치료).
                if (phrase == generic)
                {
                    var previous = PreviousToken(text, start);
                    phrase = previous is { Length: >= 2 and <= 8 } p && p.All(c => c is >= '가' and <= '힣') && !p.EndsWith('일') && !p.EndsWith('후')
                        ? $"{p} {generic}"
                        : "";
                }
                else if (PreviousToken(text, start) is { } qualifier && IsQualifier(qualifier))
                {
                    phrase = $"{qualifier} {phrase}";
                }

                phrase = TrailingPlan().Replace(phrase, "").Trim();
                if (phrase.Length >= 2 && !into.Any(x => x.Contains(phrase, StringComparison.Ordinal)))
                {
                    into.RemoveAll(x => phrase.Contains(x, StringComparison.Ordinal));
                    into.Add(phrase);
                }

                index = text.IndexOf(term, end, StringComparison.Ordinal);
            }
        }
    }

    private static bool IsQualifier(string token) =>
        token.Length is >= 2 and <= 6 && token.All(c => c is >= '가' and <= '힣' || char.IsAsciiLetter(c)) && !token.EndsWith('일')
        && token is not ("시행" or "검사" or "결과" or "및" or "후" or "외래" or "진료" or "재진" or "초진" or "내원" or "정밀" or "추가" or "예정" or "처방");

    private static (int Start, int End) TokenSpan(string text, int start, int end)
    {
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]) && text[start - 1] is not (':' or ',' or '(' or '|' or '/'))
        {
            start--;
        }

        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not (':' or ',' or ')' or '|' or '/'))
        {
            end++;
        }

        // Keep "with contrast"-style English tails.
        var tail = EnglishTail().Match(text, end);
        if (tail.Success && tail.Index == end)
        {
            end += tail.Length;
        }

        return (start, end);
    }

    private static string? PreviousToken(string text, int start)
    {
        var end = start;
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        var begin = end;
        while (begin > 0 && !char.IsWhiteSpace(text[begin - 1]) && text[begin - 1] is not (':' or ',' or '(' or ')' or '|'))
        {
            begin--;
        }

        return begin < end ? text[begin..end] : null;
    }

    private string WithoutDepartments(string text)
    {
        if (!DateClassifier.ContainsAny(text, k.Departments))
        {
            return text;
        }

        foreach (var department in _departmentsLongestFirst)
        {
            text = text.Replace(department, " ", StringComparison.Ordinal);
        }

        return text;
    }

    private void ExtractDepartments(string text, List<string> into)
    {
        foreach (var department in _departmentsLongestFirst)
        {
            var index = text.IndexOf(department, StringComparison.Ordinal);
            if (index < 0)
            {
                continue;
            }

            // Not part of a hospital name (한빛내과의원) nor of a longer department already found.
            var end = index + department.Length;
            if (end < text.Length && text[end..].StartsWith("의원", StringComparison.Ordinal))
            {
                continue;
            }

            if (index > 0 && text[index - 1] is >= '가' and <= '힣' && !text[..index].EndsWith("병원", StringComparison.Ordinal))
            {
                continue;
            }

            if (!into.Any(d => d.Contains(department, StringComparison.Ordinal)))
            {
                into.Add(department);
            }
        }
    }

    private static void ExtractMedication(string text, Entities e)
    {
        int? days = null;
        foreach (Match m in DosageDays().Matches(text))
        {
            var n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            if (n is > 0 and <= 365)
            {
                days = Math.Max(days ?? 0, n);
            }
        }

        e.MedicationDays = days;
        foreach (Match m in Drug().Matches(text))
        {
            var item = m.Value.Trim();
            if (!e.Medications.Contains(item))
            {
                e.Medications.Add(item);
            }
        }
    }

    /// <summary>The text after the first of <paramref name="cues"/> (longest first) that is followed by a colon.</summary>
    private static string? AfterCue(string text, string[] cues)
    {
        if (!DateClassifier.ContainsAny(text, cues))
        {
            return null;
        }

        foreach (var cue in cues)
        {
            var index = text.IndexOf(cue, StringComparison.OrdinalIgnoreCase);
            if (index < 0)
            {
                continue;
            }

            var rest = text[(index + cue.Length)..].TrimStart();
            if (!rest.StartsWith(':') && !rest.StartsWith('：'))
            {
                continue;
            }

            rest = rest[1..].Trim();
            return rest.Length > 0 ? rest : null;
        }

        return null;
    }

    // N일분, N일치, 투약일수 N, ×N일, 1일 N회 N일, 원외 N일, a spaced "/N일" ending a row (name /30일; never a date's
    // 3/30일) or after a list mark ending a row (date▶code name ◉30일: holdout8 golden set; not ● 3일 전부터, a list
    // item), N일간 after a prescription's word on its line (Rx. ... → 30일간; not 3일간 발열), and N일 투약 / N일 처방
    // (a prescription's days before the word that names it).
    [GeneratedRegex(@"(?:(?<n>\d{1,3})\s*일(?:분|치)|원외(?:처방)?\s*(?<n>\d{1,3})\s*일|(?<=\s)/\s*(?<n>\d{1,3})\s*일(?!\s*\d)|(?<=\s[◉●○◎•]\s?)(?<n>\d{1,3})\s*일(?=\s{2,}|$)|(?<=(?:Rx|처방|투약|복용).*?)(?<![\d.\-/])(?<n>\d{1,3})\s*일간|(?:투약|처방)일수\s*[:=]?\s*(?<n>\d{1,3})|[x×X*]\s*(?<n>\d{1,3})\s*일|1일\s*\d\s*회\s*(?<n>\d{1,3})\s*일|(?<![\d.\-/]|[년월]\s*)(?<n>\d{1,3})\s*일\s*(?:원외\s*)?(?:투약|처방))")]
    private static partial Regex DosageDays();

    [GeneratedRegex(@"[가-힣A-Za-z]{2,20}\s?\d+(?:\.\d+)?\s?(?:mg|mcg|g|㎎|ml|mL|정)(?![A-Za-z])")]
    private static partial Regex Drug();

    [GeneratedRegex(@"(?<![A-Za-z])ER(?![A-Za-z])")]
    private static partial Regex EmergencyWord();

    [GeneratedRegex(@"(?:HbA1c|혈당|혈압|LDL|AST|ALT|크레아티닌)\s*:?\s*\d+(?:\.\d+)?\s*(?:%|mg/dL|mmHg)?")]
    private static partial Regex ExamResult();

    [GeneratedRegex(@"(?:19|20)?\d{2}\s*[-./년]\s*\d{1,2}\s*[-./월]\s*\d{1,2}\s*일?\.?")]
    private static partial Regex DateLike();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^\d+[.)]\s*")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"(?:\s+(?:with|without|w/|w/o)\s+[A-Za-z]+)+")]
    private static partial Regex EnglishTail();

    [GeneratedRegex(@"\s*(?:예정|권유|계획|필요|시행|결과)$")]
    private static partial Regex TrailingPlan();
}
