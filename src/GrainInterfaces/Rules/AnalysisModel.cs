namespace VNexsus.Rules;

/// <summary>One extracted document as input to the rules, in upload order.</summary>
[GenerateSerializer, Immutable, Alias("VNexsus.AnalysisDocument")]
public sealed record AnalysisDocument(
    [property: Id(0)] int FileOrder,
    [property: Id(1)] string FileName,
    [property: Id(2)] string Sha256);

/// <summary>
/// One insurance contract to review (domain.md §3.2, §8.1): its enrollment date, user input only and null when not
/// given (limited review), and its window policy (null: the configured default).
/// </summary>
[GenerateSerializer, Immutable, Alias("VNexsus.ContractInput")]
public sealed record ContractInput(
    [property: Id(0)] string ContractId,
    [property: Id(1)] DateOnly? JoinDate,
    [property: Id(2)] string? PolicyId)
{
    /// <summary>The id of a contract given without one (the v1 single enrollment date is contract "1").</summary>
    public const string FirstId = "1";
}

/// <summary>
/// Everything the rules need; its hash is the key of the <see cref="IRuleGrain"/> that analyses it. Each contract is
/// reviewed separately against its own date and policy; the first is the report's <c>disclosure</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("VNexsus.AnalysisRequest")]
public sealed record AnalysisRequest(
    [property: Id(0)] IReadOnlyList<AnalysisDocument> Documents,
    [property: Id(1)] IReadOnlyList<ContractInput> Contracts)
{
    /// <summary>A request with one contract: the single enrollment date and policy of the v1-style inputs.</summary>
    public AnalysisRequest(IReadOnlyList<AnalysisDocument> documents, DateOnly? insuranceJoinDate, string? policyId = null)
        : this(documents, [new ContractInput(ContractInput.FirstId, insuranceJoinDate, policyId)])
    {
    }
}

public enum DatePrecision
{
    Day,
    Month,
}

/// <summary>Date type classes of domain.md §6.4.</summary>
public enum DateType
{
    Visit,
    Exam,
    Result,
    Pathology,
    Surgery,
    Admission,
    Discharge,
    Plan,
    History,
    Admin,
    Irrelevant,
}

/// <summary>Event types of domain.md §7.3.</summary>
public enum EventType
{
    Outpatient,
    Emergency,
    Admission,
    Discharge,
    Surgery,
    Procedure,
    Exam,
    Pathology,
    Medication,
    Unknown,
}

/// <summary>Where an event was read: file, upload-order page, line (block) and the quoted text (at most 25 words).</summary>
[GenerateSerializer, Immutable, Alias("VNexsus.Evidence")]
public sealed record Evidence(
    [property: Id(0)] int FileOrder,
    [property: Id(1)] string FileName,
    [property: Id(2)] int Page,
    [property: Id(3)] int BlockIndex,
    [property: Id(4)] string Quote);

/// <summary>An evidence reference of domain.md §7.9: the location plus the block's box (null for plain text) and its relation.</summary>
[GenerateSerializer, Immutable, Alias("VNexsus.EvidenceRef")]
public sealed record EvidenceRef(
    [property: Id(0)] Evidence Location,
    [property: Id(1)] VNexsus.Ocr.BoundingBox? Box,
    [property: Id(2)] bool Primary);

/// <summary>A date found in the text: a day or month, optionally a period end and a time, with its raw form.</summary>
[GenerateSerializer, Immutable, Alias("VNexsus.FoundDate")]
public sealed record FoundDate(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] DatePrecision Precision,
    [property: Id(2)] DateOnly? PeriodEnd,
    [property: Id(3)] TimeOnly? Time,
    [property: Id(4)] string Raw,
    [property: Id(5)] bool YearUnresolved);

/// <summary>A diagnosis as written: a name, a code (only when present in the text, normalised), or the raw reading when doubtful.</summary>
[GenerateSerializer, Immutable, Alias("VNexsus.Diagnosis")]
public sealed record Diagnosis(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? Code,
    [property: Id(2)] string? CodeRaw,
    [property: Id(3)] bool IsPrimary,
    [property: Id(4)] bool Suspected);

