using VNexsus.Rules.Dates;

namespace VNexsus.Rules.Events;

/// <summary>The text of one document as the rules read it: upload order, original name, pages of lines.</summary>
public sealed record RuleDocument(int FileOrder, string FileName, IReadOnlyList<RulePage> Pages);

public sealed record RulePage(int Page, IReadOnlyList<string> Lines);

/// <summary>
/// The first rule set: one event per line that holds a date, with its file, page, line and quote. Typing, hospitals,
/// diagnoses and merging come with the full rule engine.
/// </summary>
public static class DatedLineEvents
{
    /// <summary>Evidence quotes are capped to limit exposure of record text (domain.md §11).</summary>
    public const int MaxQuoteWords = 25;

    public static IReadOnlyList<MedicalEvent> Build(IEnumerable<RuleDocument> documents, DateOnly today)
    {
        var found = new List<(FoundDate Date, IReadOnlyList<FoundDate> Others, Evidence Evidence)>();
        foreach (var document in documents)
        {
            int? inheritedYear = null;
            foreach (var page in document.Pages)
            {
                for (var line = 0; line < page.Lines.Count; line++)
                {
                    var dates = DateFinder.Find(page.Lines[line], inheritedYear, today);
                    if (dates.Count == 0)
                    {
                        continue;
                    }

                    inheritedYear = dates.LastOrDefault(d => !d.Date.YearUnresolved)?.Date.Date.Year ?? inheritedYear;
                    var evidence = new Evidence(document.FileOrder, document.FileName, page.Page, line, Quote(page.Lines[line]));
                    found.Add((dates[0].Date, dates.Skip(1).Select(d => d.Date).ToList(), evidence));
                }
            }
        }

        return found
            .OrderBy(f => f.Date.YearUnresolved)
            .ThenBy(f => f.Date.Date)
            .ThenBy(f => f.Evidence.FileOrder)
            .ThenBy(f => f.Evidence.Page)
            .ThenBy(f => f.Evidence.BlockIndex)
            .Select((f, index) => new MedicalEvent(
                $"evt_{(f.Date.YearUnresolved ? "00000000" : f.Date.Date.ToString("yyyyMMdd"))}_{index + 1:0000}",
                f.Date,
                f.Others,
                f.Evidence,
                ReviewNeeded: f.Date.YearUnresolved || f.Date.PeriodEnd < f.Date.Date))
            .ToList();
    }

    public static string Quote(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= MaxQuoteWords ? string.Join(' ', words) : string.Join(' ', words.Take(MaxQuoteWords)) + " …";
    }
}
