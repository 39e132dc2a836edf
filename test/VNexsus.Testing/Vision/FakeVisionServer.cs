using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VNexsus.Testing.Vision;

/// <summary>What the fake server saw of one annotate request.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string? ApiKey,
    string? Authorization,
    string? ContentType,
    int ImageRequests,
    string? FeatureType,
    IReadOnlyList<string> LanguageHints,
    byte[]? ImageContent,
    bool BodyIsJson);

/// <summary>What the fake token endpoint saw of one OAuth token request.</summary>
public sealed record TokenRequest(string? GrantType, string? Assertion);

/// <summary>How the fake server answers one request; <paramref name="stopping"/> fires when the client gives up or the server stops.</summary>
public delegate Task Reply(HttpContext context, CancellationToken stopping);

/// <summary>
/// A stand-in for <c>vision.googleapis.com</c>: a real HTTP listener on 127.0.0.1 that answers <c>POST
/// /v1/images:annotate</c> with the documented response shape, records every request, and replays queued faults
/// before falling back to <see cref="Default"/>. It also serves an OAuth token endpoint at <c>/token</c> for
/// service-account tests.
/// </summary>
public sealed class FakeVisionServer : IAsyncDisposable
{
    public const string AccessToken = "ya29.synthetic-access-token";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Reply> _replies = new();
    private readonly ConcurrentQueue<Reply> _tokenReplies = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<TokenRequest> _tokenRequests = [];

    private FakeVisionServer(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    public Uri TokenUri => new(Endpoint, "token");

    /// <summary>The answer once the queue is empty: the sample annotation.</summary>
    public Reply Default { get; set; } = Replies.Json(SampleAnnotation.Json());

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<TokenRequest> TokenRequests
    {
        get
        {
            lock (_gate)
            {
                return [.. _tokenRequests];
            }
        }
    }

    public static async Task<FakeVisionServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeVisionServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Endpoint = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Queues answers for the next annotate requests, in order.</summary>
    public void Enqueue(params Reply[] replies)
    {
        foreach (var reply in replies)
        {
            _replies.Enqueue(reply);
        }
    }

    /// <summary>Queues answers for the next token requests; after them the token endpoint issues <see cref="AccessToken"/>.</summary>
    public void EnqueueToken(params Reply[] replies)
    {
        foreach (var reply in replies)
        {
            _tokenReplies.Enqueue(reply);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _app.StopAsync(deadline.Token);
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        if (context.Request.Path == "/token")
        {
            var form = await context.Request.ReadFormAsync(stopping.Token);
            lock (_gate)
            {
                _tokenRequests.Add(new TokenRequest(form["grant_type"], form["assertion"]));
            }

            var tokenReply = _tokenReplies.TryDequeue(out var queued)
                ? queued
                : Replies.Json($$"""{"access_token":"{{AccessToken}}","expires_in":3600,"token_type":"Bearer"}""");
            await tokenReply(context, stopping.Token);
            return;
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, stopping.Token);
        lock (_gate)
        {
            _requests.Add(Record(context.Request, buffer.ToArray()));
        }

        var reply = _replies.TryDequeue(out var next) ? next : Default;
        await reply(context, stopping.Token);
    }

    private static RecordedRequest Record(HttpRequest request, byte[] body)
    {
        string? authorization = request.Headers.Authorization;
        string? key = request.Query["key"];
        int count = 0;
        string? feature = null;
        var hints = new List<string>();
        byte[]? content = null;
        var isJson = true;
        try
        {
            using var json = JsonDocument.Parse(body);
            var requests = json.RootElement.GetProperty("requests");
            count = requests.GetArrayLength();
            var first = requests[0];
            content = Convert.FromBase64String(first.GetProperty("image").GetProperty("content").GetString()!);
            feature = first.GetProperty("features")[0].GetProperty("type").GetString();
            if (first.TryGetProperty("imageContext", out var imageContext) && imageContext.TryGetProperty("languageHints", out var languageHints))
            {
                hints.AddRange(languageHints.EnumerateArray().Select(h => h.GetString()!));
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            isJson = false;
        }

        return new RecordedRequest(request.Method, request.Path.Value ?? "", key, authorization, request.ContentType, count, feature, hints, content, isJson);
    }
}

/// <summary>Canned answers and faults.</summary>
public static class Replies
{
    public static Reply Json(string json, int status = 200) => async (context, ct) =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(json, Encoding.UTF8, ct);
    };

    /// <summary>An HTTP error with Google's error body, e.g. 503 UNAVAILABLE; <paramref name="retryAfter"/> is the raw header.</summary>
    public static Reply Status(int status, string googleStatus, string? retryAfter = null) => async (context, ct) =>
    {
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        await Json(
            $$$"""{"error":{"code":{{{status}}},"message":"Synthetic {{{googleStatus}}} from the fake Vision server.","status":"{{{googleStatus}}}"}}""",
            status)(context, ct);
    };

    public static Reply TooManyRequests(string? retryAfter) => Status(429, "RESOURCE_EXHAUSTED", retryAfter);

    public static Reply Unavailable => Status(503, "UNAVAILABLE");

    /// <summary>Never answers; ends when the client aborts the request or the server stops.</summary>
    public static Reply Hang => async (_, ct) =>
    {
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException)
        {
        }
    };

    /// <summary>200 with a body cut off mid-document.</summary>
    public static Reply Malformed => Json("""{"responses":[{"fullTextAnnotation":{"pages":[{"width":1240,"hei""");

    /// <summary>200 whose single response carries a google.rpc.Status instead of an annotation.</summary>
    public static Reply ImageError(int code, string message) =>
        Json($$$"""{"responses":[{"error":{"code":{{{code}}},"message":"{{{message}}}"}}]}""");

    /// <summary>What Vision sends for an image without text: an empty response object.</summary>
    public static Reply NoText => Json("""{"responses":[{}]}""");
}
