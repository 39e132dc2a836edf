using System.Diagnostics;

namespace VNexsus.LoadBench;

public sealed record StepResult(
    double OfferedPerSecond,
    TimeSpan Duration,
    long Scheduled,
    long Succeeded,
    long Failed,
    long Dropped,
    double AchievedPerSecond,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    IReadOnlyDictionary<RequestKind, (long Count, double P95Ms)> ByKind,
    double ServerCpuCores,
    double ClientCpuCores,
    TimeSpan Elapsed)
{
    /// <summary>API CPU time per answered request: what a request costs, whatever else runs on the machine.</summary>
    public double ServerCpuMsPerRequest => ServerCpuCores * Elapsed.TotalMilliseconds / Math.Max(1, Succeeded + Failed);
}

/// <summary>
/// A constant-arrival-rate (open-loop) generator: request <c>i</c> is due at <c>start + i / rate</c> whether or not
/// earlier ones have been answered, and its latency is measured from when it was due, not from when it was sent. A slow
/// server therefore shows up as latency instead of silently lowering the offered load (no coordinated omission). A
/// request that would exceed <c>maxInFlight</c> is not sent and counts as dropped (an error).
/// </summary>
public static class OpenLoop
{
    public static async Task<StepResult> RunStepAsync(
        double rate, TimeSpan duration, Func<long, RequestKind> kindOf, Traffic traffic, ApiProcess api, int maxInFlight, TimeSpan requestTimeout)
    {
        var total = (long)(rate * duration.TotalSeconds);
        var latencies = new double[total];
        var completedAt = new long[total];
        var kinds = new RequestKind[total];
        var ok = new bool[total];
        var sent = new bool[total];
        var inFlight = 0;
        var requests = new List<Task>((int)total);
        var serverCpuBefore = api.CpuTime();
        var clientCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var interval = Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp();
        // A dedicated thread wakes about every millisecond and sends every request that has fallen due: no spinning, so
        // the generator's CPU goes to the requests. A request sent up to a tick after its due time still counts from
        // its due time, so the tick's lateness is in the latencies, never hidden.
        var dispatching = Task.Factory.StartNew(() =>
        {
            for (long i = 0; i < total;)
            {
                var now = Stopwatch.GetTimestamp();
                for (var due = start + (long)(i * interval); i < total && due <= now; i++, due = start + (long)(i * interval))
                {
                    Dispatch(i, due);
                }

                if (i < total)
                {
                    Thread.Sleep(1);
                }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await dispatching;
        await Task.WhenAll(requests);
        var serverCpu = api.CpuTime() - serverCpuBefore;
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpuBefore;
        var elapsed = Stopwatch.GetElapsedTime(start);
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        var succeeded = ok.LongCount(o => o);
        var dropped = sent.LongCount(s => !s);
        var achieved = Enumerable.Range(0, (int)total).Count(i => ok[i] && completedAt[i] <= end) / duration.TotalSeconds;
        // Failed and dropped requests count at the timeout in the percentiles: an error is never fast.
        var all = latencies.Select((l, i) => ok[i] ? l : requestTimeout.TotalMilliseconds).Order().ToArray();
        var byKind = Enum.GetValues<RequestKind>().ToDictionary(k => k, k =>
        {
            var ofKind = Enumerable.Range(0, (int)total).Where(i => kinds[i] == k).Select(i => ok[i] ? latencies[i] : requestTimeout.TotalMilliseconds).Order().ToArray();
            return ((long)ofKind.Length, Percentile(ofKind, 0.95));
        });
        return new StepResult(rate, duration, total, succeeded, total - succeeded - dropped, dropped, achieved,
            Percentile(all, 0.50), Percentile(all, 0.95), Percentile(all, 0.99), all.Length > 0 ? all[^1] : 0, byKind,
            serverCpu / elapsed, clientCpu / elapsed, elapsed);

        void Dispatch(long i, long due)
        {
            kinds[i] = kindOf(i);
            if (Volatile.Read(ref inFlight) >= maxInFlight)
            {
                completedAt[i] = Stopwatch.GetTimestamp();
                return;
            }

            sent[i] = true;
            Interlocked.Increment(ref inFlight);
            requests.Add(SendOneAsync(i, due));
        }

        async Task SendOneAsync(long i, long due)
        {
            // Leave the dispatching thread at once: the request's own work must not delay the next due request.
            await Task.Yield();
            using var timeout = new CancellationTokenSource(requestTimeout);
            try
            {
                ok[i] = await traffic.SendAsync(kinds[i], i, timeout.Token);
            }
            catch (Exception error) when (error is HttpRequestException or OperationCanceledException or IOException)
            {
                ok[i] = false;
            }
            finally
            {
                completedAt[i] = Stopwatch.GetTimestamp();
                latencies[i] = Stopwatch.GetElapsedTime(due, completedAt[i]).TotalMilliseconds;
                Interlocked.Decrement(ref inFlight);
            }
        }
    }

    public static double Percentile(double[] sorted, double quantile) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
