namespace VNexsus.Ocr.Scheduling;

/// <summary>
/// The documents whose pages this silo's OCR grains have sent out, with how many need OCR and how many came back
/// (a singleton of each silo). Pages held back by the per-document in-flight bound are in no slot queue yet; this is
/// where they are counted.
/// </summary>
public sealed class OcrProgressTracker
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Progress> _documents = new(StringComparer.Ordinal);

    /// <summary>Starts counting; dispose the handle when the document's pages are all back (or abandoned).</summary>
    public Progress Begin(string document, int pagesToRecognize)
    {
        var progress = new Progress(this, document, pagesToRecognize);
        lock (_lock)
        {
            _documents[document] = progress;
        }

        return progress;
    }

    public IReadOnlyDictionary<string, (int PagesToRecognize, int PagesRecognized)> Report()
    {
        lock (_lock)
        {
            return _documents.ToDictionary(d => d.Key, d => (d.Value.PagesToRecognize, d.Value.PagesRecognized), StringComparer.Ordinal);
        }
    }

    private void End(Progress progress)
    {
        lock (_lock)
        {
            if (_documents.TryGetValue(progress.Document, out var current) && ReferenceEquals(current, progress))
            {
                _documents.Remove(progress.Document);
            }
        }
    }

    public sealed class Progress(OcrProgressTracker tracker, string document, int pagesToRecognize) : IDisposable
    {
        private int _recognized;

        public string Document { get; } = document;

        public int PagesToRecognize { get; } = pagesToRecognize;

        public int PagesRecognized => Volatile.Read(ref _recognized);

        public void PageRecognized() => Interlocked.Increment(ref _recognized);

        public void Dispose() => tracker.End(this);
    }
}
