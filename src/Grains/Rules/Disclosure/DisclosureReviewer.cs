using VNexsus.Rules.Report;

namespace VNexsus.Rules.Disclosure;

/// <summary>
/// The disclosure (고지의무) review of domain.md §8: each event's relative windows against the user's enrollment date,
/// and review candidates from the policy's questions and the derived rules, with window, type, strength, review flag,
/// a neutral rationale and evidence. It marks review priorities, never violations; without an enrollment date every
/// window is <c>unknown</c> and no candidate is produced (the limited state of §3.2).
/// </summary>
public sealed class DisclosureReviewer(PolicyData policies)
{
    public const string JoinDateMissingText = "보험가입일 입력이 필요합니다";

    public WindowPolicy PolicyFor(string? policyId, out bool defaultApplied)
    {
        defaultApplied = string.IsNullOrWhiteSpace(policyId);
        var id = defaultApplied ? policies.DefaultPolicyId : policyId!.Trim();
        return policies.Policies.FirstOrDefault(p => p.PolicyId == id || p.Label == id || p.PolicyId == $"std-{id}")
            ?? throw new UnknownPolicyException(id);
    }

    public DisclosureReview Review(IReadOnlyList<MedicalEvent> events, DateOnly? joinDate, string? policyId)
    {
        var policy = PolicyFor(policyId, out var defaultApplied);
        var notes = new List<PolicyNote>
        {
            new("not_medical_diagnosis", ReportText.Warnings[0]),
            new("not_claim_approval_judgment", ReportText.Warnings[1]),
            new("source_quality_warning", ReportText.Warnings[2]),
        };
        if (events.Any(e => e.ReviewNeeded))
        {
            notes.Add(new PolicyNote("review_needed", ReportText.Warnings[3]));
        }

        if (defaultApplied)
        {
            notes.Add(new PolicyNote("default_policy_applied", $"고지 기간 정책을 선택하지 않아 기본 정책({policy.Label})을 적용했습니다. 보험사 청약서 문항과 대조하여 확인하십시오."));
        }

        if (joinDate is not { } j)
        {
            notes.Add(new PolicyNote("join_date_missing", $"{JoinDateMissingText}. 보험가입일이 없어 고지 기간별 검토를 제한된 상태로 표시합니다."));
            return new DisclosureReview(
                false, null, policy.PolicyId, policy.Label, defaultApplied,
                policy.Windows.Select(w => new WindowSpan(w.Name, w.Unit, w.Amount, null, null)).ToList(),
                events.Select(e => new EventWindow(e.EventId, [DisclosureWindows.Unknown], DisclosureWindows.Unknown, false, null, false)).ToList(),
                [],
                notes);
        }

        var spans = policy.Windows.Select(w => new WindowSpan(w.Name, w.Unit, w.Amount, DisclosureWindows.StartOf(w, j), j)).ToList();
        var eventWindows = events.Select(e => WindowOf(e, j, policy)).ToList();
        var byId = eventWindows.ToDictionary(w => w.EventId);
        var hits = new List<(MedicalEvent Event, string Type, RuleHit Hit, bool Derived, bool Keyword)>();
        foreach (var question in policy.Questions)
        {
            foreach (var condition in question.Conditions)
            {
                hits.AddRange(Evaluate(condition, question, events, byId, policy, j));
            }
        }

        var candidates = hits
            .GroupBy(h => (h.Event.EventId, h.Type))
            .Select(g => Candidate(g.First().Event, g.Key.Type, g.Select(x => (x.Hit, x.Derived, x.Keyword)).ToList(), byId[g.Key.EventId], policy, j))
            .OrderBy(c => events.Select(e => e.EventId).ToList().IndexOf(c.EventId))
            .ThenBy(c => c.CandidateType, StringComparer.Ordinal)
            .ToList();
        return new DisclosureReview(true, j, policy.PolicyId, policy.Label, defaultApplied, spans, eventWindows, candidates, notes);
    }

