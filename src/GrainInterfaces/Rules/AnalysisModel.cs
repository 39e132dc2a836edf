namespace VNexsus.Rules;

/// <summary>One extracted document as input to the rules, in upload order.</summary>
[GenerateSerializer, Immutable, Alias("VNexsus.AnalysisDocument")]
public sealed record AnalysisDocument(
    [property: Id(0)] int FileOrder,
    [property: Id(1)] string FileName,
    [property: Id(2)] string Sha256);

/// <summary>Everything the rules need; its hash is the key of the <see cref="IRuleGrain"/> that analyses it.</summary>
[GenerateSerializer, Immutable, Alias("VNexsus.AnalysisRequest")]
public sealed record AnalysisRequest(
    [property: Id(0)] IReadOnlyList<AnalysisDocument> Documents,
    [property: Id(1)] DateOnly? InsuranceJoinDate);

public enum DatePrecision
{
    Day,
    Month,
}

/// <summary>Where an event was read: file, upload-order page, line (block) and the quoted text.</summary>
[GenerateSerializer, Immutable, Alias("VNexsus.Evidence")]
public sealed record Evidence(
    [property: Id(0)] int FileOrder,
    [property: Id(1)] string FileName,
    [property: Id(2)] int Page,
    [property: Id(3)] int BlockIndex,
    [property: Id(4)] string Quote);

/// <summary>A date found in the text: a day or month, optionally a period end and a time, with its raw form.</summary>
[GenerateSerializer, Immutable, Alias("VNexsus.FoundDate")]
public sealed record FoundDate(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] DatePrecision Precision,
    [property: Id(2)] DateOnly? PeriodEnd,
    [property: Id(3)] TimeOnly? Time,
    [property: Id(4)] string Raw,
    [property: Id(5)] bool YearUnresolved);

/// <summary>A dated line of a record. The full event model (type, hospital, diagnoses) comes with the rule engine.</summary>
[GenerateSerializer, Immutable, Alias("VNexsus.MedicalEvent")]
public sealed record MedicalEvent(
    [property: Id(0)] string EventId,
    [property: Id(1)] FoundDate Date,
    [property: Id(2)] IReadOnlyList<FoundDate> OtherDates,
    [property: Id(3)] Evidence Evidence,
    [property: Id(4)] bool ReviewNeeded);

[GenerateSerializer, Immutable, Alias("VNexsus.AnalysisResult")]
public sealed record AnalysisResult(
    [property: Id(0)] string Key,
    [property: Id(1)] DateOnly? InsuranceJoinDate,
    [property: Id(2)] IReadOnlyList<MedicalEvent> Events,
    [property: Id(3)] DateTimeOffset CreatedAt);
