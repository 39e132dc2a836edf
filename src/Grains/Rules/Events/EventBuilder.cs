using System.Text.RegularExpressions;
using VNexsus.Ocr;
using VNexsus.Rules.Dates;

namespace VNexsus.Rules.Events;

/// <summary>The events of a case with everything that was kept out of them.</summary>
public sealed record EventSet(
    IReadOnlyList<MedicalEvent> Events,
    IReadOnlyList<ExcludedItem> Excluded,
    IReadOnlyList<OutpatientCourse> OutpatientCourses,
    int DateCandidates,
    int Atoms,
    int Pages,
    int Blocks);

/// <summary>
/// Builds evidence-linked events from documents (domain.md §6–§7): date candidates typed and filtered, one atom per
/// kept date with the entities of its window, atoms merged by the rules of §7.6 (never across dates or files),
/// stays and discharges paired, inpatient days kept out of outpatient visits, quality flags, chronological ids.
/// Deterministic: the same documents and options give the same events.
/// </summary>
public sealed partial class EventBuilder(RuleData data)
{
    /// <summary>Undated blocks after a dated block that belong to it (the window's forward half).</summary>
    public const int BlocksAfter = 3;

    /// <summary>Undated blocks before a dated block that belong to it when no earlier date claims them.</summary>
    public const int BlocksBefore = 2;

    public const double ReviewAmbiguity = 0.55;

    public const int MaxQuoteWords = 25;

    private readonly DateClassifier _classifier = data.Classifier;
    private readonly EntityExtractor _extractor = data.Extractor;
    private readonly string[] _clinicalLabels = data.Dates.Labels.Where(l => l.Key is not ("history" or "onset")).SelectMany(l => l.Value).ToArray();

    /// <summary>The departments, longest first, that end clinics' names (<see cref="Hospitals.HospitalMisreadings.WithDepartmentSpelt"/>).</summary>
    private readonly string[] _departmentsLongestFirst = data.Entities.Departments.OrderByDescending(d => d.Length).ToArray();

    /// <summary>The past-history headings, longest first (<see cref="IsHistoryHeading"/>).</summary>
    private readonly string[] _historyHeadings = data.Dates.HistorySectionHeaders.OrderByDescending(h => h.Length).ToArray();

    public EventSet Build(IReadOnlyList<RuleDocument> documents, DateOnly today)
    {
        var files = documents.OrderBy(d => d.FileOrder).Select(document =>
        {
            var historyBlocks = new Dictionary<int, HashSet<int>>();
            var fileCandidates = FindCandidates(document, today, historyBlocks);
            FilterHeadersAndFooters(document, fileCandidates);
            return (Document: document, Candidates: fileCandidates, HistoryBlocks: historyBlocks);
        }).ToList();
        var candidates = files.SelectMany(f => f.Candidates).ToList();
        ExcludeRepeatedPrintStamps(candidates);
        var atoms = files.SelectMany(f => BuildAtoms(f.Document, f.Candidates, f.HistoryBlocks)).ToList();
        var pages = documents.Sum(d => d.Pages.Count);
        var blocks = documents.Sum(d => d.Pages.Sum(p => p.Blocks.Count));

        var events = Merge(atoms);
        PairStays(events);
        FoldInpatientDays(events, candidates);
        AttachReportDates(events, candidates);
        AttachHistory(events, candidates);
        var ordered = Finish(events);
        var excluded = candidates
            .Where(c => c.ExcludedReason is not null)
            .OrderBy(c => c.FileOrder).ThenBy(c => c.Page).ThenBy(c => c.Block.Index).ThenBy(c => c.IndexInBlock)
            .Select(c => new ExcludedItem(c.Date, c.Type, c.ExcludedReason!, Location(c.FileOrder, c.FileName, c.Page, c.Block)))
            .ToList();
        return new EventSet(ordered, excluded, Courses(ordered), candidates.Count, atoms.Count, pages, blocks);
    }

    public static string Quote(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= MaxQuoteWords ? string.Join(' ', words) : string.Join(' ', words.Take(MaxQuoteWords)) + " …";
    }

    private static Evidence Location(int fileOrder, string fileName, int page, TextBlock block) =>
        new(fileOrder, fileName, page, block.Index, Quote(block.Text));

    // ---- 1. Date candidates -------------------------------------------------------------------------------------

    private List<DateCandidate> FindCandidates(RuleDocument document, DateOnly today, Dictionary<int, HashSet<int>> historyBlocks)
    {
        var found = new List<DateCandidate>();
        int? inheritedYear = null;
        var history = 0;
        foreach (var page in document.Pages)
        {
            TextBlock? undatedBlockAbove = null;
            for (var b = 0; b < page.Blocks.Count; b++)
            {
                var block = page.Blocks[b];
                var text = block.Text;
                history = NextHistoryState(text, history);
                if (history > 0)
                {
                    (historyBlocks.TryGetValue(page.Page, out var set) ? set : historyBlocks[page.Page] = []).Add(block.Index);
                }

                var matches = DateFinder.Find(text, inheritedYear, today);
                if (matches.Count == 0)
                {
                    undatedBlockAbove = block;
                    continue;
                }

                // Labels written on the line above their dates, one for each date of the line ((입원 일자) (퇴원 일자)).
                var labelsAbove = undatedBlockAbove is { } above && above.Index == block.Index - 1 ? _classifier.LabelsOfLine(above.Text) : [];
                undatedBlockAbove = null;

                inheritedYear = matches.LastOrDefault(m => !m.Date.YearUnresolved)?.Date.Date.Year ?? inheritedYear;
                var zone = InHeaderOrFooter(page, block, b);
                for (var i = 0; i < matches.Count; i++)
                {
                    var m = matches[i];
                    var previousEnd = i > 0 ? matches[i - 1].Start + matches[i - 1].Length : 0;
                    var nextStart = i + 1 < matches.Count ? matches[i + 1].Start : text.Length;
                    var cls = _classifier.Classify(text, m.Start, m.Start + m.Length, previousEnd, nextStart, history > 0, labelsAbove.Count == matches.Count ? labelsAbove[i] : null);
                    var reason = cls.ExcludedReason;
                    var type = cls.Type;
                    if (reason is null && m.Date.Precision == DatePrecision.Month)
                    {
                        reason = "month_precision";
                    }
                    else if (reason is null && type is DateType.Plan or DateType.Admin or DateType.Irrelevant or DateType.History)
                    {
                        reason = type.ToString().ToLowerInvariant();
                    }

                    found.Add(new DateCandidate
                    {
                        FileOrder = document.FileOrder,
                        FileName = document.FileName,
                        Page = page.Page,
                        Block = block,
                        IndexInBlock = i,
                        SegmentStart = i == 0 ? 0 : m.Start,
                        SegmentEnd = nextStart,
                        Date = m.Date,
                        Type = type,
                        Label = cls.Label,
                        ExcludedReason = reason,
                        InHeaderZone = zone,
                    });
                }
            }
        }

        return found;
    }