    private static EventWindow WindowOf(MedicalEvent e, DateOnly j, WindowPolicy policy)
    {
        if (e.Date.YearUnresolved)
        {
            return new EventWindow(e.EventId, [DisclosureWindows.Unknown], DisclosureWindows.Unknown, false, null, false);
        }

        var start = e.Date.Date;
        var end = e.Date.PeriodEnd;
        var windows = DisclosureWindows.Of(start, end, j, policy.Windows);
        var primary = windows[0];
        var onJoin = start <= j && (end ?? start) >= j;
        var startedBefore = policy.Windows.FirstOrDefault(w => w.Name == primary) is { } pw && start < DisclosureWindows.StartOf(pw, j);
        return new EventWindow(e.EventId, windows, primary, onJoin, start <= j ? j.DayNumber - start.DayNumber : null, startedBefore);
    }

    private IEnumerable<(MedicalEvent, string, RuleHit, bool, bool)> Evaluate(
        string condition, Question question, IReadOnlyList<MedicalEvent> events, Dictionary<string, EventWindow> windows, WindowPolicy policy, DateOnly j)
    {
        bool InWindow(MedicalEvent e, out string window)
        {
            var w = windows[e.EventId];
            window = question.Window == "any" ? w.PrimaryWindow : question.Window;
            return question.Window == "any"
                ? policy.Windows.Any(pw => pw.Name == w.PrimaryWindow)
                : w.RelativeWindows.Contains(question.Window);
        }

        var label = policy.Windows.FirstOrDefault(w => w.Name == question.Window) is { } def ? DisclosureWindows.Label(def) : "고지 기간";
        switch (condition)
        {
            case "clinical_event":
                foreach (var e in events)
                {
                    if (e.Type == EventType.Unknown || !InWindow(e, out var w))
                    {
                        continue;
                    }

                    var coded = e.Diagnoses.Any(d => d.Code is not null);
                    if (e.Keywords.Contains("exclusion") && !coded)
                    {
                        continue;
                    }

                    yield return (e, TypeOf(e), new RuleHit(question.Id, w, $"{label} {ReportText.TypeLabel(e.Type)} 기록"), false, false);
                }

                break;
            case "admission":
                foreach (var e in events.Where(e => e.Type is EventType.Admission or EventType.Discharge))
                {
                    if (InWindow(e, out var w))
                    {
                        yield return (e, "admission", new RuleHit(question.Id, w, $"{label} 입원 기록"), false, false);
                    }
                }

                break;
            case "surgery":
                foreach (var e in events.Where(e => e.Type is EventType.Surgery or EventType.Procedure))
                {
                    if (InWindow(e, out var w))
                    {
                        yield return (e, "surgery", new RuleHit(question.Id, w, $"{label} {ReportText.TypeLabel(e.Type)} 기록"), false, false);
                    }
                }

                break;
            case "major_disease":
                foreach (var e in events)
                {
                    if (!InWindow(e, out var w))
                    {
                        continue;
                    }

                    // A diagnosis printed with its code is judged by the code: the configured prefixes say which codes a
                    // major disease covers (I15, secondary hypertension, is optional: domain.md §8.5), so a name's keyword
                    // (신혈관성 고혈압) stands in for a code only where no code is printed.
                    var coded = policies.MajorDiseases.FirstOrDefault(m => e.Diagnoses.Any(d => d.Code is { } c && m.Prefixes.Any(p => c.StartsWith(p, StringComparison.Ordinal))));
                    var named = coded ?? (e.Keywords.Contains("exclusion") ? null
                        : policies.MajorDiseases.FirstOrDefault(m => e.Diagnoses.Any(d => d.Code is null && d.Name is { } n && m.Keywords.Any(k => n.Contains(k, StringComparison.OrdinalIgnoreCase)))));
                    if (named is not null)
                    {
                        yield return (e, TypeOf(e), new RuleHit(question.Id, w, $"{label} 주요 질병({named.Name}) 관련 기록"), false, coded is null);
                    }
                }

                break;
            case "regular_medication":
                foreach (var e in events)
                {
                    if (InWindow(e, out var w) && e.Medications.Any(m => policies.RegularDrugClasses.Any(c => m.Contains(c, StringComparison.Ordinal))))
                    {
                        yield return (e, "medication", new RuleHit(question.Id, w, $"{label} 상시 복용 약물 관련 처방 기록"), false, false);
                    }
                }

                break;
            case "retest":
                foreach (var e in events.Where(e => e.Type == EventType.Exam))
                {
                    if (!InWindow(e, out var w))
                    {
                        continue;
                    }

                    var followed = e.Keywords.Contains("retest") || events.Any(later =>
                        later.Date.Date > e.Date.Date && later.Date.Date <= j && later.HospitalKey == e.HospitalKey && e.HospitalKey is not null
                        && (later.Keywords.Contains("retest") || later.Exams.Any(x => e.Exams.Any(y => y.Name == x.Name))));
                    if (followed)
                    {
                        yield return (e, "exam", new RuleHit(question.Id, w, $"{label} 검사 후 재검사 또는 추가검사 관련 기록"), true, false);
                    }
                }

                break;
            case "continuous_treatment_7d":
                foreach (var group in ConditionGroups(events.Where(e => e.Type is EventType.Outpatient or EventType.Procedure or EventType.Medication or EventType.Emergency)))
                {
                    var inWindow = group.Where(e => InWindow(e, out _)).OrderBy(e => e.Date.Date).ToList();
                    if (inWindow.Count < 2)
                    {
                        continue;
                    }

                    var first = inWindow[0].Date.Date;
                    var lastEnd = inWindow.Max(e => e.Date.Date.AddDays(Math.Max(0, (e.MedicationDays ?? 1) - 1)));
                    var span = lastEnd.DayNumber - first.DayNumber + 1;
                    if (span >= policies.Derived.ContinuousTreatmentDays && InWindow(inWindow[^1], out var w))
                    {
                        yield return (inWindow[^1], "continued_treatment", new RuleHit(question.Id, w, $"{label} 동일 질환 치료 기간이 {span}일로 계산되는 기록"), true, false);
                    }
                }

                break;
            case "continuous_medication_30d":
                foreach (var group in ConditionGroups(events.Where(e => e.MedicationDays is not null)))
                {
                    var inWindow = group.Where(e => InWindow(e, out _)).OrderBy(e => e.Date.Date).ToList();
                    var covered = Coverage(inWindow);
                    if (covered >= policies.Derived.ContinuousMedicationDays && InWindow(inWindow[^1], out var w))
                    {
                        yield return (inWindow[^1], "medication", new RuleHit(question.Id, w, $"{label} 동일 질환 투약 기간이 합계 {covered}일로 계산되는 기록"), true, false);
                    }
                }

                break;
            case "chronic_medication":
                foreach (var group in events
                    .Where(e => e.Date.Date <= j)
                    .SelectMany(e => e.Diagnoses.Where(d => d.Code is { } c && policies.ChronicCodePrefixes.Any(p => c.StartsWith(p, StringComparison.Ordinal))).Select(d => (Category: d.Code![..3], Event: e)))
                    .GroupBy(x => x.Category))
                {
                    var dated = group.Select(x => x.Event).DistinctBy(e => e.Date.Date).OrderBy(e => e.Date.Date).ToList();
                    if (dated.Count >= policies.Derived.ChronicMinOccurrences
                        && dated[^1].Date.Date.DayNumber - dated[0].Date.Date.DayNumber >= policies.Derived.ChronicMinSpanDays
                        && InWindow(dated[^1], out var w))
                    {
                        yield return (dated[^1], "continued_treatment", new RuleHit(question.Id, w, $"{group.Key} 관련 기록이 {dated.Count}회, {DisclosureWindows.Display(dated[0].Date.Date)}~{DisclosureWindows.Display(dated[^1].Date.Date)} 기간에 있는 만성질환 지속 치료 신호"), true, false);
                    }
                }

                break;
        }
    }

