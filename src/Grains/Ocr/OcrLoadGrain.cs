using Microsoft.Extensions.Options;
using VNexsus.Ocr.Scheduling;

namespace VNexsus.Ocr;

/// <summary>Holds the <see cref="OcrLoadBoard"/> of the cluster; state in memory only (silos republish every period).</summary>
public sealed class OcrLoadGrain(IOptions<OcrOptions> options, TimeProvider clock) : Grain, IOcrLoadGrain
{
    private readonly OcrLoadBoard _board = new(options.Value.Scheduling.ReportLifetime);

    public Task Publish(SiloOcrLoad load)
    {
        _board.Update(load, clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task<WorkEstimate?> Estimate(IReadOnlyList<string> documents) => Task.FromResult(_board.Estimate(documents, clock.GetUtcNow()));
}
