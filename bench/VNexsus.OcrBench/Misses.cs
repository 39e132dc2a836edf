namespace VNexsus.OcrBench;

/// <summary>
/// The expected codes and dates an engine did not give verbatim, each with the truth line that holds it and the page's
/// OCR line closest to that line (by edit distance): what the engine read where the code or date is.
/// </summary>
public static class Misses
{
    public sealed record Miss(int Page, string Kind, string Expected, string TruthLine, string OcrLine);

    public static IEnumerable<Miss> Of(int page, IReadOnlyList<string> truthLines, IReadOnlyList<string> dates, IReadOnlyList<string> codes, string ocrText)
    {
        var actual = Metrics.Normalize(ocrText);
        var ocrLines = ocrText.Split('\n').Select(Metrics.Normalize).Where(l => l.Length > 0).ToList();
        foreach (var (kind, expected) in new[] { ("date", dates), ("code", codes) })
        {
            foreach (var group in expected.GroupBy(e => e))
            {
                var missing = group.Count() - Metrics.FoundVerbatim(actual, group);
                var holders = truthLines.Where(l => l.Contains(group.Key, StringComparison.Ordinal)).ToList();
                // The truth lines that hold the value, last first: when some of its occurrences were found, the list
                // cannot say which, so it names as many lines as are missing.
                foreach (var line in holders.TakeLast(Math.Max(0, missing)).DefaultIfEmpty(""))
                {
                    if (missing <= 0)
                    {
                        break;
                    }

                    var truth = Metrics.Normalize(line);
                    var closest = ocrLines.MinBy(l => Metrics.Distance(l, truth)) ?? "";
                    yield return new Miss(page, kind, group.Key, truth, closest);
                }
            }
        }
    }
}
