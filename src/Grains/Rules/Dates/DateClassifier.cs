using System.Text.RegularExpressions;

namespace VNexsus.Rules.Dates;

/// <summary>A classified date: its type, whether it is kept as an event date, and the reason when it is not.</summary>
public sealed record DateClass(DateType Type, string? ExcludedReason, string? Label, bool ClinicalAnchor);

/// <summary>
/// Classifies one date in its block (domain.md §6.5) and applies the fake-date filters of §6.6 that need only the
/// block: birth dates, issue/print/written-on dates, contract dates, bookings, report (reading) dates, history
/// mentions, metadata without a clinical label. A label written directly before the date is the strongest signal;
/// the context of a date never reaches past a neighbouring date of the same block.
/// </summary>
public sealed partial class DateClassifier
{
    private readonly DateKeywords _k;
    private readonly (string Keyword, string Kind, string Needle)[] _labels;
    private readonly (string Keyword, string Kind, string Needle)[] _trailingLabels;

    public DateClassifier(DateKeywords keywords)
    {
        _k = keywords;
        // A label is looked for without spaces between its syllables, as the text is (다음 내원 in 다음내원).
        _labels = Needles(keywords.Labels).OrderByDescending(l => l.Needle.Length).ToArray();
        _trailingLabels = Needles(keywords.TrailingLabels).ToArray();
    }

    private static IEnumerable<(string Keyword, string Kind, string Needle)> Needles(IReadOnlyDictionary<string, IReadOnlyList<string>> labels) =>
        labels.SelectMany(pair => pair.Value.Select(word => (Keyword: word, Kind: pair.Key, Needle: LabelForm(word))));