/// <summary>An exam with its result (report) date when the record pairs them.</summary>
[GenerateSerializer, Immutable, Alias("VNexsus.ExamRecord")]
public sealed record ExamRecord(
    [property: Id(0)] string Name,
    [property: Id(1)] DateOnly? ExamDate,
    [property: Id(2)] DateOnly? ResultDate,
    [property: Id(3)] string? Result);

/// <summary>
/// A medical event of domain.md §7.2. <see cref="Date"/> holds the date or period (start, <c>PeriodEnd</c>);
/// <see cref="Evidence"/> is the primary reference, <see cref="EvidenceRefs"/> all of them.
/// </summary>
[GenerateSerializer, Immutable, Alias("VNexsus.MedicalEvent")]
public sealed record MedicalEvent(
    [property: Id(0)] string EventId,
    [property: Id(1)] FoundDate Date,
    [property: Id(2)] IReadOnlyList<FoundDate> OtherDates,
    [property: Id(3)] Evidence Evidence,
    [property: Id(4)] bool ReviewNeeded,
    [property: Id(5)] EventType Type,
    [property: Id(6)] string? Hospital,
    [property: Id(7)] string? HospitalKey,
    [property: Id(8)] string? Department,
    [property: Id(9)] IReadOnlyList<Diagnosis> Diagnoses,
    [property: Id(10)] IReadOnlyList<ExamRecord> Exams,
    [property: Id(11)] IReadOnlyList<string> Treatments,
    [property: Id(12)] IReadOnlyList<string> Medications,
    [property: Id(13)] int? MedicationDays,
    [property: Id(14)] int? AdmissionDays,
    [property: Id(15)] IReadOnlyList<string> PastHistory,
    [property: Id(16)] string? DoctorOpinion,
    [property: Id(17)] string? VisitReason,
    [property: Id(18)] IReadOnlyList<EvidenceRef> EvidenceRefs,
    [property: Id(19)] double Ambiguity,
    [property: Id(20)] IReadOnlyList<string> UnresolvedReasons,
    [property: Id(21)] IReadOnlyList<string> RelatedEventIds,
    [property: Id(22)] IReadOnlyList<string> OtherHospitals,
    [property: Id(23)] IReadOnlyList<string> Keywords);

/// <summary>A date or atom kept out of the timeline, with the reason (the plan's <c>excluded</c>).</summary>
[GenerateSerializer, Immutable, Alias("VNexsus.ExcludedItem")]
public sealed record ExcludedItem(
    [property: Id(0)] FoundDate Date,
    [property: Id(1)] DateType DateType,
    [property: Id(2)] string Reason,
    [property: Id(3)] Evidence Evidence);

/// <summary>A rule that made an event a candidate.</summary>
[GenerateSerializer, Immutable, Alias("VNexsus.RuleHit")]
public sealed record RuleHit(
    [property: Id(0)] string RuleId,
    [property: Id(1)] string Window,
    [property: Id(2)] string Reason);

/// <summary>The windows one event falls into (domain.md §8.4).</summary>
[GenerateSerializer, Immutable, Alias("VNexsus.EventWindow")]
public sealed record EventWindow(
    [property: Id(0)] string EventId,
    [property: Id(1)] IReadOnlyList<string> RelativeWindows,
    [property: Id(2)] string PrimaryWindow,
    [property: Id(3)] bool OnJoinDate,
    [property: Id(4)] int? DaysBeforeJoin,
    [property: Id(5)] bool StartedBeforeWindow);

/// <summary>A disclosure review candidate (domain.md §8.7): never a verdict.</summary>
[GenerateSerializer, Immutable, Alias("VNexsus.DisclosureCandidate")]
public sealed record DisclosureCandidate(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Window,
    [property: Id(2)] IReadOnlyList<string> RelativeWindows,
    [property: Id(3)] string CandidateType,
    [property: Id(4)] string Strength,
    [property: Id(5)] bool ReviewNeeded,
    [property: Id(6)] IReadOnlyList<RuleHit> RuleHits,
    [property: Id(7)] string Rationale,
    [property: Id(8)] string? UnresolvedReason,
    [property: Id(9)] bool OnJoinDate,
    [property: Id(10)] IReadOnlyList<EvidenceRef> Evidence);

