namespace VNexsus.Ocr.Scheduling;

/// <summary>Puts a silo's slot queue and its extractions' progress into the one report it publishes.</summary>
public static class SiloLoadReport
{
    public static SiloOcrLoad Compose(string silo, OcrSlotQueue slots, OcrProgressTracker progress)
    {
        var queue = slots.Report();
        var extractions = progress.Report();
        var documents = queue.Keys.Union(extractions.Keys).Select(sha256 =>
        {
            var (waiting, running) = queue.GetValueOrDefault(sha256, ([], 0));
            var (toRecognize, recognized) = extractions.GetValueOrDefault(sha256);
            return new DocumentLoad(sha256, waiting, running, toRecognize, recognized);
        }).ToList();
        return new SiloOcrLoad(silo, slots.Slots, slots.Throughput.PageSeconds, documents);
    }
}