    /// <param name="text">The block text.</param>
    /// <param name="start">Start of the date in the block.</param>
    /// <param name="end">End of the date (and its range or time).</param>
    /// <param name="previousEnd">End of the previous date of the block (0 if none).</param>
    /// <param name="nextStart">Start of the next date of the block (text length if none).</param>
    /// <param name="inHistorySection">The block sits under a past-history heading.</param>
    /// <param name="labelAbove">The date's label on the line above (<see cref="LabelsOfLine"/>), taken when nothing stands before the date on its own line.</param>
    public DateClass Classify(string text, int start, int end, int previousEnd, int nextStart, bool inHistorySection, (string Keyword, string Kind)? labelAbove = null)
    {
        var before = text[Math.Max(previousEnd, start - _k.ContextChars)..start];
        var after = text[end..Math.Min(nextStart, end + _k.ContextChars)];
        var window = text[Math.Max(previousEnd, start - _k.LabelChars - MaxRemark)..start];
        var near = LabelWindow(window);
        var local = before + " " + after;
        // A label in brackets is a label, not a remark after one ((입원 일자) 2023.09.20: holdout11 golden set).
        var label = ClosestLabel(near) ?? ClosestLabel(window)
            ?? (text[previousEnd..start].Any(char.IsLetterOrDigit) ? null : labelAbove);
        var labelKind = label?.Kind;
        // A diagnosis code after the date anchors it as a label or a clinical word does (21.06.21 │ E139 기타 명시된 당뇨병).
        var anchor = ContainsAny(local, _k.ClinicalAnchors) || (labelKind is not null && IsClinicalLabel(labelKind)) || CodeShaped().IsMatch(after);

        // 1. A birth keyword right before or after the date, or an unlabelled date on the patient's identity line with
        // nothing clinical after it (its birth keyword unreadable on a scan: 성명 윤예시 (F) 즐샹 1962-06-15).
        if (ContainsAny(near, _k.Birth) || ContainsAny(after[..Math.Min(after.Length, 14)], _k.Birth) || BornOn(after)
            || (label is null && ContainsAny(text, _k.PatientFields) && FirstTypeKeyword(after) is null && !ContainsAny(after, _k.ClinicalAnchors)))
        {
            return new DateClass(DateType.Irrelevant, "birth_date", label?.Keyword, anchor);
        }

        if (label is { } l)
        {
            switch (l.Kind)
            {
                case "admin":
                    return new DateClass(DateType.Admin, "issue_or_print_date", l.Keyword, anchor);
                case "reception" when !VisitFollows(after):
                    return new DateClass(DateType.Admin, "issue_or_print_date", l.Keyword, anchor);
                case "contract":
                    return new DateClass(DateType.Admin, "contract_date", l.Keyword, anchor);
                case "plan":
                    return new DateClass(DateType.Plan, "booking_date", l.Keyword, anchor);
                case "report":
                    return new DateClass(DateType.Result, "report_date", l.Keyword, anchor);
                case "history":
                    return new DateClass(DateType.History, "past_history", l.Keyword, anchor);
                case "onset":
                    return new DateClass(DateType.History, "onset_date", l.Keyword, anchor);
            }
        }

        if (label is null && TrailingLabel(after) is { } trailing)
        {
            return trailing.Kind switch
            {
                "admin" => new DateClass(DateType.Admin, "issue_or_print_date", trailing.Keyword, anchor),
                "plan" => new DateClass(DateType.Plan, "booking_date", trailing.Keyword, anchor),
                _ => new DateClass(DateType.Result, "report_date", trailing.Keyword, anchor),
            };
        }

        if (label is null && previousEnd == 0 && HeadedByBooking(text[..start]))
        {
            return new DateClass(DateType.Plan, "booking_date", null, anchor);
        }

        if (inHistorySection || ContainsAny(before, _k.HistorySectionHeaders) || HistoryNarration(after))
        {
            return new DateClass(DateType.History, "past_history", label?.Keyword, anchor);
        }

        if (label is { } clinical)
        {
            return new DateClass(TypeOfLabel(clinical.Kind, after), null, clinical.Keyword, true);
        }

        // 2. Birth keyword anywhere near and no clinical anchor.
        if (ContainsAny(local, _k.Birth) && !anchor)
        {
            return new DateClass(DateType.Irrelevant, "birth_date", null, anchor);
        }

        // Strong and weak metadata without a clinical label.
        if (ContainsAny(before, _k.StrongMetadata))
        {
            return new DateClass(DateType.Admin, "strong_metadata", null, anchor);
        }

        // 3. The first type keyword: the text right after the date first (up to the next date's own label: 입원 D1 퇴원일 D2,
        // the 퇴원 is D2's), then before it.
        if ((FirstTypeKeyword(end + after.Length == nextStart ? WithoutNextLabel(after, EndsInTypeWord(near)) : after) ?? FirstTypeKeyword(before)) is { } typed)
        {
            if (typed == DateType.Result)
            {
                // A result explained at a visit is a visit; a bare report date is paired with its exam.
                return anchor && ContainsAny(local, ExplainedAtVisit)
                    ? new DateClass(DateType.Result, null, null, true)
                    : new DateClass(DateType.Result, "report_date", null, anchor);
            }

            return new DateClass(typed, null, null, true);
        }

        // 4–5. Plan and admin keywords without a clinical anchor.
        if (ContainsAny(local, _k.PlanKeywords) && !anchor)
        {
            return new DateClass(DateType.Plan, "booking_date", null, anchor);
        }

        if (ContainsAny(local, _k.AdminKeywords) && !anchor)
        {
            return new DateClass(DateType.Admin, "admin_without_anchor", null, anchor);
        }

        if (ContainsAny(local, _k.WeakMetadata) && !anchor)
        {
            return new DateClass(DateType.Admin, "weak_metadata", null, anchor);
        }

        if (anchor)
        {
            return new DateClass(DateType.Visit, null, null, true);
        }

        // 7. Block-level plan or admin words decide; otherwise a visit that still needs a clinical anchor in its window.
        if (ContainsAny(text, _k.PlanKeywords))
        {
            return new DateClass(DateType.Plan, "booking_date", null, false);
        }

        if (ContainsAny(text, _k.AdminKeywords))
        {
            return new DateClass(DateType.Admin, "admin_without_anchor", null, false);
        }

        return new DateClass(DateType.Visit, null, null, false);
    }

    /// <summary>
    /// The labels of a line that ends in one, written above the dates they name, in order: each label stands before the
    /// next (or the line's end) with only separators and a remark in brackets between (<c>(입원 일자) (퇴원 일자)</c> above
    /// <c>2023 년 9 월 20 일  2023 년 9 월 20 일</c>, <c>※ 증명서 작성 일자 (원무과 확인)</c> above its date: holdout11 golden set).
    /// </summary>
    public IReadOnlyList<(string Keyword, string Kind)> LabelsOfLine(string line)
    {
        var labels = new List<(string Keyword, string Kind)>();
        var rest = LabelForm(line);
        while ((LabelEnding(rest) ?? LabelEnding(LabelRemark().Replace(rest, ""))) is { } found)
        {
            labels.Add((found.Keyword, found.Kind));
            rest = rest[..found.Start];
        }

        labels.Reverse();
        return labels;
    }

