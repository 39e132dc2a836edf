using VNexsus.Api.Upload;
using VNexsus.Reliability;

namespace VNexsus.Api;

/// <summary>
/// Answers 503 with the v1 error body (<c>SERVICE_UNAVAILABLE</c>) and <c>Retry-After</c> when a request fails because
/// the Orleans cluster cannot serve it right now: a silo died and the cluster is still settling, no gateway answers, a
/// call timed out. The client should simply ask again, and no endpoint turns such a failure into a 500. The one place
/// for this: handlers catch only what they can answer better.
/// </summary>
public sealed class ClusterUnavailableMiddleware(RequestDelegate next, ILogger<ClusterUnavailableMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception error) when (ErrorClassifier.IsClusterUnavailable(error) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
            logger.LogWarning("{Method} {Route} answered 503: the cluster is unavailable ({Error}: {Reason})", context.Request.Method, route, error.GetType().Name, error.Message);
            context.Response.Clear();
            context.Response.Headers.RetryAfter = UploadError.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await UploadError.Unavailable().ToResult().ExecuteAsync(context);
        }
    }
}
