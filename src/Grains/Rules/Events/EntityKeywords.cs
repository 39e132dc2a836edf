namespace VNexsus.Rules.Events;

/// <summary>Entity seeds of domain.md §7.1, read from <c>entity-keywords.json</c>.</summary>
public sealed record EntityKeywords(
    IReadOnlyList<string> Departments,
    IReadOnlyList<string> DiagnosisCues,
    IReadOnlyList<string> SuspectedCues,
    IReadOnlyList<string> Exams,
    IReadOnlyList<string> Retest,
    IReadOnlyList<string> Treatments,
    IReadOnlyList<string> SurgeryWords,
    IReadOnlyList<string> ProcedureWords,
    IReadOnlyList<string> AdmissionWords,
    IReadOnlyList<string> DischargeWords,
    IReadOnlyList<string> EmergencyWords,
    IReadOnlyList<string> PathologyWords,
    IReadOnlyList<string> MedicationWords,
    IReadOnlyList<string> PrescriptionTitles,
    IReadOnlyList<string> OutpatientWords,
    IReadOnlyList<string> Symptoms,
    IReadOnlyList<string> OpinionCues,
    IReadOnlyList<string> ReasonCues,
    IReadOnlyList<string> ReferralWords,
    IReadOnlyList<string> CheckupWords,
    IReadOnlyList<string> ExclusionWords,
    IReadOnlyList<string> CodeExclusionBefore,
    IReadOnlyList<string> CodeExclusionAfter);