    /// <summary>
    /// A past-history heading opens a section of a few blocks; a clinical heading closes it. A heading is compared
    /// without the marks around it (<c>■ 과거력</c>, <c>[과거력]</c>, <c>과거력:</c>), and so without the specks a scan
    /// adds to a short line (<c>. 과거력</c>, <c>과거력 : ;</c>).
    /// </summary>
    private int NextHistoryState(string text, int state)
    {
        var trimmed = WithoutMarksAround(text);
        if (IsHistoryHeading(trimmed) || (BracketedHeading().Match(text) is { Success: true } bracketed && IsHistoryHeading(bracketed.Groups["heading"].Value)))
        {
            return 6;
        }

        if (state == 0)
        {
            return 0;
        }

        foreach (var header in data.Dates.SectionHeaders)
        {
            if (trimmed.StartsWith(header, StringComparison.Ordinal))
            {
                return 0;
            }
        }

        return DateClassifier.ContainsAny(text, _clinicalLabels) ? 0 : state - 1;
    }

    /// <summary>
    /// A line of past-history headings and marks alone (<c>과거력 : ;</c>, <c>PHx ◆ 과거 수술력</c>): nothing but marks is
    /// left once its headings are taken out, longest first.
    /// </summary>
    private bool IsHistoryHeading(string line)
    {
        if (!DateClassifier.ContainsAny(line, _historyHeadings))
        {
            return false;
        }

        // A remark in brackets may follow the heading (과거 진료 사항 (본인 진술), its closing bracket trimmed as a mark).
        var withoutRemark = Remark().Replace(line, " ");
        var rest = WithoutHeadings(withoutRemark);
        return rest.Length < withoutRemark.Length && rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(word => IsMark(word) || YesAnswers.Contains(word));
    }