    /// <summary>
    /// The label ending closest before the date within the label distance (<c>검사일:</c>), with only separators between. Records space a label's words apart
    /// (<c>입원 일자</c>) and write a day label as 일자 or 일시 (<c>출력일자</c> for 출력일): spaces between Hangul are
    /// not counted, and a label ending in 일 may go on with 자 or 시.
    /// </summary>
    private (string Keyword, string Kind)? ClosestLabel(string text) => LabelEnding(LabelForm(text)) is { } found ? (found.Keyword, found.Kind) : null;

    /// <summary>The label of <see cref="ClosestLabel"/> in a text already in <see cref="LabelForm"/>, with where it starts.</summary>
    private (string Keyword, string Kind, int Start)? LabelEnding(string near)
    {
        (string Keyword, string Kind, int Start)? best = null;
        var bestEnd = -1;
        foreach (var (keyword, kind, needle) in _labels)
        {
            var index = near.LastIndexOf(needle, StringComparison.Ordinal);
            if (index < 0)
            {
                continue;
            }

            var labelEnd = index + needle.Length;
            if (needle.EndsWith('일') && labelEnd < near.Length && near[labelEnd] is '자' or '시')
            {
                labelEnd++;
            }

            // Only separators (colons, spaces, brackets, arrows and other marks: 증명 일자 ▷ 2022.04.02) may sit between a
            // label and its date, after the particle prose puts there (다음 진료는 2021.08.23); a scan may read the mark as
            // a letter or digit standing alone (회보일 ┆ 2022.05.30 read 회보일 3 2022.05.30: holdout7 golden set).
            var between = near[labelEnd..];
            if (between is [var particle, ..] && Particles.Contains(particle) && (between.Length == 1 || !char.IsLetterOrDigit(between[1])))
            {
                between = between[1..];
            }

            if (between.Any(char.IsLetterOrDigit) && !MisreadMark().IsMatch(between))
            {
                continue;
            }

            if (labelEnd > bestEnd)
            {
                best = (keyword, kind, index);
                bestEnd = labelEnd;
            }
        }

        // A period's labels joined as its dates are (입원일~퇴원일 ： A ~ B: holdout12 golden set): the admission's.
        if (best is { Kind: "discharge" } discharge && StayLabels().Match(near[..discharge.Start]) is { Success: true } joined
            && LabelEnding(joined.Groups["admission"].Value) is { Kind: "admission" } admission)
        {
            return admission;
        }

        return best;
    }