[GenerateSerializer, Immutable, Alias("VNexsus.WindowSpan")]
public sealed record WindowSpan(
    [property: Id(0)] string Name,
    [property: Id(1)] string Unit,
    [property: Id(2)] int Amount,
    [property: Id(3)] DateOnly? Start,
    [property: Id(4)] DateOnly? End);

[GenerateSerializer, Immutable, Alias("VNexsus.PolicyNote")]
public sealed record PolicyNote(
    [property: Id(0)] string Type,
    [property: Id(1)] string Message);

/// <summary>The disclosure review of one contract (domain.md §8.8).</summary>
[GenerateSerializer, Immutable, Alias("VNexsus.DisclosureReview")]
public sealed record DisclosureReview(
    [property: Id(0)] bool JoinDateAvailable,
    [property: Id(1)] DateOnly? JoinDate,
    [property: Id(2)] string PolicyId,
    [property: Id(3)] string PolicyLabel,
    [property: Id(4)] bool DefaultPolicyApplied,
    [property: Id(5)] IReadOnlyList<WindowSpan> Windows,
    [property: Id(6)] IReadOnlyList<EventWindow> EventWindows,
    [property: Id(7)] IReadOnlyList<DisclosureCandidate> Candidates,
    [property: Id(8)] IReadOnlyList<PolicyNote> Notes,
    [property: Id(9)] string ContractId = ContractInput.FirstId);

/// <summary>Outpatient course per hospital: first ~ last visit and the number of distinct visit dates (domain.md §7.7).</summary>
[GenerateSerializer, Immutable, Alias("VNexsus.OutpatientCourse")]
public sealed record OutpatientCourse(
    [property: Id(0)] string? HospitalKey,
    [property: Id(1)] string? Hospital,
    [property: Id(2)] DateOnly First,
    [property: Id(3)] DateOnly Last,
    [property: Id(4)] int Visits,
    [property: Id(5)] IReadOnlyList<string> EventIds);

/// <summary>Counts of the run (the plan's <c>statistics</c>): total date candidates, kept (filtered) and excluded.</summary>
[GenerateSerializer, Immutable, Alias("VNexsus.AnalysisStatistics")]
public sealed record AnalysisStatistics(
    [property: Id(0)] int Files,
    [property: Id(1)] int Pages,
    [property: Id(2)] int Blocks,
    [property: Id(3)] int Total,
    [property: Id(4)] int Filtered,
    [property: Id(5)] int Excluded,
    [property: Id(6)] int Atoms,
    [property: Id(7)] int Events,
    [property: Id(8)] int ReviewNeeded,
    [property: Id(9)] int Candidates,
    [property: Id(10)] IReadOnlyDictionary<string, int> ExcludedByReason);

/// <summary>A file as the analysis saw it.</summary>
[GenerateSerializer, Immutable, Alias("VNexsus.AnalysedFile")]
public sealed record AnalysedFile(
    [property: Id(0)] int FileOrder,
    [property: Id(1)] string FileName,
    [property: Id(2)] int Pages);

[GenerateSerializer, Immutable, Alias("VNexsus.AnalysisResult")]
public sealed record AnalysisResult(
    [property: Id(0)] string Key,
    [property: Id(1)] DateOnly? InsuranceJoinDate,
    [property: Id(2)] IReadOnlyList<MedicalEvent> Events,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] string RuleSetVersion,
    [property: Id(5)] IReadOnlyList<ExcludedItem> Excluded,
    [property: Id(6)] DisclosureReview Disclosure,
    [property: Id(7)] IReadOnlyList<OutpatientCourse> OutpatientCourses,
    [property: Id(8)] AnalysisStatistics Statistics,
    [property: Id(9)] IReadOnlyList<AnalysedFile> Files,
    [property: Id(10)] IReadOnlyList<DisclosureReview>? ContractReviews = null)
{
    /// <summary>One review per contract, in input order; <see cref="Disclosure"/> is the first (analyses stored before contracts: the only one).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<DisclosureReview> Reviews => ContractReviews is { Count: > 0 } reviews ? reviews : [Disclosure];
}
