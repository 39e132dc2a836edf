using System.Globalization;
using VNexsus.Ocr;
using VNexsus.Rules;
using VNexsus.Rules.Codes;
using VNexsus.Rules.Events;
using VNexsus.Rules.Report;

namespace VNexsus.Accuracy;

/// <summary>Hits and totals of one measure; ratios are 1 when there is nothing to find.</summary>
public sealed class Tally
{
    public int Hits { get; set; }

    public int Total { get; set; }

    public double Ratio => Total == 0 ? 1 : (double)Hits / Total;

    public void Add(int hits, int total)
    {
        Hits += hits;
        Total += total;
    }

    public void Add(Tally other) => Add(other.Hits, other.Total);
}

/// <summary>The measures of domain.md §10.3 for one case (or summed over many).</summary>
public sealed class Score
{
    public Tally DateRecall { get; } = new();
    public Tally DatePrecision { get; } = new();
    public Tally FakeKeptOut { get; } = new();
    public Tally EventRecall { get; } = new();
    public Tally EventPrecision { get; } = new();
    public Tally CodeRecall { get; } = new();
    public Tally CodesGrounded { get; } = new();
    public Tally Hospital { get; } = new();
    public Tally EventType { get; } = new();
    public Tally DisclosureRecall { get; } = new();
    public Tally DisclosurePrecision { get; } = new();
    public Tally EvidenceCoverage { get; } = new();
    public Tally EvidenceValid { get; } = new();
    public Tally EvidencePage { get; } = new();
    public Tally AdmissionDays { get; } = new();
    public List<string> Misses { get; } = [];

    public void Add(Score other)
    {
        foreach (var (mine, theirs) in Tallies().Zip(other.Tallies()))
        {
            mine.Add(theirs);
        }

        Misses.AddRange(other.Misses);
    }

    public IEnumerable<Tally> Tallies() =>
    [
        DateRecall, DatePrecision, FakeKeptOut, EventRecall, EventPrecision, CodeRecall, CodesGrounded, Hospital, EventType,
        DisclosureRecall, DisclosurePrecision, EvidenceCoverage, EvidenceValid, EvidencePage, AdmissionDays,
    ];
}