    [GeneratedRegex(@"(?<admission>.*\S)\s*[~∼〜～\-–]\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex StayLabels();

    /// <summary>
    /// Text as labels are looked for in it: no space between syllables (다음 내원 in 다음내원), nor a middle dot, which forms
    /// print as · or ㆍ and scans give as a colon (입·퇴원 기간, 입:퇴원 기간).
    /// </summary>
    private static string LabelForm(string text) => MiddleDotBetweenSyllables().Replace(KoreanText.WithoutSpacesBetweenSyllables(text), "");

    [GeneratedRegex(@"(?<=[\uAC00-\uD7A3])[·ㆍ・:](?=[\uAC00-\uD7A3])", RegexOptions.CultureInvariant)]
    private static partial Regex MiddleDotBetweenSyllables();

    /// <summary>A KCD-shaped token: a capital, two digits, and a dot and digits or digits (E139, I10, K29.7).</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Z][0-9]{2}(?:\.?[0-9]{1,2})?(?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex CodeShaped();

    /// <summary>How far after a date, its weekday, time and marks, a trailing label may start (병리 최종 보고: one word before it).</summary>
    private const int TrailingReach = 10;

    /// <summary>
    /// A label written after the date it names (<see cref="DateKeywords.TrailingLabels"/>): <c>2021.7.19(월) 전자서명</c>,
    /// <c>2021.12.3(금) 14:40 ➤ 다음 외래 예약</c>, <c>2021.3.21(일) 병리 최종 보고</c> (holdout10 golden set).
    /// </summary>
    private (string Keyword, string Kind)? TrailingLabel(string after)
    {
        var rest = LabelForm(after[DateTail().Match(after).Length..]);
        foreach (var (keyword, kind, needle) in _trailingLabels)
        {
            var at = rest.IndexOf(needle, StringComparison.Ordinal);
            if (at >= 0 && at < TrailingReach)
            {
                return (keyword, kind);
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the line before a date opens with a booking label, which the booked visit's purpose follows before the date
    /// (<c>※ 다음 진료 예약 - 채혈 후 결과 확인 - 2024 년 3 월 8 일</c>: holdout11 golden set).
    /// </summary>
    private bool HeadedByBooking(string lineBefore)
    {
        var form = LabelForm(lineBefore);
        var head = form[form.TakeWhile(c => !char.IsLetterOrDigit(c)).Count()..];
        return _labels.Any(l => l.Kind == "plan" && head.StartsWith(l.Needle, StringComparison.Ordinal));
    }

    /// <summary>What may follow a date before its trailing label: a weekday in brackets, a time, marks and spaces.</summary>
    [GeneratedRegex(@"^(?:" + KoreanText.WeekdayInBrackets + @"|\d{1,2}:\d{2}(?::\d{2})?|오전|오후|AM|PM|\s|[^\p{L}\p{N}])*", RegexOptions.CultureInvariant)]
    private static partial Regex DateTail();

    /// <summary>The longest remark in brackets a label may carry before its date.</summary>
    private const int MaxRemark = 22;

    /// <summary>
    /// The last <see cref="DateKeywords.LabelChars"/> characters before a date, where its label is looked for, without a
    /// remark in brackets between the label and the date (Report date(병리과 서명)：2021.3.7.: holdout8 golden set).
    /// </summary>
    private string LabelWindow(string before)
    {
        var withoutRemark = LabelRemark().Replace(before, "");
        return withoutRemark[Math.Max(0, withoutRemark.Length - _k.LabelChars)..];
    }

    [GeneratedRegex(@"[(（][^()（）]{1,20}[)）](?=[^\p{L}\p{N}]*$)", RegexOptions.CultureInvariant)]
    private static partial Regex LabelRemark();

    /// <summary>One word of one or two characters, no Hangul, spaced off on both sides: a separator mark as OCR reads it.</summary>
    [GeneratedRegex(@"^\s+[^\s\uAC00-\uD7A3]{1,2}\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex MisreadMark();

    /// <summary>
    /// The text after a date without the label it ends in, which is the next date's: a label, or, where the date's own
    /// type word stands before it (<paramref name="typeWordsLead"/>), a type word standing as the next date's label, a
    /// remark in brackets after it (입원(入院) » 2022. 08. 14 ¶ 퇴원(退院) » 2022. 08. 14: the 퇴원 is the second date's; holdout9
    /// golden set). Where type words follow their dates (2024.03.01 흉부 CT 2024.03.05 복부 초음파) the word is the first date's.
    /// </summary>
    private string WithoutNextLabel(string after, bool typeWordsLead)
    {
        if (ClosestLabel(after) is { } label)
        {
            var at = after.LastIndexOf(label.Keyword.Split(' ')[0], StringComparison.Ordinal);
            return at >= 0 ? after[..at] : after;
        }

        if (!typeWordsLead)
        {
            return after;
        }

        var withoutRemark = LabelRemark().Replace(after, "");
        return TypeWordEnding(withoutRemark) is { } word ? withoutRemark[..word.Index] : after;
    }

    /// <summary>Whether a text ends in a type word, marks and a remark in brackets after it (입원(入院) »).</summary>
    private bool EndsInTypeWord(string text) => TypeWordEnding(LabelRemark().Replace(text, "")) is not null;

    private Match? TypeWordEnding(string text) =>
        LastWordOfLine().Match(text) is { Success: true } last && _k.TypeKeywords.Values.Any(words => words.Contains(last.Groups["word"].Value)) ? last : null;

    /// <summary>The last word of a text and the marks after it, on one line.</summary>
    [GeneratedRegex(@"(?<=^|[^\p{L}\p{N}])(?<word>\p{L}+)[^\p{L}\p{N}\n]*$", RegexOptions.CultureInvariant)]
    private static partial Regex LastWordOfLine();

    /// <summary>A date written as a birthday: 생 straight after it (1987.03.10생), not a word (생검).</summary>
    private static bool BornOn(string after) => after.StartsWith('생') && (after.Length == 1 || !KoreanText.IsSyllable(after[1]));

    /// <summary>The particles prose puts after a label (topic, subject, location).</summary>
    private const string Particles = "은는이가에";

    private static bool IsClinicalLabel(string kind) =>
        kind is "visit" or "exam" or "pathology" or "surgery" or "admission" or "discharge" or "medication" or "reception";

    private static readonly string[] VisitWords = ["외래", "입원", "응급", "진료", "초진", "재진"];

    /// <summary>
    /// A reception date (접수일) is the day a patient was registered for a visit (<c>접수일 2019.05.31 ─ 외래</c>) or the day
    /// a document was applied for: it is the visit's when the next word after it names a visit, and is no other date's
    /// label (<c>접수일 2024.10.02 진료일자 2024.03.07</c>).
    /// </summary>
    private static bool VisitFollows(string after)
    {
        var word = new string(after.SkipWhile(c => !IsWordLetter(c)).TakeWhile(IsWordLetter).ToArray());
        return VisitWords.Any(w => word.StartsWith(w, StringComparison.Ordinal)) && !word.EndsWith('일') && !word.EndsWith("일자", StringComparison.Ordinal) && !word.EndsWith("일시", StringComparison.Ordinal);
    }

    /// <summary>A letter of a word: a lone jamo (ㅡ, ㅜ, ㆍ) is a scan's reading of a dash or a dot, or a form's middle dot.</summary>
    private static bool IsWordLetter(char c) => char.IsLetter(c) && c is not (>= '\u3131' and <= '\u318E');

    private DateType TypeOfLabel(string kind, string after) => kind switch
    {
        "exam" => FirstTypeKeyword(after) is DateType.Pathology ? DateType.Pathology : DateType.Exam,
        "pathology" => DateType.Pathology,
        "surgery" => DateType.Surgery,
        "admission" => DateType.Admission,
        "discharge" => DateType.Discharge,
        _ => FirstTypeKeyword(after) is { } typed and not DateType.Result ? typed : DateType.Visit,
    };

    private DateType? FirstTypeKeyword(string context)
    {
        foreach (var (name, type) in TypeOrder)
        {
            if (_k.TypeKeywords.TryGetValue(name, out var words) && ContainsPerformed(context, words))
            {
                return type;
            }
        }

        return null;
    }

    private static readonly string[] ExplainedAtVisit = ["설명", "내원", "외래", "진료"];
    private static readonly string[] Approximately = ["경 ", "경에", "경부터", "년경"];

    private bool HistoryNarration(string after) =>
        after.Length > 0 && ContainsAny(after[..Math.Min(after.Length, 12)], Approximately) && ContainsAny(after, _k.HistoryPhrases);

    private static readonly (string Name, DateType Type)[] TypeOrder =
    [
        ("pathology", DateType.Pathology),
        ("surgery", DateType.Surgery),
        ("admission", DateType.Admission),
        ("discharge", DateType.Discharge),
        ("result", DateType.Result),
        ("exam", DateType.Exam),
    ];

    /// <summary>Words that turn a type keyword into a plan or a recommendation (수술 권유, 정밀검사 필요).</summary>
    private static readonly string[] NotPerformed = ["예정", "권유", "계획", "상담", "필요", "여부", "권고", "예약"];

    /// <summary>A keyword used as a field label whose value is a prescription (처치：동일 처방 유지): a visit's field, no act.</summary>
    [GeneratedRegex(@"^\s*[:：]\s*(?:동일\s*)?(?:처방|투약|복약)")]
    private static partial Regex PrescriptionField();

    /// <summary>A type keyword that is not followed closely by plan or recommendation wording, nor labelling a prescription.</summary>
    internal static bool ContainsPerformed(string text, IReadOnlyList<string> words)
    {
        if (!ContainsAny(text, words))
        {
            return false;
        }

        foreach (var word in words)
        {
            var index = text.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            while (index >= 0)
            {
                var tail = text.AsSpan(index + word.Length, Math.Min(8, text.Length - index - word.Length));
                var planned = PrescriptionField().IsMatch(tail);
                foreach (var p in NotPerformed)
                {
                    if (tail.Contains(p, StringComparison.Ordinal))
                    {
                        planned = true;
                        break;
                    }
                }

                if (!planned)
                {
                    return true;
                }

                index = text.IndexOf(word, index + word.Length, StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<string>, System.Buffers.SearchValues<string>> Compiled = [];

    /// <summary>Whether any of the words occurs (ordinal, ignoring ASCII case); word lists are compiled once into a multi-string search.</summary>
    internal static bool ContainsAny(string text, IReadOnlyList<string> words)
    {
        if (words.Count == 0 || text.Length == 0)
        {
            return false;
        }

        var values = Compiled.GetValue(words, static w => System.Buffers.SearchValues.Create(w.Where(x => x.Length > 0).Distinct().ToArray(), StringComparison.OrdinalIgnoreCase));
        return text.AsSpan().ContainsAny(values);
    }
}
