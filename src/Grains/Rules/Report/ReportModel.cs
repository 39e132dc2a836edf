namespace VNexsus.Rules.Report;

// The analysis report of domain.md §9 as JSON (camelCase). The names of timeline, disclosure, clusters, warnings,
// excluded and statistics are a contract with external tools (issue 4): keep them. `disclosure` is the first contract's
// review; `disclosureReview[]` holds one per contract (domain.md §9.1), the first included.

public sealed record ReportBox(double XMin, double YMin, double XMax, double YMax);

public sealed record ReportEvidence(int FileIndex, string FileName, int Page, int BlockIndex, ReportBox? Bbox, string Quote, bool Primary);

public sealed record ReportDiagnosis(string? Code, string? Name, string? CodeRaw, bool IsPrimary, bool Suspected);

public sealed record ReportExam(string Name, string? ExamDate, string? ResultDate, string? Result);

public sealed record TimelineRow(
    string EventId,
    string Date,
    string? EndDate,
    string? Time,
    string Precision,
    bool YearUnresolved,
    string Type,
    string TypeLabel,
    string? Hospital,
    string? HospitalKey,
    string? Department,
    IReadOnlyList<ReportDiagnosis> Diagnoses,
    IReadOnlyList<ReportExam> Exams,
    IReadOnlyList<string> Treatments,
    IReadOnlyList<string> Medications,
    int? AdmissionDays,
    int? MedicationDays,
    IReadOnlyList<string> PastHistory,
    string? DoctorOpinion,
    string Content,
    IReadOnlyList<string> Windows,
    string PrimaryWindow,
    IReadOnlyList<ContractWindows> ContractWindows,
    bool ReviewNeeded,
    IReadOnlyList<string> UnresolvedReasons,
    double Ambiguity,
    IReadOnlyList<string> RelatedEventIds,
    IReadOnlyList<ReportEvidence> Evidence);

/// <summary>An event's windows for one contract (the row's <c>windows</c>/<c>primaryWindow</c> are the first contract's).</summary>
public sealed record ContractWindows(string ContractId, IReadOnlyList<string> Windows, string PrimaryWindow);

public sealed record WindowMarker(string Date, string Label, string ContractId);

public sealed record Slot(int No, string Key, string Title, string Value, IReadOnlyList<ReportEvidence> EvidenceRefs);

public sealed record InvestigatorBlock(string EventId, string Heading, IReadOnlyList<Slot> Slots);

public sealed record ReportWindow(string Name, string Label, string Unit, int Amount, string? Start, string? End);

public sealed record ReportPolicy(string PolicyId, string Label, bool DefaultApplied, IReadOnlyList<ReportWindow> Windows);

public sealed record ReportRuleHit(string RuleId, string Window, string Reason);

public sealed record ReportCandidate(
    string EventId,
    string Date,
    string? EndDate,
    string Window,
    IReadOnlyList<string> RelativeWindows,
    string CandidateType,
    string Strength,
    bool ReviewNeeded,
    bool OnJoinDate,
    IReadOnlyList<ReportRuleHit> RuleHits,
    string Rationale,
    string? UnresolvedReason,
    IReadOnlyList<ReportEvidence> Evidence);

public sealed record CandidateOverview(int CandidateCount, int ReviewNeededCount, IReadOnlyDictionary<string, int> ByWindow, string Summary);

public sealed record ReportDisclosure(
    bool JoinDateAvailable,
    string? JoinDate,
    string InsuranceJoinDateSource,
    ReportPolicy Policy,
    CandidateOverview CandidateOverview,
    IReadOnlyList<ReportCandidate> Candidates,
    IReadOnlyList<PolicyNote> Notices,
    string ContractId);

public sealed record Cluster(string Name, string Label, string Status, string Overview, IReadOnlyList<string> RelatedEventIds, IReadOnlyList<ReportEvidence> KeyEvidence, IReadOnlyList<string> ReviewNotes);

public sealed record ReviewFlag(string Code, string Title, string Reason, IReadOnlyList<string> RelatedEventIds);

public sealed record ConfidenceAndReview(string OverallConfidence, int ReviewNeededCount, int UnresolvedCount, IReadOnlyList<ReviewFlag> MajorReviewFlags, IReadOnlyList<string> Notices);

public sealed record ReportExcluded(string Date, string? EndDate, string Raw, string DateType, string Reason, string ReasonLabel, ReportEvidence Evidence);

public sealed record ReportCourse(string? Hospital, string? HospitalKey, string First, string Last, int Visits, string Display);

public sealed record DocumentInventory(int Documents, int Pages, IReadOnlyList<string> Hospitals, string? FirstDate, string? LastDate, IReadOnlyList<string> Files);

public sealed record ReportContract(string ContractId, string? InsuranceJoinDate, string InsuranceJoinDateSource, string PolicyId);

/// <summary>The first contract's date and policy (single-contract clients read these) and every contract.</summary>
public sealed record CaseBasicInfo(
    string? JobId, string? InsuranceJoinDate, string InsuranceJoinDateSource, string PolicyId, string GeneratedAt, string RuleSetVersion, string AnalysisKey,
    IReadOnlyList<ReportContract> Contracts);

public sealed record ReportStatistics(
    int Files, int Pages, int Blocks, int Total, int Filtered, int Excluded, int Atoms, int Events, int ReviewNeeded, int Candidates,
    IReadOnlyDictionary<string, int> ExcludedByReason, IReadOnlyDictionary<string, int> EventsByType);

public sealed record AnalysisReport(
    CaseBasicInfo CaseBasicInfo,
    DocumentInventory DocumentInventorySummary,
    IReadOnlyList<TimelineRow> Timeline,
    IReadOnlyList<WindowMarker> WindowMarkers,
    IReadOnlyList<InvestigatorBlock> InvestigatorBlocks,
    IReadOnlyList<ReportCourse> OutpatientCourses,
    ReportDisclosure Disclosure,
    IReadOnlyList<ReportDisclosure> DisclosureReview,
    IReadOnlyList<Cluster> Clusters,
    ConfidenceAndReview ConfidenceAndReview,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<PolicyNote> PolicyNotes,
    IReadOnlyList<ReportExcluded> Excluded,
    ReportStatistics Statistics);