public static class Scorer
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Runs the engine on a case (all its contracts at once) and scores events, codes, hospitals, evidence and each contract's candidates.</summary>
    public static (Score Score, AnalysisResult Analysis) Evaluate(RuleEngine engine, GoldenCase golden) => Evaluate(engine, golden, golden.Read());

    /// <summary>Scores the case on documents read another way (scans of its PDFs through OCR) against the same expectations.</summary>
    public static (Score Score, AnalysisResult Analysis) Evaluate(RuleEngine engine, GoldenCase golden, IReadOnlyList<RuleDocument> documents)
    {
        var analysis = GoldenSet.Run(engine, documents, golden.Contracts);
        var score = new Score();
        var events = analysis.Events;
        var expected = golden.Expected.Events;
        string Tag(string what) => $"{golden.CaseId}: {what}";

        // Dates: expected event dates (starts and ends) vs core-event dates.
        var expectedDates = expected.SelectMany(e => e.EndDate is null ? [e.Date] : new[] { e.Date, e.EndDate }).ToHashSet();
        var outputDates = events.Where(e => !e.Date.YearUnresolved)
            .SelectMany(e => e.Date.PeriodEnd is { } end ? [Iso(e.Date.Date), Iso(end)] : new[] { Iso(e.Date.Date) }).ToHashSet();
        score.DateRecall.Add(expectedDates.Count(outputDates.Contains), expectedDates.Count);
        score.DatePrecision.Add(outputDates.Count(expectedDates.Contains), outputDates.Count);
        foreach (var missing in expectedDates.Where(d => !outputDates.Contains(d)))
        {
            score.Misses.Add(Tag($"date missing {missing}"));
        }

        foreach (var extra in outputDates.Where(d => !expectedDates.Contains(d)))
        {
            score.Misses.Add(Tag($"extra date {extra}"));
        }

        var fakes = golden.Expected.MustNotInclude;
        score.FakeKeptOut.Add(fakes.Count(f => !outputDates.Contains(f.Date)), fakes.Count);
        foreach (var leak in fakes.Where(f => outputDates.Contains(f.Date)))
        {
            score.Misses.Add(Tag($"fake date leaked {leak.Date} ({leak.Reason})"));
        }

        // Events: (date, type, hospital) as multisets.
        var outputKeys = events.Select(e => (Iso(e.Date.Date), ReportText.TypeName(e.Type), e.HospitalKey ?? "")).ToList();
        var remaining = outputKeys.ToList();
        var matched = 0;
        foreach (var e in expected)
        {
            var key = (e.Date, e.Type, e.HospitalKey);
            if (remaining.Remove(key))
            {
                matched++;
            }
            else
            {
                score.Misses.Add(Tag($"event missing {e.Date} {e.Type} {e.HospitalKey}"));
            }
        }

        foreach (var extra in remaining)
        {
            score.Misses.Add(Tag($"extra event {extra.Item1} {extra.Item2} {extra.Item3}"));
        }

        score.EventRecall.Add(matched, expected.Count);
        score.EventPrecision.Add(matched, outputKeys.Count);

        // Hospitals and types on (date, hospital) matches; codes and evidence pages on date matches.
        foreach (var e in expected)
        {
            var sameDate = events.Where(o => Iso(o.Date.Date) == e.Date && o.Evidence.FileOrder == e.File).ToList();
            var withHospital = sameDate.FirstOrDefault(o => o.HospitalKey == e.HospitalKey);
            score.Hospital.Add(withHospital is null ? 0 : 1, 1);
            if (withHospital is not null)
            {
                var typeOk = ReportText.TypeName(withHospital.Type) == e.Type;
                score.EventType.Add(typeOk ? 1 : 0, 1);
                if (!typeOk)
                {
                    score.Misses.Add(Tag($"type {e.Date}: expected {e.Type}, got {ReportText.TypeName(withHospital.Type)}"));
                }
            }
            else if (sameDate.Count > 0)
            {
                score.Misses.Add(Tag($"hospital {e.Date}: expected {e.HospitalKey}, got {string.Join(",", sameDate.Select(o => o.HospitalKey ?? "null"))}"));
            }

            var codes = sameDate.SelectMany(o => o.Diagnoses).Where(d => d.Code is not null).Select(d => d.Code!).ToHashSet();
            foreach (var code in e.Codes)
            {
                var found = codes.Contains(code);
                score.CodeRecall.Add(found ? 1 : 0, 1);
                if (!found)
                {
                    score.Misses.Add(Tag($"code missing {e.Date} {code}"));
                }
            }

            if (e.AdmissionDays is { } days)
            {
                var ok = sameDate.Any(o => o.AdmissionDays == days);
                score.AdmissionDays.Add(ok ? 1 : 0, 1);
                if (!ok)
                {
                    score.Misses.Add(Tag($"admission days {e.Date}: expected {days}, got {string.Join(",", sameDate.Select(o => o.AdmissionDays?.ToString(CultureInfo.InvariantCulture) ?? "null"))}"));
                }
            }

            if (sameDate.Count > 0)
            {
                score.EvidencePage.Add(sameDate.Any(o => o.EvidenceRefs.Any(r => r.Location.Page == e.Page)) ? 1 : 0, 1);
            }
        }

        // Every output code must be printed in its evidence (after normalisation): zero invented codes.
        var kcd = engine.Data.Kcd;
        foreach (var e in events)
        {
            var printed = e.EvidenceRefs
                .SelectMany(r => kcd.Find(BlockText(documents, r.Location) ?? "", true, [], []))
                .Select(t => t.Code).ToHashSet();
            foreach (var code in e.Diagnoses.Where(d => d.Code is not null).Select(d => d.Code!))
            {
                var grounded = printed.Contains(code);
                score.CodesGrounded.Add(grounded ? 1 : 0, 1);
                if (!grounded)
                {
                    score.Misses.Add(Tag($"code {code} on {e.EventId} not in its evidence"));
                }
            }

            score.EvidenceCoverage.Add(e.EvidenceRefs.Count > 0 ? 1 : 0, 1);
            foreach (var r in e.EvidenceRefs)
            {
                var text = BlockText(documents, r.Location);
                var ok = text is not null && EventBuilder.Quote(text) == r.Location.Quote;
                score.EvidenceValid.Add(ok ? 1 : 0, 1);
            }
        }

        // Disclosure candidates per contract: (event date, window, candidate type).
        for (var i = 0; i < golden.Contracts.Count; i++)
        {
            var contract = golden.Contracts[i];
            var want = contract.Candidates.Select(c => (expected[c.EventRef].Date, c.Window, c.CandidateType)).ToList();
            var dates = analysis.Events.ToDictionary(e => e.EventId, e => Iso(e.Date.Date));
            var got = analysis.Reviews[i].Candidates.Select(c => (dates[c.EventId], c.Window, c.CandidateType)).ToList();
            var left = got.ToList();
            var hits = 0;
            foreach (var w in want)
            {
                if (left.Remove(w))
                {
                    hits++;
                }
                else
                {
                    score.Misses.Add(Tag($"candidate missing {w.Date} {w.Window} {w.CandidateType} (policy {contract.PolicyId}, join {contract.JoinDate})"));
                }
            }

            foreach (var extra in left)
            {
                score.Misses.Add(Tag($"extra candidate {extra.Item1} {extra.Window} {extra.CandidateType} (policy {contract.PolicyId}, join {contract.JoinDate})"));
            }

            score.DisclosureRecall.Add(hits, want.Count);
            score.DisclosurePrecision.Add(hits, got.Count);
        }

        return (score, analysis);
    }

    private static string? BlockText(IReadOnlyList<RuleDocument> documents, Evidence location)
    {
        var document = documents.FirstOrDefault(d => d.FileOrder == location.FileOrder);
        var page = document?.Pages.FirstOrDefault(p => p.Page == location.Page);
        return page?.Blocks.FirstOrDefault(b => b.Index == location.BlockIndex)?.Text;
    }
}
