using VNexsus.Ocr.Engines;
using VNexsus.Testing;

using VNexsus.Testing.Vision;

namespace VNexsus.OcrTests;

/// <summary>Each fault class: how it is reported, how often it is tried, and how long the engine waits between tries.</summary>
public sealed class VisionFaultTests : VisionTestBase
{
    [Fact]
    public async Task A_503_is_retried_and_the_page_is_read_on_a_later_attempt()
    {
        Server.Enqueue(Replies.Unavailable, Replies.Unavailable);

        var page = await Engine().RecognizeAsync(Page, CancellationToken.None);

        Assert.Equal(SampleAnnotation.Expected.Length, page.Blocks.Count);
        Assert.Equal(3, Server.Requests.Count);
        Assert.Equal(3, Gate.Calls);
        Assert.Equal(2, Delays.Delays.Count);
        Assert.All(Delays.Delays, d => Assert.InRange(d, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_persistent_503_gives_up_as_transient_after_max_attempts()
    {
        Server.Default = Replies.Unavailable;

        var error = await Assert.ThrowsAsync<OcrEngineException>(() => Engine().RecognizeAsync(Page, CancellationToken.None));

        Assert.Equal(OcrFailureKind.Transient, error.Kind);
        Assert.Contains("503", error.Message);
        Assert.Equal(3, Server.Requests.Count);
        Assert.Equal(3, Gate.Calls);
    }

    [Fact]
    public async Task Max_attempts_is_the_total_number_of_tries()
    {
        Server.Default = Replies.Unavailable;

        await Assert.ThrowsAsync<OcrEngineException>(() => Engine(o => o.MaxAttempts = 5).RecognizeAsync(Page, CancellationToken.None));
        Assert.Equal(5, Server.Requests.Count);

        await Assert.ThrowsAsync<OcrEngineException>(() => Engine(o => o.MaxAttempts = 1).RecognizeAsync(Page, CancellationToken.None));
        Assert.Equal(6, Server.Requests.Count);
    }

    [Fact]
    public async Task Transient_backoff_grows_and_stays_under_the_cap()
    {
        Server.Default = Replies.Unavailable;

        await Assert.ThrowsAsync<OcrEngineException>(
            () => Engine(o => (o.MaxAttempts, o.MaxDelay) = (8, TimeSpan.FromSeconds(4))).RecognizeAsync(Page, CancellationToken.None));

        Assert.Equal(8, Server.Requests.Count);
        var delays = Delays.Delays;
        Assert.Equal(7, delays.Count);
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(4)));
        Assert.True(delays.Skip(4).Average(d => d.TotalSeconds) > delays.Take(2).Average(d => d.TotalSeconds), string.Join(", ", delays));
    }

    [Fact]
    public async Task A_429_is_retried_after_its_retry_after()
    {
        Server.Enqueue(Replies.TooManyRequests("7"));

        var page = await Engine().RecognizeAsync(Page, CancellationToken.None);

        Assert.NotEmpty(page.Blocks);
        Assert.Equal(2, Server.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(7)], Delays.Delays);
    }

    [Fact]
    public async Task A_429_with_an_http_date_waits_until_that_date()
    {
        Server.Enqueue(Replies.TooManyRequests(DateTimeOffset.UtcNow.AddSeconds(30).ToString("R")));

        await Engine().RecognizeAsync(Page, CancellationToken.None);

        var delay = Assert.Single(Delays.Delays);
        Assert.InRange(delay, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(31));
    }

