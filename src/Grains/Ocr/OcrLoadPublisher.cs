using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VNexsus.Ocr.Scheduling;

namespace VNexsus.Ocr;

/// <summary>Publishes this silo's OCR queue and measured throughput to the <see cref="IOcrLoadGrain"/> every period.</summary>
public sealed class OcrLoadPublisher(
    IGrainFactory grains,
    ILocalSiloDetails silo,
    OcrSlotQueue slots,
    OcrProgressTracker progress,
    IOptions<OcrOptions> options,
    ILogger<OcrLoadPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Scheduling.PublishPeriod);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var load = SiloLoadReport.Compose(silo.SiloAddress.ToString(), slots, progress);
                await grains.GetGrain<IOcrLoadGrain>(IOcrLoadGrain.Key).Publish(load);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                // Before the silo is up, or while the board moves after a silo loss: the next period publishes again.
                logger.LogDebug("Could not publish the OCR load: {Error}", error.GetType().Name);
            }
        }
    }
}
