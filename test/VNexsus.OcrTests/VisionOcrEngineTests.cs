using VNexsus.Ocr.Engines;
using VNexsus.Ocr.Engines.Vision;
using VNexsus.Privacy;
using VNexsus.Testing;

using VNexsus.Testing.Vision;

namespace VNexsus.OcrTests;

public sealed class VisionOcrEngineTests : VisionTestBase
{
    [Fact]
    public async Task Paragraphs_become_blocks_in_reading_order_with_pixel_boxes_and_confidence()
    {
        var page = await Engine().RecognizeAsync(Page, CancellationToken.None);

        Assert.Equal(SampleAnnotation.Width, page.Width);
        Assert.Equal(SampleAnnotation.Height, page.Height);
        Assert.Equal(SampleAnnotation.Expected.Length, page.Blocks.Count);
        for (var i = 0; i < page.Blocks.Count; i++)
        {
            var (text, xMin, yMin, xMax, yMax, confidence) = SampleAnnotation.Expected[i];
            var block = page.Blocks[i];
            Assert.Equal(i, block.Index);
            Assert.Equal(text, block.Text);
            Assert.Equal(new VNexsus.Ocr.BoundingBox(xMin, yMin, xMax, yMax), block.Box);
            Assert.Equal(confidence, block.Confidence, precision: 6);
        }
    }

    [Fact]
    public async Task The_resident_number_comes_back_masked()
    {
        var page = await Engine().RecognizeAsync(Page, CancellationToken.None);

        var all = string.Join('\n', page.Blocks.Select(b => b.Text));
        Assert.DoesNotContain(SampleAnnotation.ResidentNumber, all);
        Assert.DoesNotContain("1234567", all);
        Assert.False(ResidentNumberMasker.ContainsResidentNumber(all));
        Assert.Contains($"주민등록번호 {ResidentNumberMasker.Mask}", page.Blocks.Select(b => b.Text));
        Assert.Contains("진료일자: 2024.03.07", page.Blocks.Select(b => b.Text));
        Assert.Contains(page.Blocks, b => b.Text.Contains("(E11.9)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_request_is_one_document_text_detection_with_korean_and_english_hints()
    {
        await Engine().RecognizeAsync(Page, CancellationToken.None);

        var request = Assert.Single(Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/images:annotate", request.Path);
        Assert.True(request.BodyIsJson);
        Assert.StartsWith("application/json", request.ContentType);
        Assert.Equal(1, request.ImageRequests);
        Assert.Equal("DOCUMENT_TEXT_DETECTION", request.FeatureType);
        Assert.Equal(["ko", "en"], request.LanguageHints);
        Assert.Equal(Page.Bytes, request.ImageContent);
    }

    [Fact]
    public async Task An_api_key_goes_in_the_key_query_parameter_and_no_bearer_header_is_sent()
    {
        await Engine().RecognizeAsync(Page, CancellationToken.None);

        var request = Assert.Single(Server.Requests);
        Assert.Equal(ApiKey, request.ApiKey);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task Without_an_api_key_the_token_source_supplies_a_bearer_token()
    {
        var engine = Engine(o => o.ApiKey = null, tokens: new FixedTokenSource("synthetic-bearer"));

        await engine.RecognizeAsync(Page, CancellationToken.None);

        var request = Assert.Single(Server.Requests);
        Assert.Equal("Bearer synthetic-bearer", request.Authorization);
        Assert.Null(request.ApiKey);
    }

    [Fact]
    public async Task Without_any_credentials_the_engine_fails_as_misconfigured_without_calling_vision()
    {
        var engine = Engine(o => o.ApiKey = null);

        var error = await Assert.ThrowsAsync<OcrEngineException>(() => engine.RecognizeAsync(Page, CancellationToken.None));

        Assert.Equal(OcrFailureKind.Configuration, error.Kind);
        Assert.Empty(Server.Requests);
        Assert.Equal(0, Gate.Calls);
    }

    [Fact]
    public async Task A_disabled_engine_fails_as_misconfigured()
    {
        var error = await Assert.ThrowsAsync<OcrEngineException>(
            () => Engine(o => o.Enabled = false).RecognizeAsync(Page, CancellationToken.None));

        Assert.Equal(OcrFailureKind.Configuration, error.Kind);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task An_empty_image_is_invalid_input_and_is_never_sent()
    {
        var error = await Assert.ThrowsAsync<OcrEngineException>(
            () => Engine().RecognizeAsync(new PageImage([], "image/png", 10, 10), CancellationToken.None));

        Assert.Equal(OcrFailureKind.InvalidInput, error.Kind);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task The_rate_gate_is_awaited_before_the_request_is_sent()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Gate.Behaviour = ct => new ValueTask(open.Task.WaitAsync(ct));
        var engine = Engine();

        var recognition = engine.RecognizeAsync(Page, CancellationToken.None);
        await Eventually.Until(() => Task.FromResult(Gate.Calls), calls => calls == 1, "the engine to reach the rate gate", TimeSpan.FromSeconds(10));

        Assert.False(recognition.IsCompleted);
        Assert.Empty(Server.Requests);
        open.SetResult();
        await recognition;
        Assert.Single(Server.Requests);
        Assert.Equal(1, Gate.Calls);
    }

    [Fact]
    public async Task A_failing_rate_gate_stops_the_request()
    {
        Gate.Behaviour = _ => ValueTask.FromException(new OcrEngineException(OcrFailureKind.Configuration, "gate is broken"));

        var error = await Assert.ThrowsAsync<OcrEngineException>(() => Engine().RecognizeAsync(Page, CancellationToken.None));

        Assert.Equal("gate is broken", error.Message);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task Concurrent_pages_each_pass_the_gate_once()
    {
        var engine = Engine();

        var pages = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => engine.RecognizeAsync(Page, CancellationToken.None)));

        Assert.All(pages, p => Assert.Equal(SampleAnnotation.Expected.Length, p.Blocks.Count));
        Assert.Equal(8, Server.Requests.Count);
        Assert.Equal(8, Gate.Calls);
    }

    [Fact]
    public async Task Nothing_the_page_says_and_not_the_key_is_logged()
    {
        var engine = Engine();
        Server.Enqueue(Replies.Unavailable, Replies.Malformed);

        await engine.RecognizeAsync(Page, CancellationToken.None);
        Server.Enqueue(Replies.Status(400, "INVALID_ARGUMENT"));
        await Assert.ThrowsAsync<OcrEngineException>(() => engine.RecognizeAsync(Page, CancellationToken.None));

        Assert.NotEmpty(Logger.Lines);
        AssertNothingSensitiveLogged();
    }

    [Fact]
    public void The_profile_names_engine_feature_and_hints()
    {
        Assert.Equal("vision-dtd-ko-en-v3", Engine().Profile);
    }
}
