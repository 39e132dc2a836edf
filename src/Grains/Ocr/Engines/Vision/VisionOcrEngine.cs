using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using VNexsus.Reliability;
using VNexsus.Telemetry;

namespace VNexsus.Ocr.Engines.Vision;

/// <summary>
/// Google Cloud Vision <c>DOCUMENT_TEXT_DETECTION</c> on one page image per request (domain.md §5.2–5.3), with
/// Korean and English language hints. Every attempt first passes the shared <see cref="IOcrRateGate"/>; transient
/// failures are retried with exponential backoff and jitter, 429s after their <c>Retry-After</c>. Safe to call
/// concurrently. Neither the page text nor the API key is ever logged.
/// </summary>
public sealed partial class VisionOcrEngine : IOcrEngine
{
    /// <summary>The key of the engine's keyed services (<see cref="IOcrEngine"/>, rate gate, HttpClient) and of its rate-limiter grain.</summary>
    public const string ServiceKey = "vision";

    /// <summary>Engine + feature + language hints + mapping version: change it when any of them changes.</summary>
    public const string EngineProfile = "vision-dtd-ko-en-v3";

    public const string AnnotatePath = "v1/images:annotate";

    private readonly HttpClient _http;
    private readonly VisionOptions _options;
    private readonly IOcrRateGate _rateGate;
    private readonly IVisionAccessTokenSource? _accessTokens;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly Uri? _annotateUri;
    private readonly ResiliencePipeline _pipeline;

    /// <param name="httpClient">Used as is (typed-client friendly); its own timeout should be no shorter than
    /// <see cref="VisionOptions.Timeout"/>, which the engine enforces per attempt.</param>
    /// <param name="accessTokens">Required when <see cref="VisionOptions.ApiKey"/> is not set.</param>
    /// <param name="retryClock">Time source of the retry delays (and of <c>Retry-After</c> dates); tests pass one whose
    /// timers fire at once. Defaults to <see cref="TimeProvider.System"/>.</param>
    public VisionOcrEngine(
        HttpClient httpClient,
        IOptions<VisionOptions> options,
        IOcrRateGate rateGate,
        ILogger<VisionOcrEngine> logger,
        IVisionAccessTokenSource? accessTokens = null,
        TimeProvider? retryClock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _options = options.Value;
        _rateGate = rateGate ?? throw new ArgumentNullException(nameof(rateGate));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _accessTokens = accessTokens;
        _clock = retryClock ?? TimeProvider.System;
        _annotateUri = AnnotateUri(_options.Endpoint);
        _pipeline = BuildPipeline(_options, _clock, _logger);
    }

    public string Profile => EngineProfile;

