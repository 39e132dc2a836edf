using System.Collections.ObjectModel;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using VNexsus.Hosting;
using VNexsus.Telemetry;
using VNexsus.Testing;

namespace VNexsus.OpsTests;

/// <summary>
/// The API's own OpenTelemetry pipeline, with an in-memory exporter added: one upload is one trace, from the HTTP
/// request through every grain hop (Orleans' activity propagation) to the text layer, each OCR page and the rules.
/// </summary>
[Collection(Name)]
public sealed class TracingTests
{
    /// <summary>Activity listeners are process-wide: any other API running in this process would add its spans here.</summary>
    public const string Name = "tracing, alone";

    [Fact]
    public async Task One_upload_is_one_trace_from_the_http_request_through_the_grains_to_each_ocr_page_and_the_rules()
    {
        var spans = new SpanCollection();
        var fileName = $"hong-gildong-chart-{Guid.NewGuid():N}.pdf";
        await using var api = await ApiServer.StartAsync(
            ocrEngine: "Tesseract",
            configure: builder => builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(spans)));

        var jobId = await api.RunJobAsync(fileName, "application/pdf", Fixtures.Bytes(Fixtures.MixedPdf));
        var report = await api.Http.GetAsync($"/api/jobs/{jobId}/report");
        report.EnsureSuccessStatusCode();

        var upload = await Eventually.Until(
            () => Task.FromResult(spans.Snapshot().SingleOrDefault(s => s.Kind == ActivityKind.Server && Route(s) == "/api/ocr/upload")),
            span => span is not null,
            "the upload's server span");
        var trace = await Eventually.Until(
            () => Task.FromResult(spans.Snapshot().Where(s => s.TraceId == upload!.TraceId).ToList()),
            t => t.Any(s => s.OperationName == PipelineTracing.Rules) && t.Any(s => s.OperationName == PipelineTracing.ExtractDocument),
            "the extraction and rules spans to end in the upload's trace");

        // Every span of the job's pipeline is in the upload's trace: nothing started a trace of its own.
        var all = spans.Snapshot();
        foreach (var name in new[] { PipelineTracing.ExtractDocument, PipelineTracing.TextLayer, PipelineTracing.OcrPage, PipelineTracing.Rules })
        {
            Assert.Contains(all, s => s.OperationName == name);
            Assert.All(all.Where(s => s.OperationName == name), s => Assert.Equal(upload!.TraceId, s.TraceId));
        }

        // The mixed record has a text-layer page and scanned pages: one span per scanned page, each under a page-grain call.
        var pages = trace.Where(s => s.OperationName == PipelineTracing.OcrPage).ToList();
        var textLayer = trace.Single(s => s.OperationName == PipelineTracing.TextLayer);
        Assert.Equal(pages.Count, (int)textLayer.GetTagItem("vnexsus.ocr.pages")!);
        Assert.Equal(pages.Count, pages.Select(p => p.GetTagItem("vnexsus.page")).Distinct().Count());
        var grainCalls = trace.Where(s => s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)).Select(s => s.DisplayName).ToList();
        foreach (var grain in new[] { "IJobGrain", "IOcrGrain", "IPageOcrGrain", "IRuleGrain" })
        {
            Assert.True(grainCalls.Any(name => name.Contains(grain, StringComparison.Ordinal)), $"no {grain} call in the trace: {string.Join(", ", grainCalls.Distinct())}");
        }

        Assert.All(pages, page => Assert.Contains(trace, parent => parent.SpanId == page.ParentSpanId && parent.DisplayName.Contains("IPageOcrGrain", StringComparison.Ordinal)));

        // The report request is a trace of its own, with the report's span in it. Its server span ends after the response
        // has reached the client, so it is waited for like the upload's.
        var reportRequest = await Eventually.Until(
            () => Task.FromResult(spans.Snapshot().SingleOrDefault(s => s.Kind == ActivityKind.Server && Route(s) == "/api/jobs/{jobId}/report")),
            span => span is not null,
            "the report request's server span");
        Assert.Contains(spans.Snapshot(), s => s.OperationName == PipelineTracing.Report && s.TraceId == reportRequest!.TraceId);

        // No span carries the file name, the document's text or its resident number.
        var attributes = string.Join('\n', all.SelectMany(s => s.TagObjects).Select(tag => $"{tag.Key}={tag.Value}"));
        foreach (var secret in new[] { fileName, "hong-gildong", Fixtures.ResidentNumber, "1234567", "외래", "내과" })
        {
            Assert.DoesNotContain(secret, attributes);
        }
    }

    [Fact]
    public async Task Scrapes_and_probes_make_no_spans()
    {
        var spans = new SpanCollection();
        await using var api = await ApiServer.StartAsync(ocrEngine: "Tesseract", configure: builder => builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(spans)));

        await api.Http.GetStringAsync("/metrics");
        await api.Http.GetAsync("/health/live");
        await api.Http.GetAsync("/api/ocr/status/unknown-job");

        await Eventually.Until(() => Task.FromResult(spans.Snapshot()), s => s.Any(span => Route(span) == "/api/ocr/status/{jobId}"), "the status request's span");
        Assert.DoesNotContain(spans.Snapshot(), s => s.Kind == ActivityKind.Server && Route(s) is "/metrics" or "/health/live");
    }

    [Fact]
    public async Task Without_an_exporter_nothing_listens_to_the_request_grain_or_pipeline_spans()
    {
        await using var api = await ApiServer.StartAsync();

        Assert.Null(api.Services.GetService<TracerProvider>());
        Assert.All(VNexsusTracing.PropagatedSources, name =>
        {
            using var source = new ActivitySource(name);
            Assert.False(source.HasListeners(), $"{name} has a listener");
        });
        var status = await api.Http.GetAsync("/api/ocr/status/unknown-job");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, status.StatusCode);
    }

    [Fact]
    public async Task An_otlp_endpoint_turns_tracing_on()
    {
        await using var api = await ApiServer.StartAsync(settings: [$"--{VNexsusTracing.OtlpEndpointKey}=http://127.0.0.1:9"]);

        Assert.NotNull(api.Services.GetService<TracerProvider>());
        using var pipeline = new ActivitySource(PipelineTracing.SourceName);
        Assert.True(pipeline.HasListeners());
    }

    private static string? Route(Activity span) => span.GetTagItem("http.route") as string;

    /// <summary>The exporter adds from whichever thread ends a span; the test reads snapshots.</summary>
    private sealed class SpanCollection : Collection<Activity>
    {
        private readonly Lock _lock = new();

        public List<Activity> Snapshot()
        {
            lock (_lock)
            {
                return [.. Items];
            }
        }

        protected override void InsertItem(int index, Activity item)
        {
            lock (_lock)
            {
                base.InsertItem(index, item);
            }
        }
    }
}

[CollectionDefinition(TracingTests.Name, DisableParallelization = true)]
public sealed class TracingCollection;
