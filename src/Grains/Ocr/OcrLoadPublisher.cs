using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VNexsus.Ocr.Scheduling;

namespace VNexsus.Ocr;

/// <summary>
/// Publishes this silo's OCR queue and measured throughput to the <see cref="IOcrLoadGrain"/> every period, from the
/// moment the silo is active until it stops (earlier, the board's grain could not be placed).
/// </summary>
public sealed class OcrLoadPublisher(
    IGrainFactory grains,
    ILocalSiloDetails silo,
    OcrSlotQueue slots,
    OcrProgressTracker progress,
    IOptions<OcrOptions> options,
    ILogger<OcrLoadPublisher> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly CancellationTokenSource _stop = new();
    private Task _publishing = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(OcrLoadPublisher), ServiceLifecycleStage.Active, Start, Stop);

    private Task Start(CancellationToken cancellationToken)
    {
        _publishing = Task.Run(PublishAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task Stop(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        await _publishing.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task PublishAsync()
    {
        using var timer = new PeriodicTimer(options.Value.Scheduling.PublishPeriod);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    var load = SiloLoadReport.Compose(silo.SiloAddress.ToString(), slots, progress);
                    await grains.GetGrain<IOcrLoadGrain>(IOcrLoadGrain.Key).Publish(load);
                }
                catch (Exception error) when (!_stop.IsCancellationRequested)
                {
                    // The board's silo died or the cluster is busy: the next period publishes again.
                    logger.LogDebug("Could not publish the OCR load: {Error}", error.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }
}