    [Fact]
    public async Task A_429_without_retry_after_waits_the_longest_backoff()
    {
        Server.Enqueue(Replies.TooManyRequests(null));

        await Engine().RecognizeAsync(Page, CancellationToken.None);

        Assert.Equal(2, Server.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(10)], Delays.Delays);
    }

    [Fact]
    public async Task A_429_asking_for_longer_than_max_retry_after_is_handed_to_the_caller()
    {
        Server.Enqueue(Replies.TooManyRequests("120"));

        var error = await Assert.ThrowsAsync<OcrEngineException>(() => Engine().RecognizeAsync(Page, CancellationToken.None));

        Assert.Equal(OcrFailureKind.RateLimited, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.Single(Server.Requests);
        Assert.Empty(Delays.Delays);
    }

    [Fact]
    public async Task A_persistent_429_ends_as_rate_limited_after_max_attempts()
    {
        Server.Default = Replies.TooManyRequests("2");

        var error = await Assert.ThrowsAsync<OcrEngineException>(() => Engine().RecognizeAsync(Page, CancellationToken.None));

        Assert.Equal(OcrFailureKind.RateLimited, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(2), error.RetryAfter);
        Assert.Equal(3, Server.Requests.Count);
        Assert.Equal(3, Gate.Calls);
    }

    [Theory]
    [InlineData(400, "INVALID_ARGUMENT", OcrFailureKind.InvalidInput)]
    [InlineData(413, "INVALID_ARGUMENT", OcrFailureKind.InvalidInput)]
    [InlineData(401, "UNAUTHENTICATED", OcrFailureKind.Configuration)]
    [InlineData(403, "PERMISSION_DENIED", OcrFailureKind.Configuration)]
    [InlineData(404, "NOT_FOUND", OcrFailureKind.Configuration)]
    public async Task Client_errors_are_not_retried(int status, string googleStatus, OcrFailureKind kind)
    {
        Server.Enqueue(Replies.Status(status, googleStatus));

        var error = await Assert.ThrowsAsync<OcrEngineException>(() => Engine().RecognizeAsync(Page, CancellationToken.None));

        Assert.Equal(kind, error.Kind);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
        Assert.Contains(googleStatus, error.Message);
        Assert.Single(Server.Requests);
        Assert.Empty(Delays.Delays);
    }

    [Theory]
    [InlineData(500, "INTERNAL")]
    [InlineData(502, "UNAVAILABLE")]
    [InlineData(504, "DEADLINE_EXCEEDED")]
    public async Task Server_errors_are_transient(int status, string googleStatus)
    {
        Server.Enqueue(Replies.Status(status, googleStatus));

        var page = await Engine().RecognizeAsync(Page, CancellationToken.None);

        Assert.NotEmpty(page.Blocks);
        Assert.Equal(2, Server.Requests.Count);
    }

    [Fact]
    public async Task Malformed_json_is_transient_and_retried_up_to_max_attempts()
    {
        Server.Default = Replies.Malformed;

        var error = await Assert.ThrowsAsync<OcrEngineException>(() => Engine().RecognizeAsync(Page, CancellationToken.None));

        Assert.Equal(OcrFailureKind.Transient, error.Kind);
        Assert.Contains("malformed JSON", error.Message);
        Assert.Equal(3, Server.Requests.Count);
    }

    [Fact]
    public async Task An_image_error_with_code_3_is_invalid_input_and_not_retried()
    {
        Server.Enqueue(Replies.ImageError(3, "Bad image data."));

        var error = await Assert.ThrowsAsync<OcrEngineException>(() => Engine().RecognizeAsync(Page, CancellationToken.None));

        Assert.Equal(OcrFailureKind.InvalidInput, error.Kind);
        Assert.Contains("code 3", error.Message);
        Assert.Single(Server.Requests);
    }

    [Theory]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(4)]
    public async Task An_image_error_with_a_server_side_code_is_transient(int code)
    {
        Server.Default = Replies.ImageError(code, "Synthetic internal failure.");

        var error = await Assert.ThrowsAsync<OcrEngineException>(() => Engine().RecognizeAsync(Page, CancellationToken.None));

        Assert.Equal(OcrFailureKind.Transient, error.Kind);
        Assert.Equal(3, Server.Requests.Count);
    }

    [Fact]
    public async Task An_image_without_text_is_an_error_not_an_empty_page()
    {
        Server.Enqueue(Replies.NoText);

        var error = await Assert.ThrowsAsync<OcrEngineException>(() => Engine().RecognizeAsync(Page, CancellationToken.None));

        Assert.Equal(OcrFailureKind.InvalidInput, error.Kind);
        Assert.Equal("no OCR blocks", error.Message);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task Pages_whose_paragraphs_have_no_words_are_an_error_too()
    {
        Server.Enqueue(Replies.Json(
            """{"responses":[{"fullTextAnnotation":{"pages":[{"width":100,"height":100,"blocks":[{"paragraphs":[{"words":[]}]}]}],"text":""}}]}"""));

        var error = await Assert.ThrowsAsync<OcrEngineException>(() => Engine().RecognizeAsync(Page, CancellationToken.None));

        Assert.Equal(OcrFailureKind.InvalidInput, error.Kind);
        Assert.Equal("no OCR blocks", error.Message);
    }

    [Fact]
    public async Task A_hanging_server_times_out_each_attempt_as_transient()
    {
        Server.Default = Replies.Hang;

        var error = await Assert.ThrowsAsync<OcrEngineException>(
            () => Engine(o => (o.Timeout, o.MaxAttempts) = (TimeSpan.FromMilliseconds(300), 2)).RecognizeAsync(Page, CancellationToken.None));

        Assert.Equal(OcrFailureKind.Transient, error.Kind);
        Assert.Contains("did not answer", error.Message);

        // The attempts as the engine made them: on a loaded machine the second one can time out before the server has
        // read it (a clean-clone CI run saw one request recorded of two sent).
        Assert.Single(Logger.Lines, line => line.Contains("Vision attempt 1 of 2 failed (Transient); retrying", StringComparison.Ordinal));
        Assert.InRange(Server.Requests.Count, 1, 2);
    }

    [Fact]
    public async Task A_hang_then_an_answer_succeeds_on_the_retry()
    {
        Server.Enqueue(Replies.Hang);

        var page = await Engine(o => o.Timeout = TimeSpan.FromMilliseconds(300)).RecognizeAsync(Page, CancellationToken.None);

        Assert.NotEmpty(page.Blocks);
        Assert.Equal(2, Server.Requests.Count);
    }

    [Fact]
    public async Task A_refused_connection_is_transient_and_retried()
    {
        var closed = new Uri($"http://127.0.0.1:{FreePort.Next()}/");

        var error = await Assert.ThrowsAsync<OcrEngineException>(
            () => Engine(o => o.Endpoint = closed.AbsoluteUri).RecognizeAsync(Page, CancellationToken.None));

        Assert.Equal(OcrFailureKind.Transient, error.Kind);
        Assert.IsAssignableFrom<HttpRequestException>(error.InnerException);
        Assert.Equal(3, Gate.Calls);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_turned_into_a_failure()
    {
        Server.Default = Replies.Hang;
        using var cancel = new CancellationTokenSource();
        var recognition = Engine().RecognizeAsync(Page, cancel.Token);
        await Eventually.Until(() => Task.FromResult(Server.Requests.Count), n => n == 1, "the request to arrive", TimeSpan.FromSeconds(10));

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => recognition);
        Assert.Single(Server.Requests);
    }
}
