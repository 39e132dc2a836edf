namespace VNexsus.Ocr.Scheduling;

/// <summary>
/// The latest load of every silo, and what it means for one job. A silo not heard from for
/// <paramref name="staleAfter"/> (dead, or shut down) no longer counts.
/// </summary>
public sealed class OcrLoadBoard(TimeSpan staleAfter)
{
    private readonly Dictionary<string, (SiloOcrLoad Load, DateTimeOffset At)> _silos = new(StringComparer.Ordinal);

    public void Update(SiloOcrLoad load, DateTimeOffset now) => _silos[load.Silo] = (load, now);

    /// <summary>
    /// Combines every fresh silo's report for <paramref name="documents"/> (the job's pending documents):
    /// <list type="bullet">
    /// <item>rate = Σ over silos of slots ÷ smoothed seconds per page (the pages/s a busy cluster recognises);</item>
    /// <item>pages remaining = per document, pages needing OCR minus pages back, else its waiting plus running pages;</item>
    /// <item>queued = pages wait, none runs and none is back; position = waiting pages of other documents, on any silo,
    /// whose order key is below the job's lowest;</item>
    /// <item>time remaining = (position, when queued, + pages remaining) ÷ rate.</item>
    /// </list>
    /// Null when no silo reports any of the documents (not yet sent out for OCR, or needing none).
    /// </summary>
    public WorkEstimate? Estimate(IReadOnlyCollection<string> documents, DateTimeOffset now)
    {
        foreach (var stale in _silos.Where(s => now - s.Value.At > staleAfter).Select(s => s.Key).ToList())
        {
            _silos.Remove(stale);
        }

        var loads = _silos.Values.Select(s => s.Load).ToList();
        var wanted = documents.ToHashSet(StringComparer.Ordinal);
        var own = loads.SelectMany(l => l.Documents).Where(d => wanted.Contains(d.Sha256)).ToList();
        if (own.Count == 0)
        {
            return null;
        }

        var pagesRemaining = own.GroupBy(d => d.Sha256).Sum(PagesRemaining);
        var running = own.Sum(d => d.Running);
        var recognized = own.Sum(d => d.PagesRecognized);
        var ownKeys = own.SelectMany(d => d.WaitingOrderKeys).ToList();
        var queued = ownKeys.Count > 0 && running == 0 && recognized == 0;
        var position = 0;
        if (queued)
        {
            var first = ownKeys.Min();
            position = loads.SelectMany(l => l.Documents)
                .Where(d => !wanted.Contains(d.Sha256))
                .Sum(d => d.WaitingOrderKeys.Count(key => key < first));
        }

        var rates = loads.Where(l => l.PageSeconds is > 0).Select(l => l.Slots / l.PageSeconds!.Value).ToList();
        double? pagesPerSecond = rates.Count > 0 ? rates.Sum() : null;
        TimeSpan? remaining = pagesPerSecond is { } rate ? TimeSpan.FromSeconds((position + pagesRemaining) / rate) : null;
        return new WorkEstimate(queued, position, pagesRemaining, pagesPerSecond, remaining);
    }

    private static int PagesRemaining(IGrouping<string, DocumentLoad> document)
    {
        var toRecognize = document.Max(d => d.PagesToRecognize);
        return toRecognize > 0
            ? Math.Max(0, toRecognize - document.Max(d => d.PagesRecognized))
            : document.Sum(d => d.WaitingOrderKeys.Count + d.Running);
    }
}
