using VNexsus.Ocr;

namespace VNexsus.Rules.Events;

/// <summary>A date candidate in its block, with its classification and, when dropped, the reason.</summary>
internal sealed class DateCandidate
{
    public required int FileOrder { get; init; }

    public required string FileName { get; init; }

    public required int Page { get; init; }

    public required TextBlock Block { get; init; }

    public required int IndexInBlock { get; init; }

    public required int SegmentStart { get; init; }

    public required int SegmentEnd { get; init; }

    public required FoundDate Date { get; init; }

    public required DateType Type { get; set; }

    public string? Label { get; init; }

    public string? ExcludedReason { get; set; }

    public bool Consumed { get; set; }

    public bool InHeaderZone { get; init; }

    public DateCandidate? PairedEnd { get; set; }
}

/// <summary>One kept date with the entities of its window (domain.md §7.6): the unit that merges into events.</summary>
internal sealed class Atom
{
    public required DateCandidate Anchor { get; init; }

    public required EventType Type { get; set; }

    public DateOnly Date => Anchor.Date.Date;

    public DateOnly? End { get; set; }

    public TimeOnly? Time => Anchor.Date.Time;

    public required int FileOrder { get; init; }

    public required int Page { get; init; }

    public required int Block { get; init; }

    public required int PageOffset { get; init; }

    public string? Hospital { get; set; }

    public string? HospitalKey { get; set; }

    public List<string> OtherHospitals { get; } = [];

    public bool HospitalConflict { get; set; }

    public bool HospitalFromFallback { get; set; }

    public List<string> Departments { get; } = [];

    public List<Diagnosis> Diagnoses { get; } = [];

    public List<ExamRecord> Exams { get; } = [];

    public List<string> Treatments { get; } = [];

    public List<string> Medications { get; } = [];

    public List<string> PastHistory { get; } = [];

    public int? MedicationDays { get; set; }

    public string? Opinion { get; set; }

    public string? Reason { get; set; }

    public bool CodeProblem { get; set; }

    public bool MixedType { get; set; }

    public Signals Signals { get; set; }

    public List<EvidenceRef> Evidence { get; } = [];

    public List<string> Keywords { get; } = [];

    public List<Atom> Merged { get; } = [];
}