    /// <summary>Events of one condition: the same 3-character KCD category, else the same hospital and diagnosis name.</summary>
    private static IEnumerable<List<MedicalEvent>> ConditionGroups(IEnumerable<MedicalEvent> events) =>
        events
            .SelectMany(e => e.Diagnoses.Count == 0
                ? []
                : e.Diagnoses.Select(d => (Key: d.Code is { } c ? c[..3] : $"{e.HospitalKey}|{d.Name}", Event: e)))
            .GroupBy(x => x.Key)
            .Select(g => g.Select(x => x.Event).Distinct().ToList());

    private int Coverage(List<MedicalEvent> prescriptions)
    {
        var best = 0;
        DateOnly? runStart = null;
        DateOnly runEnd = default;
        var covered = 0;
        foreach (var e in prescriptions.Where(e => e.MedicationDays is > 0))
        {
            var start = e.Date.Date;
            var end = start.AddDays(e.MedicationDays!.Value - 1);
            if (runStart is null || start.DayNumber - runEnd.DayNumber - 1 > policies.Derived.GapToleranceDays)
            {
                runStart = start;
                runEnd = end;
                covered = e.MedicationDays.Value;
            }
            else if (end > runEnd)
            {
                covered += end.DayNumber - Math.Max(runEnd.DayNumber, start.DayNumber - 1);
                runEnd = end;
            }

            best = Math.Max(best, covered);
        }

        return best;
    }

