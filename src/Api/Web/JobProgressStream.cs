using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using VNexsus.Api.Auth;
using VNexsus.Jobs;

namespace VNexsus.Api.Web;

/// <summary>
/// <c>GET /api/jobs/{jobId}/events</c>: the job's progress as Server-Sent Events. The job grain pushes every state
/// write to an <see cref="IJobObserver"/> held by this request; the request renews its subscription (and re-reads the
/// job, so a notice lost with a deactivated grain costs at most one renewal period) while it waits. Events:
/// <c>progress</c> (the <see cref="ProgressView"/> of the job) on every change, then <c>end</c> once the job is finished.
/// </summary>
public static class JobProgressStream
{
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(15);

    public static async Task StreamAsync(string jobId, HttpContext context, IClusterClient cluster, TimeProvider clock)
    {
        if (await JobLookup.FindAsync(cluster, context.User.TenantId(), jobId) is not { } job)
        {
            await JobLookup.NotFound().ExecuteAsync(context);
            return;
        }

        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        var cancellation = context.RequestAborted;

        var feed = new Feed();
        var grain = cluster.GetGrain<IJobGrain>(jobId);
        var reference = cluster.CreateObjectReference<IJobObserver>(feed);
        try
        {
            await response.WriteAsync("retry: 2000\n\n", cancellation);
            if (!job.IsTerminal)
            {
                await grain.Subscribe(reference);
                // Read again after subscribing: a write between the first read and the subscription is not lost.
                job = await grain.GetSnapshot() ?? job;
            }

            var sent = await SendAsync(response, job, null, clock, cancellation);
            while (!job.IsTerminal)
            {
                var next = await feed.NextAsync(RenewEvery, cancellation);
                if (next is null)
                {
                    await grain.Subscribe(reference);
                    next = await grain.GetSnapshot() ?? job;
                    await response.WriteAsync(": keep-alive\n\n", cancellation);
                    await response.Body.FlushAsync(cancellation);
                }

                job = next;
                sent = await SendAsync(response, job, sent, clock, cancellation);
            }

            await response.WriteAsync($"event: end\ndata: {JsonSerializer.Serialize(new { jobId, status = Api.Ocr.OcrResponses.V1Status(job.Status) })}\n\n", cancellation);
            await response.Body.FlushAsync(cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The browser went away.
        }
        finally
        {
            try
            {
                await grain.Unsubscribe(reference);
            }
            catch (Exception)
            {
                // Best effort: an unrenewed subscription expires in the grain anyway.
            }

            cluster.DeleteObjectReference<IJobObserver>(reference);
        }
    }

    /// <summary>Writes a <c>progress</c> event unless the job looks exactly as last sent; returns what was sent.</summary>
    private static async Task<string> SendAsync(HttpResponse response, JobSnapshot job, string? previous, TimeProvider clock, CancellationToken cancellation)
    {
        // Compare without the elapsed time, which changes every second.
        var key = $"{job.Status}|{string.Join(',', job.Files.Select(f => $"{f.Status}{f.FromCache}{f.Progress?.Stage}{f.Progress?.PagesDone}"))}|{job.EventCount}";
        if (key == previous)
        {
            return key;
        }

        var view = JsonSerializer.Serialize(ProgressView.Of(job, clock.GetUtcNow()), WebJson.Options);
        var text = new StringBuilder("event: progress\ndata: ").Append(view).Append("\n\n").ToString();
        await response.WriteAsync(text, cancellation);
        await response.Body.FlushAsync(cancellation);
        return key;
    }

    /// <summary>The observer: keeps only the newest job (a burst of writes becomes one event).</summary>
    private sealed class Feed : IJobObserver
    {
        private readonly Channel<JobSnapshot> _jobs = Channel.CreateBounded<JobSnapshot>(
            new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

        public Task JobChanged(JobSnapshot job)
        {
            _jobs.Writer.TryWrite(job);
            return Task.CompletedTask;
        }

        /// <summary>The next job written, or null when none came within <paramref name="wait"/>.</summary>
        public async Task<JobSnapshot?> NextAsync(TimeSpan wait, CancellationToken cancellation)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(wait);
            try
            {
                return await _jobs.Reader.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                return null;
            }
        }
    }
}