    /// <summary>
    /// The line with every heading taken out, overlapping ones too (과거 수술 경험 holds 과거 수술 and 수술 경험: taking
    /// one out first would leave half of the other).
    /// </summary>
    private string WithoutHeadings(string line)
    {
        var covered = new bool[line.Length];
        foreach (var header in _historyHeadings)
        {
            for (var at = line.IndexOf(header, StringComparison.OrdinalIgnoreCase); at >= 0; at = line.IndexOf(header, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                Array.Fill(covered, true, at, header.Length);
            }
        }

        return string.Concat(line.Where((_, i) => !covered[i]));
    }

    /// <summary>A form's answer after its heading (<c>◇ 과거 수술 경험 ：： 있음 (환자 기재)</c>: holdout13 golden set): what follows is the history.</summary>
    private static readonly string[] YesAnswers = ["있음", "유", "예", "有", "Yes", "yes"];

    /// <summary>
    /// A word of marks, or one character that is no syllable standing alone: a scan reads a mark as a letter or digit
    /// (▼ Past Hx read v Past Hx: holdout8 golden set; ¶ 과거력 조사 ◦ 수술 경험 read 1 과거력 조사 ㅇ 수술 경험: holdout9).
    /// ㆍ is a letter to Unicode but a middle dot to Korean forms (과거 수술ㆍ입원 이력).
    /// </summary>
    private static bool IsMark(string word) =>
        (word.Length == 1 && !KoreanText.IsSyllable(word[0])) || !word.Any(c => char.IsLetterOrDigit(c) && c != 'ㆍ');

    [GeneratedRegex(@"\([^()]*\)?\s*$")]
    private static partial Regex Remark();

    /// <summary>A heading in brackets with its remark after a middle dot or a dash inside them (<c>(과거 병력 · 본인 진술)</c>: holdout11 golden set; <c>〖과거 수술 · 입원〗</c>: holdout15).</summary>
    [GeneratedRegex(@"^\s*[(\[【〔〖]\s*(?<heading>[^()\[\]【】〔〕〖〗·ㆍ\-–]+?)\s*[·ㆍ\-–]\s*[^()\[\]【】〔〕〖〗]+[)\]】〕〗]\s*$")]
    private static partial Regex BracketedHeading();

    private static string WithoutMarksAround(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && !char.IsLetterOrDigit(text[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetterOrDigit(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    private static bool InHeaderOrFooter(ExtractedPage page, TextBlock block, int index)
    {
        if (block.Box is { } box && page.Height > 0)
        {
            return box.YMin < 0.08 * page.Height || box.YMax > 0.92 * page.Height;
        }

        return index == 0 || index == page.Blocks.Count - 1;
    }

    /// <summary>
    /// An unlabelled date with a time of day that is, to the minute, a print or issue stamp of the case
    /// (<c>출력일시: 2024.10.02 09:12</c>, printed by the records office on every copy) is that stamp: on a scan its
    /// label may be unreadable (<c>SAQA: 2024.10.02 09:12</c>). A date without a time, or with a label of its own, is
    /// never taken for one.
    /// </summary>
    private static void ExcludeRepeatedPrintStamps(List<DateCandidate> candidates)
    {
        var stamps = candidates
            .Where(c => c.ExcludedReason == PrintStampReason && c.Date.Time is not null)
            .Select(c => (c.Date.Date, c.Date.Time))
            .ToHashSet();
        foreach (var candidate in candidates.Where(c => c.ExcludedReason is null && c.Label is null && c.Date.Time is not null && stamps.Contains((c.Date.Date, c.Date.Time))))
        {
            candidate.Type = DateType.Admin;
            candidate.ExcludedReason = PrintStampReason;
        }
    }

    private const string PrintStampReason = "issue_or_print_date";

    /// <summary>
    /// Dates in the top or bottom band that repeat on most pages of a file are headers or footers (§6.6). A repeated
    /// clinically labelled date (a visit date printed on every page of its record) is kept once, on its first page.
    /// </summary>
    private static void FilterHeadersAndFooters(RuleDocument document, List<DateCandidate> candidates)
    {
        if (document.Pages.Count < 2)
        {
            return;
        }

        var threshold = Math.Max(2, (int)Math.Ceiling(document.Pages.Count * 0.5));
        foreach (var group in candidates.Where(c => c.InHeaderZone).GroupBy(c => (c.Date.Date, c.Date.PeriodEnd)))
        {
            if (group.Select(c => c.Page).Distinct().Count() < threshold)
            {
                continue;
            }

            var first = true;
            foreach (var candidate in group.OrderBy(c => c.Page).ThenBy(c => c.Block.Index))
            {
                if (candidate.ExcludedReason is not null)
                {
                    continue;
                }

                if (candidate.Label is not null && first)
                {
                    first = false;
                    continue;
                }

                candidate.ExcludedReason = candidate.Label is null ? "header_footer" : "repeated_header";
            }
        }
    }

    // ---- 2. Atoms -----------------------------------------------------------------------------------------------

    private List<Atom> BuildAtoms(RuleDocument document, List<DateCandidate> candidates, Dictionary<int, HashSet<int>> historyBlocks)
    {
        var atoms = new List<Atom>();
        var kept = candidates.Where(c => c.ExcludedReason is null).ToList();
        var fileHospitals = FileHospitals(document);
        var pageOffset = 0;
        foreach (var page in document.Pages)
        {
            var pageKept = kept.Where(c => c.Page == page.Page).ToList();
            var anchorBlocks = pageKept.Select(c => c.Block.Index).Distinct().OrderBy(i => i).ToList();
            var dated = candidates.Where(c => c.Page == page.Page).Select(c => c.Block.Index).ToHashSet();
            var owned = Ownership(page.Blocks.Count, anchorBlocks, dated, historyBlocks.GetValueOrDefault(page.Page));
            var entityCache = new Dictionary<int, Entities>();
            Entities BlockEntities(int index) =>
                entityCache.TryGetValue(index, out var cached) ? cached : entityCache[index] = _extractor.Extract(page.Blocks[index].Text);

            foreach (var blockGroup in pageKept.GroupBy(c => c.Block.Index))
            {
                var datesInBlock = blockGroup.OrderBy(c => c.IndexInBlock).ToList();
                PairAdmissionAndDischarge(datesInBlock, pageKept);
                foreach (var candidate in datesInBlock.Where(c => !c.Consumed))
                {
                    var atom = BuildAtom(document, page, candidate, owned, BlockEntities, datesInBlock.Count > 1, fileHospitals, pageOffset);
                    if (atom is null)
                    {
                        candidate.ExcludedReason = "no_clinical_anchor";
                        continue;
                    }

                    atoms.Add(atom);
                }
            }

            pageOffset += page.Blocks.Count;
        }

        return atoms;
    }

    /// <summary>An admission date and a discharge date close together (same block or the next blocks) form one stay.</summary>
    private static void PairAdmissionAndDischarge(List<DateCandidate> inBlock, List<DateCandidate> pageKept)
    {
        foreach (var admission in inBlock.Where(c => c.Type == DateType.Admission && c.Date.PeriodEnd is null && !c.Consumed))
        {
            var discharge = pageKept
                .Where(c => c.Type == DateType.Discharge && !c.Consumed && c.Date.Date >= admission.Date.Date
                    && c.Block.Index >= admission.Block.Index && c.Block.Index - admission.Block.Index <= 2
                    && (c.Block.Index != admission.Block.Index || c.IndexInBlock > admission.IndexInBlock))
                .OrderBy(c => c.Block.Index).ThenBy(c => c.IndexInBlock)
                .FirstOrDefault();
            if (discharge is not null)
            {
                discharge.Consumed = true;
                admission.Consumed = false;
                admission.PairedEnd = discharge;
            }
        }
    }

    /// <summary>Each undated block belongs to the nearest dated block before it (≤ 3 blocks), else after it (≤ 2 blocks).</summary>
    private static int[] Ownership(int blockCount, List<int> anchors, HashSet<int> dated, HashSet<int>? history)
    {
        var owner = new int[blockCount];
        Array.Fill(owner, -1);
        foreach (var a in anchors)
        {
            owner[a] = a;
        }

        for (var j = 0; j < blockCount; j++)
        {
            // Blocks with dates of their own (kept or excluded) and past-history blocks belong to no other date.
            if (owner[j] >= 0 || dated.Contains(j) || history?.Contains(j) == true)
            {
                continue;
            }

            var before = anchors.LastOrDefault(a => a < j, -1);
            var after = anchors.FirstOrDefault(a => a > j, -1);
            if (before >= 0 && j - before <= BlocksAfter)
            {
                owner[j] = before;
            }
            else if (after >= 0 && after - j <= BlocksBefore)
            {
                owner[j] = after;
            }
        }

        return owner;
    }

    private Atom? BuildAtom(
        RuleDocument document, ExtractedPage page, DateCandidate candidate, int[] owner, Func<int, Entities> blockEntities,
        bool shareBlock, IReadOnlyList<(int Page, int Block, Hospitals.HospitalMention Mention)> fileHospitals, int pageOffset)
    {
        var anchorIndex = candidate.Block.Index;
        var text = candidate.Block.Text;
        var segment = shareBlock ? text[candidate.SegmentStart..candidate.SegmentEnd] : text;
        var anchorEntities = shareBlock ? _extractor.Extract(segment) : blockEntities(anchorIndex);
        // A stay's discharge date on a line of its own is no event (it closes the stay), so the blocks after it
        // (입원 일시 / 퇴원 일시 / 입원 상병: holdout13 golden set) are the stay's, as is that line.
        var endIndex = candidate.PairedEnd?.Block.Index ?? anchorIndex;
        var ownedIndexes = Enumerable.Range(0, owner.Length)
            .Where(j => j != anchorIndex && (owner[j] == anchorIndex || (endIndex != anchorIndex && (j == endIndex || owner[j] == endIndex))))
            .ToList();
        var owned = ownedIndexes.Select(blockEntities).ToList();

        var atom = new Atom
        {
            Anchor = candidate,
            Type = EventType.Unknown,
            FileOrder = document.FileOrder,
            Page = page.Page,
            Block = anchorIndex,
            PageOffset = pageOffset,
            End = candidate.Date.PeriodEnd ?? candidate.PairedEnd?.Date.Date,
        };
        atom.Evidence.Add(new EvidenceRef(Location(document.FileOrder, document.FileName, page.Page, candidate.Block), candidate.Block.Box, Primary: true));
        if (candidate.PairedEnd is { } end && end.Block.Index != anchorIndex)
        {
            atom.Evidence.Add(new EvidenceRef(Location(document.FileOrder, document.FileName, page.Page, end.Block), end.Block.Box, Primary: false));
        }

        Absorb(atom, anchorEntities);
        for (var i = 0; i < owned.Count; i++)
        {
            Absorb(atom, owned[i]);
            var e = owned[i];
            if (e.Diagnoses.Count > 0 || e.Exams.Count > 0 || e.Treatments.Count > 0)
            {
                var block = page.Blocks[ownedIndexes[i]];
                atom.Evidence.Add(new EvidenceRef(Location(document.FileOrder, document.FileName, page.Page, block), block.Box, Primary: false));
            }
        }

        atom.Type = TypeOf(candidate, anchorEntities.Signals, owned.Aggregate(Signals.None, (s, e) => s | e.Signals), page, blockEntities);
        atom.Signals = anchorEntities.Signals | owned.Aggregate(Signals.None, (s, e) => s | e.Signals);

        var clinical = anchorEntities.IsClinical || owned.Any(e => e.Diagnoses.Count > 0 || e.Exams.Count > 0 || e.Treatments.Count > 0)
            || candidate.Label is not null;
        AssignHospital(atom, page, anchorIndex, owner, fileHospitals);
        if (!clinical && atom.Hospital is null)
        {
            return null;
        }

        if (atom.Departments.Count == 0 && atom.Hospital is not null)
        {
            // The department printed beside the hospital (가나병원 내과).
            var hospitalBlock = fileHospitals.Where(h => h.Page == page.Page && Math.Abs(h.Block - anchorIndex) <= 8)
                .OrderBy(h => Math.Abs(h.Block - anchorIndex)).Select(h => h.Block).DefaultIfEmpty(-1).First();
            if (hospitalBlock >= 0)
            {
                atom.Departments.AddRange(blockEntities(hospitalBlock).Departments);
            }
        }

        if (atom.Type == EventType.Exam && atom.Exams.Count > 0)
        {
            var first = atom.Exams[0];
            atom.Exams[0] = first with { ExamDate = atom.Date };
        }

        return atom;
    }

    private static void Absorb(Atom atom, Entities e)
    {
        foreach (var d in e.Diagnoses)
        {
            if (!atom.Diagnoses.Any(x => x.Code == d.Code && x.CodeRaw == d.CodeRaw && (d.Code is not null || d.CodeRaw is not null || x.Name == d.Name)))
            {
                atom.Diagnoses.Add(d);
            }
        }

        foreach (var exam in e.Exams)
        {
            if (!atom.Exams.Any(x => x.Name == exam))
            {
                var result = e.ExamResults.FirstOrDefault(r => r.StartsWith(exam, StringComparison.Ordinal));
                atom.Exams.Add(new ExamRecord(exam, null, null, result));
            }
        }

        AddDistinct(atom.Treatments, e.Treatments);
        AddDistinct(atom.Medications, e.Medications);
        AddDistinct(atom.Departments, e.Departments);
        if (e.MedicationDays is { } days)
        {
            atom.MedicationDays = Math.Max(atom.MedicationDays ?? 0, days);
        }

        atom.Opinion ??= e.Opinion;
        atom.Reason ??= e.Reason;
        atom.CodeProblem |= e.HasCodeProblem;
        if ((e.Signals & Signals.Retest) != 0 && !atom.Keywords.Contains("retest"))
        {
            atom.Keywords.Add("retest");
        }

        if ((e.Signals & Signals.Exclusion) != 0 && !atom.Keywords.Contains("exclusion"))
        {
            atom.Keywords.Add("exclusion");
        }
    }

    private static void AddDistinct(List<string> into, IEnumerable<string> items)
    {
        foreach (var item in items)
        {
            if (!into.Contains(item))
            {
                into.Add(item);
            }
        }
    }

    /// <summary>
    /// The event type: a strong date label (surgery, admission, discharge, pathology) decides; otherwise the precedence
    /// of §7.3 over the signals of the date's own text, with the window's other blocks consulted only when that text
    /// carries none. Exams and prescriptions under a visit line are attributes of the visit.
    /// </summary>
    private EventType TypeOf(DateCandidate candidate, Signals anchor, Signals owned, ExtractedPage page, Func<int, Entities> blockEntities)
    {
        switch (candidate.Type)
        {
            case DateType.Surgery:
                return (anchor & Signals.Procedure) != 0 && (anchor & Signals.Surgery) == 0 ? EventType.Procedure : EventType.Surgery;
            case DateType.Admission:
                return EventType.Admission;
            case DateType.Discharge:
                return EventType.Discharge;
            case DateType.Pathology:
                return EventType.Pathology;
            case DateType.Result:
                return EventType.Outpatient;
        }

        var strong = Precedence(anchor, includeSoft: true);
        if (strong is { } t)
        {
            if (t == EventType.Medication && candidate.Type == DateType.Exam)
            {
                // an exam's date beside its order name (처방명：Chest PA): the EMR orders exams as prescriptions
                return EventType.Exam;
            }

            if (t == EventType.Medication && ((anchor & Signals.Outpatient) != 0 || !TitledAsPrescription(page)))
            {
                return EventType.Outpatient;
            }

            if (t == EventType.Exam && candidate.Type == DateType.Visit && (anchor & Signals.Outpatient) != 0 && candidate.Label is not null && IsVisitLabel(candidate.Label))
            {
                return EventType.Outpatient;
            }

            return t;
        }

        if (candidate.Type == DateType.Exam)
        {
            // 시행일 says that something was done, not what: the operation named beside it decides (수술명 above
            // 시행 일자: holdout13 golden set).
            return candidate.Label is { } label && data.Dates.PerformedLabels.Contains(label) && Precedence(owned, includeSoft: false) is { } performed and (EventType.Surgery or EventType.Procedure)
                ? performed
                : EventType.Exam;
        }

        if (Precedence(owned, includeSoft: false) is { } fromWindow)
        {
            return fromWindow;
        }

        if (TitleBlocks(page).Any(i => (blockEntities(i).Signals & Signals.Emergency) != 0))
        {
            return EventType.Emergency;
        }

        if ((anchor & Signals.Outpatient) == 0 && (owned & Signals.Medication) != 0 && (owned & Signals.Outpatient) == 0 && candidate.Label is not null && IsMedicationLabel(candidate.Label))
        {
            return EventType.Medication;
        }

        return EventType.Outpatient;
    }

    /// <summary>The blocks a page's title is among: its first three (hospital, title, patient).</summary>
    private static IEnumerable<int> TitleBlocks(ExtractedPage page) => Enumerable.Range(0, Math.Min(3, page.Blocks.Count));

    /// <summary>
    /// A page titled as a prescription or a pharmacy's record (<c>처방전</c>, <c>약제비 영수증</c>): only there is a dated
    /// prescription a record of its own (domain.md §7.3); elsewhere a row that names one (<c>Rx 30일</c>) is its visit. A
    /// title holds no figures: a continued page opens with rows (<c>… ㆍ조제 30일</c>), not a title.
    /// </summary>
    private bool TitledAsPrescription(ExtractedPage page) =>
        TitleBlocks(page).Any(i => !page.Blocks[i].Text.Any(char.IsAsciiDigit) && DateClassifier.ContainsAny(page.Blocks[i].Text, data.Entities.PrescriptionTitles));

    private bool IsVisitLabel(string label) => data.Dates.Labels.TryGetValue("visit", out var words) && words.Contains(label);

    private bool IsMedicationLabel(string label) => data.Dates.Labels.TryGetValue("medication", out var words) && words.Contains(label);

    private static EventType? Precedence(Signals s, bool includeSoft)
    {
        if ((s & Signals.Surgery) != 0) return EventType.Surgery;
        if ((s & Signals.Procedure) != 0) return EventType.Procedure;
        if ((s & Signals.Admission) != 0) return EventType.Admission;
        if ((s & Signals.Discharge) != 0) return EventType.Discharge;
        if ((s & Signals.Emergency) != 0) return EventType.Emergency;
        if ((s & Signals.Pathology) != 0) return EventType.Pathology;
        if (!includeSoft) return null;
        if ((s & Signals.Exam) != 0) return EventType.Exam;
        if ((s & Signals.Medication) != 0) return EventType.Medication;
        return null;
    }

    private List<(int Page, int Block, Hospitals.HospitalMention Mention)> FileHospitals(RuleDocument document)
    {
        var found = new List<(int Page, int Block, Hospitals.HospitalMention Mention, bool Ocr)>();
        foreach (var page in document.Pages)
        {
            foreach (var block in page.Blocks)
            {
                foreach (var mention in _extractor.Hospitals(block.Text))
                {
                    var ocr = page.Source == PageTextSource.Ocr;
                    var spelt = ocr ? Hospitals.HospitalMisreadings.WithDepartmentSpelt(mention.Name, _departmentsLongestFirst) : null;
                    var named = spelt is not null && _extractor.Hospitals(spelt).FirstOrDefault() is { } renamed ? mention with { Name = renamed.Name, Key = renamed.Key } : mention;
                    found.Add((page.Page, block.Index, named, ocr));
                }
            }
        }

        var read = Hospitals.HospitalMisreadings.Reconcile(found.Select(f => (f.Mention, f.Ocr)).ToList());
        return found.Select((f, i) => (f.Page, f.Block, read[i])).ToList();
    }

    /// <summary>
    /// The hospital of an atom: a non-referral mention in its window (anchor ± 2 blocks, nearest first; two at the same
    /// distance are a conflict), else the nearest in the file within ± 1 page and ± 8 blocks, else the file's only hospital.
    /// </summary>
    private static void AssignHospital(Atom atom, ExtractedPage page, int anchorIndex, int[] owner,
        IReadOnlyList<(int Page, int Block, Hospitals.HospitalMention Mention)> fileHospitals)
    {
        var inWindow = fileHospitals
            .Where(h => h.Page == page.Page && Math.Abs(h.Block - anchorIndex) <= 2 && !h.Mention.Referral)
            .Where(h => h.Block == anchorIndex || owner[h.Block] == anchorIndex || owner[h.Block] < 0 || h.Block < anchorIndex)
            .Select(h => (Distance: Math.Abs(h.Block - anchorIndex) * 2 + (h.Block > anchorIndex ? 1 : 0), h.Mention))
            .OrderBy(h => h.Distance)
            .ToList();
        if (inWindow.Count > 0)
        {
            var best = inWindow[0];
            atom.Hospital = best.Mention.Name;
            atom.HospitalKey = best.Mention.Key;
            foreach (var other in inWindow.Where(h => h.Mention.Key != best.Mention.Key).Select(h => h.Mention.Name).Distinct())
            {
                atom.OtherHospitals.Add(other);
            }

            atom.HospitalConflict = inWindow.Any(h => h.Distance / 2 == best.Distance / 2 && h.Mention.Key != best.Mention.Key);
            return;
        }

        var nearby = fileHospitals
            .Where(h => !h.Mention.Referral && Math.Abs(h.Page - page.Page) <= 1)
            .Select(h => (Distance: h.Page == page.Page ? Math.Abs(h.Block - anchorIndex) : 8 + Math.Abs(h.Page - page.Page), h.Mention, Before: h.Page < page.Page || (h.Page == page.Page && h.Block <= anchorIndex)))
            .Where(h => h.Distance <= 8 || h.Before)
            .OrderBy(h => h.Before ? 0 : 1).ThenBy(h => h.Distance)
            .ToList();
        var keys = fileHospitals.Where(h => !h.Mention.Referral).Select(h => h.Mention.Key).Distinct().ToList();
        if (nearby.Count > 0 && (keys.Count == 1 || nearby[0].Distance <= 8))
        {
            atom.Hospital = nearby[0].Mention.Name;
            atom.HospitalKey = nearby[0].Mention.Key;
            atom.HospitalFromFallback = true;
            return;
        }

        if (keys.Count == 1)
        {
            var only = fileHospitals.First(h => !h.Mention.Referral).Mention;
            atom.Hospital = only.Name;
            atom.HospitalKey = only.Key;
            atom.HospitalFromFallback = true;
        }
    }

    // ---- 3. Merge -----------------------------------------------------------------------------------------------

    private static readonly EventType[] SoftTypes = [EventType.Outpatient, EventType.Exam, EventType.Pathology, EventType.Medication];

    private static List<Atom> Merge(List<Atom> atoms)
    {
        var events = new List<Atom>();
        foreach (var group in atoms.GroupBy(a => (a.FileOrder, a.Date)).OrderBy(g => g.Key.FileOrder).ThenBy(g => g.Key.Date))
        {
            var merged = new List<Atom>();
            foreach (var atom in group.OrderBy(a => a.Page).ThenBy(a => a.Block))
            {
                var target = merged.FirstOrDefault(m => CanMerge(m, atom, merged));
                if (target is null)
                {
                    merged.Add(atom);
                    continue;
                }

                MergeInto(target, atom);
            }

            events.AddRange(merged);
        }

        return events;
    }

    private static bool CanMerge(Atom into, Atom atom, List<Atom> group)
    {
        var sameType = into.Type == atom.Type;
        if (!sameType && !(SoftTypes.Contains(into.Type) && SoftTypes.Contains(atom.Type)))
        {
            return false;
        }

        var hospitals = group.Select(g => g.HospitalKey).Where(k => k is not null).Distinct().Count();
        var compatible = into.HospitalKey == atom.HospitalKey
            || ((into.HospitalKey is null || atom.HospitalKey is null) && hospitals <= 1);
        if (!compatible)
        {
            return false;
        }

        var last = into.Merged.Count > 0 ? into.Merged[^1] : into;
        var distance = Math.Abs(atom.PageOffset + atom.Block - (last.PageOffset + last.Block));
        var pages = Math.Abs(atom.Page - last.Page);
        if (pages <= 1 && distance <= 8)
        {
            return true;
        }

        var shared = into.Diagnoses.Any(d => atom.Diagnoses.Any(x => (x.Code ?? x.Name) == (d.Code ?? d.Name)))
            || into.Exams.Any(e => atom.Exams.Any(x => x.Name == e.Name))
            || into.Treatments.Intersect(atom.Treatments).Any()
            || into.Departments.Intersect(atom.Departments).Any();
        return pages <= 2 && distance <= 20 && shared;
    }

    private static void MergeInto(Atom into, Atom atom)
    {
        into.Merged.Add(atom);
        into.Type = Rank(atom.Type) < Rank(into.Type) ? atom.Type : into.Type;
        into.End = into.End is null ? atom.End : atom.End is null ? into.End : (atom.End > into.End ? atom.End : into.End);
        into.Hospital ??= atom.Hospital;
        into.HospitalKey ??= atom.HospitalKey;
        into.HospitalConflict |= atom.HospitalConflict;
        AddDistinct(into.OtherHospitals, atom.OtherHospitals.Where(h => h != into.Hospital));
        foreach (var d in atom.Diagnoses)
        {
            if (!into.Diagnoses.Any(x => x.Code == d.Code && x.CodeRaw == d.CodeRaw && (d.Code is not null || d.CodeRaw is not null || x.Name == d.Name)))
            {
                into.Diagnoses.Add(d);
            }
        }

        foreach (var exam in atom.Exams)
        {
            if (!into.Exams.Any(x => x.Name == exam.Name))
            {
                into.Exams.Add(exam);
            }
        }

        AddDistinct(into.Treatments, atom.Treatments);
        AddDistinct(into.Medications, atom.Medications);
        AddDistinct(into.Departments, atom.Departments);
        AddDistinct(into.Keywords, atom.Keywords);
        if (atom.MedicationDays is { } days)
        {
            into.MedicationDays = Math.Max(into.MedicationDays ?? 0, days);
        }

        into.Opinion ??= atom.Opinion;
        into.Reason ??= atom.Reason;
        into.CodeProblem |= atom.CodeProblem;
        into.Signals |= atom.Signals;
        foreach (var evidence in atom.Evidence)
        {
            if (!into.Evidence.Any(e => e.Location.Page == evidence.Location.Page && e.Location.BlockIndex == evidence.Location.BlockIndex))
            {
                into.Evidence.Add(evidence with { Primary = false });
            }
        }
    }

    private static int Rank(EventType type) => type switch
    {
        EventType.Surgery => 0,
        EventType.Procedure => 1,
        EventType.Admission => 2,
        EventType.Discharge => 3,
        EventType.Emergency => 4,
        EventType.Pathology => 5,
        EventType.Exam => 6,
        EventType.Medication => 7,
        EventType.Outpatient => 8,
        _ => 9,
    };

    // ---- 4. Stays, inpatient days, report dates -----------------------------------------------------------------

    /// <summary>A discharge in the same file as its open or matching stay closes it and is folded into it.</summary>
    private static void PairStays(List<Atom> events)
    {
        foreach (var discharge in events.Where(e => e.Type == EventType.Discharge).ToList())
        {
            var stay = events
                .Where(e => e.Type == EventType.Admission && e.FileOrder == discharge.FileOrder && e.Date <= discharge.Date
                    && (e.HospitalKey == discharge.HospitalKey || e.HospitalKey is null || discharge.HospitalKey is null)
                    && (e.End == discharge.Date || (e.End is null && discharge.Date.DayNumber - e.Date.DayNumber <= 180)))
                .OrderByDescending(e => e.Date)
                .FirstOrDefault();
            if (stay is null)
            {
                continue;
            }

            stay.End ??= discharge.Date;
            MergeInto(stay, discharge);
            stay.Type = EventType.Admission;
            events.Remove(discharge);
        }
    }

    /// <summary>A visit inside a stay at the same hospital is an inpatient day, never an outpatient visit (§7.7).</summary>
    private static void FoldInpatientDays(List<Atom> events, List<DateCandidate> candidates)
    {
        var stays = events.Where(e => e.Type == EventType.Admission && e.End is not null).ToList();
        foreach (var e in events.ToList())
        {
            if (e.Type is not (EventType.Outpatient or EventType.Medication or EventType.Admission))
            {
                continue;
            }

            var stay = stays.FirstOrDefault(s => !ReferenceEquals(s, e) && s.HospitalKey == e.HospitalKey && s.HospitalKey is not null
                && e.Date >= s.Date && e.Date <= s.End
                && (e.Type != EventType.Admission || e.Date > s.Date));
            if (stay is null)
            {
                continue;
            }

            e.Anchor.ExcludedReason = "inpatient_day";
            foreach (var merged in e.Merged)
            {
                merged.Anchor.ExcludedReason = "inpatient_day";
            }

            events.Remove(e);
        }
    }

    /// <summary>A report (reading) date becomes the result date of the nearest exam of its file and page.</summary>
    private static void AttachReportDates(List<Atom> events, List<DateCandidate> candidates)
    {
        foreach (var report in candidates.Where(c => c.ExcludedReason == "report_date"))
        {
            var exam = events
                .Where(e => e.FileOrder == report.FileOrder && e.Page == report.Page && Math.Abs(e.Block - report.Block.Index) <= 6
                    && e.Type is EventType.Exam or EventType.Pathology && e.Date <= report.Date.Date)
                .OrderBy(e => Math.Abs(e.Block - report.Block.Index))
                .FirstOrDefault();
            if (exam is null)
            {
                continue;
            }

            if (exam.Exams.Count == 0)
            {
                exam.Exams.Add(new ExamRecord(exam.Type == EventType.Pathology ? "병리검사" : "검사", exam.Date, report.Date.Date, null));
            }
            else
            {
                exam.Exams[0] = exam.Exams[0] with { ExamDate = exam.Date, ResultDate = report.Date.Date };
            }
        }
    }

    /// <summary>Past-history mentions attach to the nearest event of their file and page; they never become events (§6.4).</summary>
    private static void AttachHistory(List<Atom> events, List<DateCandidate> candidates)
    {
        foreach (var mention in candidates.Where(c => c.ExcludedReason is "past_history" or "onset_date" or "history"))
        {
            var owner = events
                .Where(e => e.FileOrder == mention.FileOrder && Math.Abs(e.Page - mention.Page) <= 1)
                .OrderBy(e => e.Page == mention.Page ? Math.Abs(e.Block - mention.Block.Index) : 1000 + e.Block)
                .FirstOrDefault();
            var quote = Quote(mention.Block.Text);
            if (owner is not null && !owner.PastHistory.Contains(quote))
            {
                owner.PastHistory.Add(quote);
            }
        }
    }

    // ---- 5. Finish: quality, order, ids --------------------------------------------------------------------------

    private List<MedicalEvent> Finish(List<Atom> atoms)
    {
        var ordered = atoms
            .OrderBy(a => a.Date)
            .ThenBy(a => a.Time is null ? 1 : 0).ThenBy(a => a.Time)
            .ThenBy(a => a.FileOrder).ThenBy(a => a.Page).ThenBy(a => a.Block)
            .ToList();
        var ids = ordered.Select((a, i) => $"evt_{(a.Anchor.Date.YearUnresolved ? "00000000" : a.Date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture))}_{i + 1:0000}").ToList();
        var sameDay = ordered.Select((a, i) => (a, i)).Where(x => x.a.HospitalKey is not null)
            .ToLookup(x => (x.a.Date, x.a.HospitalKey));
        var events = new List<MedicalEvent>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var a = ordered[i];
            var related = a.HospitalKey is null
                ? []
                : sameDay[(a.Date, a.HospitalKey)].Where(x => x.i != i && x.a.FileOrder != a.FileOrder).Select(x => ids[x.i]).ToList();
            events.Add(ToEvent(a, ids[i], related));
        }

        return events;
    }

    private static MedicalEvent ToEvent(Atom a, string id, IReadOnlyList<string> related)
    {
        var reasons = new List<string>();
        var ambiguity = 0.15;
        if (a.HospitalConflict) { ambiguity += 0.22; reasons.Add("conflictingHospital"); }
        if (a.Hospital is null) { ambiguity += 0.18; reasons.Add("hospitalMissing"); }
        var codes = a.Diagnoses.Where(d => d.Code is not null).Select(d => d.Code!).Distinct().ToList();
        var diagnosisConflict = codes.Select(c => c[..3]).Distinct().Count() > 1 && a.Type is not (EventType.Outpatient or EventType.Admission or EventType.Surgery);
        if (a.Diagnoses.Count == 0) { ambiguity += 0.18; reasons.Add("diagnosisMissing"); }
        if (a.Type == EventType.Unknown) { ambiguity += 0.20; reasons.Add("weakEvidence"); }
        if (a.Anchor.Date.YearUnresolved) { reasons.Add("yearUnresolved"); }
        if (a.CodeProblem) { reasons.Add("codeNotInTable"); }
        if (a.Type == EventType.Admission && a.End is null) { reasons.Add("periodOpen"); }
        if (a.End is { } end && end < a.Date) { reasons.Add("periodOpen"); }
        var families = new[] { a.Diagnoses.Count > 0, a.Exams.Count > 0, a.Treatments.Count > 0, a.Medications.Count > 0, a.Departments.Count > 0, a.Hospital is not null }.Count(x => x);
        if (families >= 5) { ambiguity += 0.08; }
        ambiguity = Math.Min(1, Math.Round(ambiguity, 2));

        // A missing diagnosis alone does not make a typed, located record doubtful; it stays a quality note.
        var review = a.HospitalConflict || a.Hospital is null || a.Type == EventType.Unknown || a.Anchor.Date.YearUnresolved
            || a.CodeProblem || reasons.Contains("periodOpen") || ambiguity >= ReviewAmbiguity || diagnosisConflict;
        if (diagnosisConflict) { reasons.Add("conflictingDiagnosis"); }

        var diagnoses = a.Diagnoses.ToList();
        if (diagnoses.Count > 0)
        {
            var primary = diagnoses.Select((d, i) => (d, i)).OrderByDescending(x => x.d.Code?.Length ?? 0).ThenBy(x => x.i).First().i;
            diagnoses = diagnoses.Select((d, i) => d with { IsPrimary = i == primary }).ToList();
        }

        var admissionDays = a.Type == EventType.Admission && a.End is { } stayEnd && stayEnd >= a.Date ? stayEnd.DayNumber - a.Date.DayNumber + 1 : (int?)null;
        var date = a.Anchor.Date with { PeriodEnd = a.End };
        var evidence = a.Evidence.Take(12).ToList();
        return new MedicalEvent(
            id,
            date,
            a.Merged.Select(m => m.Anchor.Date).Where(d => d.Raw != a.Anchor.Date.Raw).ToList(),
            evidence[0].Location,
            review,
            a.Type,
            a.Hospital,
            a.HospitalKey,
            a.Departments.Count == 1 ? a.Departments[0] : null,
            diagnoses,
            a.Exams,
            a.Treatments,
            a.Medications,
            a.MedicationDays,
            admissionDays,
            a.PastHistory,
            a.Opinion is null ? null : Quote(a.Opinion),
            a.Reason is null ? null : Quote(a.Reason),
            evidence,
            ambiguity,
            reasons.Distinct().ToList(),
            related,
            a.OtherHospitals,
            a.Keywords);
    }

    private static List<OutpatientCourse> Courses(IReadOnlyList<MedicalEvent> events) =>
        events
            .Where(e => e.Type == EventType.Outpatient && !e.Date.YearUnresolved)
            .GroupBy(e => e.HospitalKey)
            .Select(g => new OutpatientCourse(
                g.Key,
                g.First().Hospital,
                g.Min(e => e.Date.Date),
                g.Max(e => e.Date.Date),
                g.Select(e => e.Date.Date).Distinct().Count(),
                g.Select(e => e.EventId).ToList()))
            .OrderBy(c => c.First).ThenBy(c => c.HospitalKey, StringComparer.Ordinal)
            .ToList();
}