    private static string TypeOf(MedicalEvent e) => e.Type switch
    {
        EventType.Surgery or EventType.Procedure => "surgery",
        EventType.Admission or EventType.Discharge => "admission",
        EventType.Pathology => "pathology",
        EventType.Exam => "exam",
        EventType.Medication => "medication",
        _ => e.Diagnoses.Count > 0 ? "diagnosis" : "other",
    };

    private static DisclosureCandidate Candidate(
        MedicalEvent e, string type, List<(RuleHit Hit, bool Derived, bool Keyword)> hits, EventWindow window, WindowPolicy policy, DateOnly j)
    {
        var order = policy.Windows.Select(w => w.Name).ToList();
        var chosen = hits.Select(h => h.Hit.Window).OrderBy(w => order.IndexOf(w) < 0 ? int.MaxValue : order.IndexOf(w)).First();
        var definition = policy.Windows.First(w => w.Name == chosen);
        var coded = e.Diagnoses.Any(d => d.Code is not null);
        var derivedOnly = hits.All(h => h.Derived);
        var keywordOnly = hits.All(h => h.Keyword);
        var strength = derivedOnly || keywordOnly || e.ReviewNeeded ? "weak"
            : coded || e.Type is EventType.Surgery or EventType.Procedure or EventType.Admission or EventType.Discharge ? "strong"
            : "medium";
        var review = strength == "weak" || window.OnJoinDate;
        string? unresolved = e.ReviewNeeded ? string.Join(",", e.UnresolvedReasons)
            : !coded && type is "diagnosis" or "other" ? "diagnosisCodeMissing"
            : derivedOnly ? "derivedRule" : null;
        var what = type switch
        {
            "admission" => "입원",
            "surgery" => ReportText.TypeLabel(e.Type),
            "pathology" => "병리(조직)검사",
            "exam" => derivedOnly ? "검사 후 재검사·추가검사 관련" : "검사",
            "medication" => derivedOnly ? "지속 투약 관련" : "투약",
            "continued_treatment" => "지속 치료 관련",
            "diagnosis" => "진단명이 기재된 진료",
            _ => "진료",
        };
        var rationale = $"보험가입일({DisclosureWindows.Display(j)}) 기준 {DisclosureWindows.Label(definition)}({DisclosureWindows.Display(DisclosureWindows.StartOf(definition, j))}~{DisclosureWindows.Display(j)})에 {what} 기록이 있어 검토 후보로 보입니다.";
        if (!coded && type is not ("admission" or "surgery"))
        {
            rationale += " 진단 코드가 원문에서 확인되지 않아 추가 검토가 필요합니다.";
        }

        if (window.OnJoinDate)
        {
            rationale += " 보험가입일 당일의 기록으로, 계약과의 선후는 날짜만으로 확인할 수 없어 확인이 필요합니다.";
        }

        if (window.StartedBeforeWindow)
        {
            rationale += " 기간이 고지 기간 시작 전에 시작되었습니다.";
        }

        if (derivedOnly)
        {
            rationale += " 계산 기준에 따라 해석이 달라질 수 있어 전문가 검토를 권장합니다.";
        }

        WordingGuard.EnsureClean(rationale);
        return new DisclosureCandidate(
            e.EventId, chosen, window.RelativeWindows, type, strength, review,
            hits.Select(h => h.Hit).Distinct().ToList(), rationale, unresolved, window.OnJoinDate, e.EvidenceRefs.Take(3).ToList());
    }
}

public sealed class UnknownPolicyException(string policyId) : Exception($"Unknown disclosure window policy '{policyId}'")
{
    public string PolicyId { get; } = policyId;
}