    public async Task<RecognizedPage> RecognizeAsync(PageImage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        EnsureConfigured();
        if (page.Bytes.Length == 0)
        {
            throw new OcrEngineException(OcrFailureKind.InvalidInput, "The page image is empty.");
        }

        var body = RequestBody(page.Bytes);
        var started = Stopwatch.GetTimestamp();
        var result = await _pipeline.ExecuteAsync(
            static (state, ct) => new ValueTask<RecognizedPage>(state.Engine.AttemptAsync(state.Page, state.Body, ct)),
            (Engine: this, Page: page, Body: body),
            cancellationToken);
        LogRecognized(result.Blocks.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    /// <summary>The JSON of one annotate request; the image is written as base64 straight from its bytes.</summary>
    internal static ReadOnlyMemory<byte> RequestBody(byte[] image)
    {
        var buffer = new ArrayBufferWriter<byte>(image.Length * 4 / 3 + 256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("requests");
            writer.WriteStartObject();
            writer.WriteStartObject("image");
            writer.WriteBase64String("content", image);
            writer.WriteEndObject();
            writer.WriteStartArray("features");
            writer.WriteStartObject();
            writer.WriteString("type", "DOCUMENT_TEXT_DETECTION");
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteStartObject("imageContext");
            writer.WriteStartArray("languageHints");
            writer.WriteStringValue("ko");
            writer.WriteStringValue("en");
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    private void EnsureConfigured()
    {
        if (!_options.Enabled)
        {
            throw new OcrEngineException(OcrFailureKind.Configuration, $"The Vision engine is disabled ({VisionOptions.SectionName}:Enabled).");
        }

        if (_annotateUri is null)
        {
            throw new OcrEngineException(OcrFailureKind.Configuration, $"{VisionOptions.SectionName}:Endpoint is not an absolute http(s) URL.");
        }

        if (string.IsNullOrWhiteSpace(_options.ApiKey) && _accessTokens is null)
        {
            throw new OcrEngineException(
                OcrFailureKind.Configuration, $"Vision has no credentials: set {VisionOptions.SectionName}:ApiKey or :CredentialsFile.");
        }
    }

    /// <summary>One request: gate, token, POST, status, body. Every failure leaves as an <see cref="OcrEngineException"/>
    /// except the caller's own cancellation.</summary>
    private async Task<RecognizedPage> AttemptAsync(PageImage page, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        await _rateGate.WaitAsync(cancellationToken);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(_options.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _annotateUri);
            request.Content = new ReadOnlyMemoryContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json", "utf-8") } };
            if (!string.IsNullOrWhiteSpace(_options.ApiKey))
            {
                request.RequestUri = new Uri($"{_annotateUri!.AbsoluteUri}?key={Uri.EscapeDataString(_options.ApiKey)}");
            }
            else
            {
                var token = await _accessTokens!.GetAccessTokenAsync(attempt.Token);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw await FailureAsync(response, attempt.Token);
            }

            VisionBatchResponse? parsed;
            try
            {
                await using var stream = await response.Content.ReadAsStreamAsync(attempt.Token);
                parsed = await JsonSerializer.DeserializeAsync(stream, VisionJsonContext.Default.VisionBatchResponse, attempt.Token);
            }
            catch (JsonException e)
            {
                throw new OcrEngineException(OcrFailureKind.Transient, "Vision answered with malformed JSON.", inner: e);
            }

            return VisionAnnotationMapper.ToPage(parsed, page);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new OcrEngineException(
                OcrFailureKind.Transient, $"Vision did not answer within {_options.Timeout.TotalSeconds:0.###} s.", inner: e);
        }
        catch (HttpRequestException e)
        {
            var what = e.HttpRequestError == HttpRequestError.Unknown ? "" : $" ({e.HttpRequestError})";
            throw new OcrEngineException(OcrFailureKind.Transient, $"Vision could not be reached{what}.", inner: e);
        }
        catch (IOException e)
        {
            throw new OcrEngineException(OcrFailureKind.Transient, "The connection to Vision broke off.", inner: e);
        }
    }

    private async Task<OcrEngineException> FailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var detail = await ErrorDetailAsync(response, cancellationToken);
        var message = $"Vision answered HTTP {status}{detail}.";
        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => new OcrEngineException(OcrFailureKind.RateLimited, message, RetryAfter(response)),
            HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnprocessableEntity
                => new OcrEngineException(OcrFailureKind.InvalidInput, message),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed
                => new OcrEngineException(OcrFailureKind.Configuration, message),
            HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError
                => new OcrEngineException(OcrFailureKind.Transient, message, RetryAfter(response)),
            _ => new OcrEngineException(OcrFailureKind.InvalidInput, message),
        };
    }

    /// <summary>The status name and message of a Google error body, if the body is one; never the raw body.</summary>
    private static async Task<string> ErrorDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var body = await JsonSerializer.DeserializeAsync(stream, VisionJsonContext.Default.GoogleErrorBody, cancellationToken);
            if (body?.Error is not { } error)
            {
                return "";
            }

            var name = string.IsNullOrWhiteSpace(error.Status) ? "" : $" {error.Status}";
            return $"{name}{VisionAnnotationMapper.Describe(error.Message)}";
        }
        catch (Exception e) when (e is JsonException or IOException or HttpRequestException or NotSupportedException)
        {
            return "";
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        TimeSpan? wait = header?.Delta ?? (header?.Date is { } date ? date - _clock.GetUtcNow() : null);
        return wait is { } w ? (w < TimeSpan.Zero ? TimeSpan.Zero : w) : null;
    }

    private static Uri? AnnotateUri(string? endpoint)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return null;
        }

        var root = endpoint.EndsWith('/') ? endpoint : endpoint + "/";
        return Uri.TryCreate(root, UriKind.Absolute, out var baseUri) && baseUri.Scheme is "http" or "https"
            ? new Uri(baseUri, AnnotatePath)
            : null;
    }

    private static ResiliencePipeline BuildPipeline(VisionOptions options, TimeProvider clock, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = clock };
        if (options.MaxAttempts <= 1)
        {
            return builder.Build();
        }

        return builder.AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.BaseDelay,
            MaxDelay = options.MaxDelay,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is OcrEngineException e && IsRetryable(e, options)),

            // Null keeps Polly's jittered exponential backoff (transient failures). A 429 waits its Retry-After, or
            // MaxDelay when it gave none; Polly applies MaxDelay only to its own backoff, not to these.
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Exception is OcrEngineException { Kind: OcrFailureKind.RateLimited } e ? e.RetryAfter ?? options.MaxDelay : (TimeSpan?)null),
            OnRetry = args =>
            {
                if (args.Outcome.Exception is OcrEngineException e)
                {
                    LogRetry(logger, args.AttemptNumber + 1, options.MaxAttempts, e.Kind, args.RetryDelay.TotalMilliseconds);
                    PipelineMetrics.Retry(PipelineMetrics.VisionRequestOperation, ErrorClassifier.Name(ErrorClassifier.Classify(e)));
                }

                return default;
            },
        }).Build();
    }

    private static bool IsRetryable(OcrEngineException e, VisionOptions options) => e.Kind switch
    {
        OcrFailureKind.Transient => true,
        OcrFailureKind.RateLimited => e.RetryAfter is not { } wait || wait <= options.MaxRetryAfter,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Vision attempt {Attempt} of {MaxAttempts} failed ({Kind}); retrying in {DelayMs:0} ms")]
    private static partial void LogRetry(ILogger logger, int attempt, int maxAttempts, OcrFailureKind kind, double delayMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Vision recognised {BlockCount} blocks in {ElapsedMs:0} ms")]
    private partial void LogRecognized(int blockCount, double elapsedMs);
}
