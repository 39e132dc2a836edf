namespace VNexsus.Rules.Disclosure;

public sealed record WindowDefinition(string Name, string Unit, int Amount);

public sealed record Question(string Id, string Window, string Label, IReadOnlyList<string> Conditions);

/// <summary>A window policy (domain.md §8.2): windows measured back from the enrollment date, and the questions asked in them.</summary>
public sealed record WindowPolicy(string PolicyId, string Label, string Boundary, IReadOnlyList<WindowDefinition> Windows, IReadOnlyList<Question> Questions);

public sealed record MajorDisease(string Name, IReadOnlyList<string> Prefixes, IReadOnlyList<string> Keywords);

public sealed record DerivedRules(
    int ChronicMinOccurrences,
    int ChronicMinSpanDays,
    int ContinuousTreatmentDays,
    string TreatmentMeasure,
    int ContinuousMedicationDays,
    int GapToleranceDays);

/// <summary>The contents of <c>policies.json</c>.</summary>
public sealed record PolicyData(
    string DefaultPolicyId,
    IReadOnlyList<WindowPolicy> Policies,
    IReadOnlyList<MajorDisease> MajorDiseases,
    IReadOnlyList<string> ChronicCodePrefixes,
    IReadOnlyList<string> RegularDrugClasses,
    DerivedRules Derived);
