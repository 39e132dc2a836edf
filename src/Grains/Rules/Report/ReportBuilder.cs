using System.Globalization;
using VNexsus.Rules.Disclosure;
using VNexsus.Telemetry;

namespace VNexsus.Rules.Report;

/// <summary>Builds the report of domain.md §9 from an analysis: a pure function of the analysis and the generation time.</summary>
public static class ReportBuilder
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Dot(DateOnly d) => d.ToString("yyyy.MM.dd", CultureInfo.InvariantCulture);

    public static string DateText(FoundDate date) =>
        date.YearUnresolved ? date.Date.ToString("'--'MM-dd", CultureInfo.InvariantCulture)
        : date.Precision == DatePrecision.Month ? date.Date.ToString("yyyy-MM", CultureInfo.InvariantCulture)
        : Iso(date.Date);

    public static ReportEvidence Evidence(EvidenceRef e) => new(
        e.Location.FileOrder, e.Location.FileName, e.Location.Page, e.Location.BlockIndex,
        e.Box is { } b ? new ReportBox(Math.Round(b.XMin, 1), Math.Round(b.YMin, 1), Math.Round(b.XMax, 1), Math.Round(b.YMax, 1)) : null,
        e.Location.Quote, e.Primary);

    public static AnalysisReport Build(AnalysisResult analysis, string? jobId, DateTimeOffset generatedAt)
    {
        using var span = PipelineTracing.Start(PipelineTracing.Report);
        span?.SetTag("vnexsus.events", analysis.Events.Count);
        var disclosure = analysis.Disclosure;
        var reviews = analysis.Reviews;
        var windows = reviews.Select(r => (r.ContractId, ByEvent: r.EventWindows.ToDictionary(w => w.EventId))).ToList();
        var timeline = analysis.Events.Select(e => Row(e, windows.Select(w => (w.ContractId, w.ByEvent.GetValueOrDefault(e.EventId))).ToList())).ToList();
        var clusters = Clusters(analysis.Events);
        var reviewed = reviews.Select(r => Disclosure(r, analysis.Events)).ToList();
        var report = new AnalysisReport(
            new CaseBasicInfo(jobId, disclosure.JoinDate is { } j ? Iso(j) : null, JoinDateSource(disclosure),
                disclosure.PolicyId, generatedAt.ToString("O", CultureInfo.InvariantCulture), analysis.RuleSetVersion, analysis.Key,
                reviews.Select(r => new ReportContract(r.ContractId, r.JoinDate is { } rj ? Iso(rj) : null, JoinDateSource(r), r.PolicyId)).ToList()),
            Inventory(analysis),
            timeline,
            reviews.SelectMany(r => Markers(r, reviews.Count > 1)).OrderBy(m => m.Date, StringComparer.Ordinal).ToList(),
            analysis.Events.Select(e => Block(e, analysis)).ToList(),
            analysis.OutpatientCourses.Select(c => new ReportCourse(c.Hospital, c.HospitalKey, Iso(c.First), Iso(c.Last), c.Visits, $"{Dot(c.First)} ~ {Dot(c.Last)} / {c.Visits}회 통원")).ToList(),
            reviewed[0],
            reviewed,
            clusters,
            Confidence(analysis.Events),
            ReportText.Warnings,
            reviews.SelectMany(r => r.Notes).Distinct().ToList(),
            analysis.Excluded.Select(x => new ReportExcluded(
                DateText(x.Date), x.Date.PeriodEnd is { } pe ? Iso(pe) : null, x.Date.Raw, x.DateType.ToString().ToLowerInvariant(), x.Reason,
                ReportText.ExcludedReasonLabel(x.Reason), new ReportEvidence(x.Evidence.FileOrder, x.Evidence.FileName, x.Evidence.Page, x.Evidence.BlockIndex, null, x.Evidence.Quote, true))).ToList(),
            Statistics(analysis));
        return report;
    }

    private static ReportStatistics Statistics(AnalysisResult a) => new(
        a.Statistics.Files, a.Statistics.Pages, a.Statistics.Blocks, a.Statistics.Total, a.Statistics.Filtered, a.Statistics.Excluded,
        a.Statistics.Atoms, a.Statistics.Events, a.Statistics.ReviewNeeded, a.Statistics.Candidates, a.Statistics.ExcludedByReason,
        a.Events.GroupBy(e => ReportText.TypeName(e.Type)).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()));

    private static DocumentInventory Inventory(AnalysisResult a)
    {
        var dated = a.Events.Where(e => !e.Date.YearUnresolved).ToList();
        return new DocumentInventory(
            a.Files.Count, a.Files.Sum(f => f.Pages),
            a.Events.Where(e => e.Hospital is not null).Select(e => e.Hospital!).Distinct().ToList(),
            dated.Count > 0 ? Iso(dated.Min(e => e.Date.Date)) : null,
            dated.Count > 0 ? Iso(dated.Max(e => e.Date.PeriodEnd ?? e.Date.Date)) : null,
            a.Files.Select(f => f.FileName).ToList());
    }

    public static string Content(MedicalEvent e)
    {
        var parts = new List<string>();
        parts.AddRange(e.Diagnoses.Select(DiagnosisText));
        parts.AddRange(e.Exams.Select(x => x.Name));
        parts.AddRange(e.Treatments);
        if (e.MedicationDays is { } days)
        {
            parts.Add($"{days}일분 처방");
        }

        return parts.Count > 0 ? string.Join(" / ", parts.Distinct()) : ReportText.EmptyRow;
    }

    public static string DiagnosisText(Diagnosis d) =>
        d.Name is not null && d.Code is not null ? $"{d.Name}({d.Code})"
        : d.Code ?? (d.Name is not null ? d.Name : $"{d.CodeRaw} (코드 확인요망)");

    private static string JoinDateSource(DisclosureReview d) => d.JoinDateAvailable ? "user_input" : "missing";

    private static TimelineRow Row(MedicalEvent e, IReadOnlyList<(string ContractId, EventWindow? Window)> windows) => new(
        e.EventId,
        DateText(e.Date),
        e.Date.PeriodEnd is { } end ? Iso(end) : null,
        e.Date.Time?.ToString("HH:mm", CultureInfo.InvariantCulture),
        e.Date.Precision == DatePrecision.Month ? "month" : "day",
        e.Date.YearUnresolved,
        ReportText.TypeName(e.Type),
        ReportText.TypeLabel(e.Type),
        e.Hospital,
        e.HospitalKey,
        e.Department,
        e.Diagnoses.Select(d => new ReportDiagnosis(d.Code, d.Name, d.CodeRaw, d.IsPrimary, d.Suspected)).ToList(),
        e.Exams.Select(x => new ReportExam(x.Name, x.ExamDate is { } ed ? Iso(ed) : null, x.ResultDate is { } rd ? Iso(rd) : null, x.Result)).ToList(),
        e.Treatments,
        e.Medications,
        e.AdmissionDays,
        e.MedicationDays,
        e.PastHistory,
        e.DoctorOpinion,
        Content(e),
        windows[0].Window?.RelativeWindows ?? [DisclosureWindows.Unknown],
        windows[0].Window?.PrimaryWindow ?? DisclosureWindows.Unknown,
        windows.Select(w => new ContractWindows(w.ContractId, w.Window?.RelativeWindows ?? [DisclosureWindows.Unknown], w.Window?.PrimaryWindow ?? DisclosureWindows.Unknown)).ToList(),
        e.ReviewNeeded,
        e.UnresolvedReasons,
        e.Ambiguity,
        e.RelatedEventIds,
        e.EvidenceRefs.Select(Evidence).ToList());

    /// <summary>The window markers of §8.9 for one contract, named after it when the case has several.</summary>
    private static List<WindowMarker> Markers(DisclosureReview d, bool nameTheContract)
    {
        if (d.JoinDate is not { } j)
        {
            return [];
        }

        var contract = nameTheContract ? $"계약 {d.ContractId} " : "";
        var markers = d.Windows.Where(w => w.Start is not null)
            .Select(w => new WindowMarker(Iso(w.Start!.Value), $"[{contract}보험가입 {ReportText.WindowLabel(w.Name).Replace(" 이내", "", StringComparison.Ordinal)} 이내]", d.ContractId))
            .ToList();
        markers.Add(new WindowMarker(Iso(j), $"[{contract}보험가입일]", d.ContractId));
        markers.Add(new WindowMarker(Iso(j.AddDays(90)), $"[{contract}계약일로부터 90일]", d.ContractId));
        return markers;
    }

    private static ReportDisclosure Disclosure(DisclosureReview d, IReadOnlyList<MedicalEvent> events)
    {
        var byId = events.ToDictionary(e => e.EventId);
        var candidates = d.Candidates.Select(c => new ReportCandidate(
            c.EventId, DateText(byId[c.EventId].Date), byId[c.EventId].Date.PeriodEnd is { } pe ? Iso(pe) : null,
            c.Window, c.RelativeWindows, c.CandidateType, c.Strength, c.ReviewNeeded, c.OnJoinDate,
            c.RuleHits.Select(h => new ReportRuleHit(h.RuleId, h.Window, h.Reason)).ToList(), c.Rationale, c.UnresolvedReason,
            c.Evidence.Select(Evidence).ToList())).ToList();
        var byWindow = candidates.GroupBy(c => c.Window).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        var summary = !d.JoinDateAvailable
            ? $"{DisclosureReviewer.JoinDateMissingText}. 고지 기간별 검토 후보는 보험가입일 입력 후 표시됩니다."
            : candidates.Count == 0
                ? $"보험가입일({DisclosureWindows.Display(d.JoinDate!.Value)}) 기준 고지 기간 안에서 검토 후보로 보이는 기록을 찾지 못했습니다. 원본 서류의 누락 여부는 추가 확인이 필요합니다."
                : $"{ReportText.OverviewSentence}. 보험가입일({DisclosureWindows.Display(d.JoinDate!.Value)}) 기준 검토 후보 {candidates.Count}건(검토 필요 {candidates.Count(c => c.ReviewNeeded)}건)이 있어 추가 검토가 필요합니다.";
        WordingGuard.EnsureClean(summary);
        return new ReportDisclosure(
            d.JoinDateAvailable,
            d.JoinDate is { } j ? Iso(j) : null,
            d.JoinDateAvailable ? "user_input" : "missing",
            new ReportPolicy(d.PolicyId, d.PolicyLabel, d.DefaultPolicyApplied, d.Windows.Select(w => new ReportWindow(
                w.Name, ReportText.WindowLabel(w.Name), w.Unit, w.Amount, w.Start is { } s ? Iso(s) : null, w.End is { } en ? Iso(en) : null)).ToList()),
            new CandidateOverview(candidates.Count, candidates.Count(c => c.ReviewNeeded), byWindow, summary),
            candidates,
            d.Notes,
            d.ContractId);
    }

    // ---- Clusters (§9.4) -----------------------------------------------------------------------------------------

    private sealed record ClusterSeed(string Name, string Label, string[] Keywords, string[] Ranges, Func<MedicalEvent, bool>? ByType = null);

    private static readonly ClusterSeed[] Seeds =
    [
        new("cancer", "암", ["암", "종양", "악성", "cancer", "carcinoma", "adenocarcinoma", "neoplasm", "lymphoma", "leukemia", "sarcoma", "림프종", "백혈병"], ["C00-C99", "D00-D49"]),
        new("heart", "심장", ["심장", "심근", "협심증", "부정맥", "심부전", "관상동맥", "coronary", "myocardial"], ["I20-I25", "I50-I50", "I05-I08", "I34-I39", "I47-I49"]),
        new("brain_cerebrovascular", "뇌·뇌혈관", ["뇌", "뇌경색", "뇌출혈", "뇌혈관", "stroke", "infarct", "hemorrhage", "TIA"], ["I60-I69", "G45-G45"]),
        new("surgery", "수술", [], [], e => e.Type == EventType.Surgery),
        new("hospitalization", "입원", [], [], e => e.Type is EventType.Admission or EventType.Discharge),
        new("chronic_or_other_important", "만성·기타 주요 질환", ["고혈압", "당뇨", "만성", "간염", "신장", "asthma", "COPD", "천식"], ["E10-E14", "I10-I13", "E78-E78", "K70-K76", "B15-B19", "N18-N18", "J44-J45"]),
    ];

    private static bool InRanges(string code, string[] ranges)
    {
        var category = code[..3];
        foreach (var range in ranges)
        {
            var parts = range.Split('-');
            if (string.CompareOrdinal(category, parts[0]) >= 0 && string.CompareOrdinal(category, parts[1]) <= 0 && category[0] == parts[0][0])
            {
                return true;
            }
        }

        return false;
    }

    private static List<Cluster> Clusters(IReadOnlyList<MedicalEvent> events)
    {
        var clusters = new List<Cluster>();
        foreach (var seed in Seeds)
        {
            var matching = events.Where(e => seed.ByType?.Invoke(e) ?? e.Diagnoses.Any(d =>
                (d.Code is { } c && InRanges(c, seed.Ranges))
                || (d.Name is { } n && seed.Keywords.Any(k => n.Contains(k, StringComparison.OrdinalIgnoreCase))))).ToList();
            var clean = matching.Where(e => !e.ReviewNeeded).ToList();
            var status = clean.Count > 0 ? "present" : matching.Count > 0 ? "review_needed" : "not_found";
            var overview = status switch
            {
                "present" => $"{seed.Label} 관련 기록이 있습니다({matching.Count}건).",
                "review_needed" => $"{seed.Label} 관련 기록이 있으나 추가 검토가 필요합니다({matching.Count}건).",
                _ => $"{seed.Label} 관련 기록이 확인되지 않았습니다.",
            };
            WordingGuard.EnsureClean(overview);
            clusters.Add(new Cluster(
                seed.Name, seed.Label, status, overview,
                matching.Select(e => e.EventId).ToList(),
                matching.Take(3).Select(e => Evidence(e.EvidenceRefs[0])).ToList(),
                matching.Where(e => e.ReviewNeeded).Select(e => $"{e.EventId}: 원본과 대조하여 확인이 필요합니다.").ToList()));
        }

        return clusters;
    }

    private static ConfidenceAndReview Confidence(IReadOnlyList<MedicalEvent> events)
    {
        var review = events.Count(e => e.ReviewNeeded);
        var mean = events.Count > 0 ? events.Average(e => e.Ambiguity) : 1;
        var overall = events.Count == 0 ? "low"
            : review == 0 && mean < 0.3 ? "high"
            : review <= events.Count / 2.0 && mean < 0.65 ? "medium"
            : "low";
        var flags = events
            .SelectMany(e => e.UnresolvedReasons.Where(r => r != "diagnosisMissing").Select(r => (r, e.EventId)))
            .GroupBy(x => x.r)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ReviewFlag(g.Key, FlagTitle(g.Key), $"{g.Count()}건의 기록에서 확인이 필요합니다.", g.Select(x => x.EventId).ToList()))
            .ToList();
        var notices = new List<string>();
        if (events.Count == 0)
        {
            notices.Add("타임라인에 표시할 의료 기록을 찾지 못했습니다. 원본 서류 확인이 필요합니다.");
        }

        if (review > 0)
        {
            notices.Add($"검토 필요로 표시된 기록이 {review}건 있습니다.");
        }

        return new ConfidenceAndReview(overall, review, events.Count(e => e.UnresolvedReasons.Any(r => r != "diagnosisMissing")), flags, notices);
    }

    private static string FlagTitle(string code) => code switch
    {
        "hospitalMissing" => "병원명 미확인",
        "conflictingHospital" => "병원명 충돌",
        "conflictingDiagnosis" => "진단명 충돌",
        "yearUnresolved" => "연도 미확인 날짜",
        "codeNotInTable" => "확인되지 않은 코드 표기",
        "periodOpen" => "입원 기간 미확정",
        "weakEvidence" => "근거 부족",
        _ => code,
    };

    // ---- Investigator blocks (§9.2) -----------------------------------------------------------------------------

    private static InvestigatorBlock Block(MedicalEvent e, AnalysisResult analysis)
    {
        var evidence = e.EvidenceRefs.Select(Evidence).ToList();
        var primary = evidence.Take(1).ToList();
        string Or(string? value) => string.IsNullOrWhiteSpace(value) ? ReportText.NotRecorded : value;
        var visit = e.Date.YearUnresolved ? ReportText.NeedsReview : Dot(e.Date.Date) + (e.Date.Time is { } t ? $" ({t:HH\\:mm})" : "");
        var exams = e.Exams.Count == 0 ? null : string.Join(", ", e.Exams.Select(x =>
            x.Name + (x.Result is { } r && !x.Name.Contains(r, StringComparison.Ordinal) ? $" {r}" : "")
            + $" (검사일 {Dot(x.ExamDate ?? e.Date.Date)}" + (x.ResultDate is { } rd ? $", 보고일 {Dot(rd)})" : ")")));
        var cancer = e.Diagnoses.Any(d => d.Code is { } c && c.StartsWith('C'));
        var pathology = e.Type == EventType.Pathology && cancer
            ? string.Join(", ", e.Exams.Select(x => x.Name).Concat(e.Diagnoses.Select(DiagnosisText)))
            : e.Type == EventType.Pathology ? ReportText.NeedsReview : null;
        var treatments = e.Treatments.Concat(e.Medications).ToList();
        if (e.MedicationDays is { } days)
        {
            treatments.Add($"{days}일분 처방");
        }

        var course = e.Type == EventType.Outpatient ? analysis.OutpatientCourses.FirstOrDefault(c => c.EventIds.Contains(e.EventId)) : null;
        var inpatient = e.Type == EventType.Admission
            ? e.Date.PeriodEnd is { } end ? $"{Dot(e.Date.Date)} ~ {Dot(end)} / {e.AdmissionDays}일 입원" : $"{Dot(e.Date.Date)} ~ (퇴원일 확인요망)"
            : null;
        var slots = new List<Slot>
        {
            new(1, "visitDateTime", "내원일시", visit, primary),
            new(2, "visitReason", "내원경위", Or(e.VisitReason), e.VisitReason is null ? [] : primary),
            new(3, "diagnoses", "진단병명", e.Diagnoses.Count == 0 ? ReportText.NotRecorded : string.Join(", ", e.Diagnoses.Select(DiagnosisText)), e.Diagnoses.Count == 0 ? [] : evidence),
            new(4, "examResults", "검사결과", Or(exams), exams is null ? [] : evidence),
            new(5, "pathology", "수술후조직검사", Or(pathology), pathology is null ? [] : evidence),
            new(6, "treatments", "치료내용", treatments.Count == 0 ? ReportText.NotRecorded : string.Join(", ", treatments.Distinct()), treatments.Count == 0 ? [] : evidence),
            new(7, "outpatientPeriod", "통원기간", course is null ? ReportText.NotRecorded : $"{Dot(course.First)} ~ {Dot(course.Last)} / {course.Visits}회 통원", course is null ? [] : primary),
            new(8, "inpatientPeriod", "입원기간", Or(inpatient), inpatient is null ? [] : primary),
            new(9, "pastHistory", "과거병력", e.PastHistory.Count == 0 ? ReportText.NotRecorded : string.Join(" / ", e.PastHistory), []),
            new(10, "doctorOpinion", "의사소견", Or(e.DoctorOpinion), e.DoctorOpinion is null ? [] : primary),
        };
        var heading = $"[{(e.Date.YearUnresolved ? DateText(e.Date) : Dot(e.Date.Date))}] {e.Hospital ?? ReportText.NotRecorded}{(e.Department is { } dep ? " " + dep : "")}";
        return new InvestigatorBlock(e.EventId, heading, slots);
    }
}
