using VNexsus.Ocr;
using VNexsus.Ocr.Scheduling;

namespace VNexsus.UnitTests.Ocr.Scheduling;

public sealed class OcrLoadBoardTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly OcrLoadBoard _board = new(TimeSpan.FromSeconds(5));

    [Fact]
    public void A_job_whose_pages_all_wait_is_queued_behind_the_pages_ordered_before_it_on_every_silo()
    {
        _board.Update(new SiloOcrLoad("a", 2, 2.0, [Waiting("earlier", 10, 20), Waiting("mine", 30, 31), Running("busy", 2), Waiting("later", 40)]), Now);
        _board.Update(new SiloOcrLoad("b", 2, 4.0, [Waiting("earlier-on-b", 5), Waiting("mine", 35)]), Now);

        var estimate = _board.Estimate(["mine"], Now)!;

        Assert.True(estimate.Queued);
        Assert.Equal(3, estimate.Position);
        Assert.Equal(3, estimate.PagesRemaining);
        Assert.Equal(1.5, estimate.PagesPerSecond);
        Assert.Equal(TimeSpan.FromSeconds((3 + 3) / 1.5), estimate.Remaining);
    }

    [Fact]
    public void The_estimate_follows_the_measured_rate_and_the_queue_ahead()
    {
        _board.Update(new SiloOcrLoad("a", 1, 2.0, [Waiting("ahead", 1, 2, 3, 4), Waiting("mine", 9)]), Now);
        var slow = _board.Estimate(["mine"], Now)!.Remaining;

        _board.Update(new SiloOcrLoad("a", 1, 1.0, [Waiting("ahead", 1, 2, 3, 4), Waiting("mine", 9)]), Now);
        var faster = _board.Estimate(["mine"], Now)!.Remaining;

        _board.Update(new SiloOcrLoad("a", 1, 1.0, [Waiting("ahead", 1), Waiting("mine", 9)]), Now);
        var shorterQueue = _board.Estimate(["mine"], Now)!.Remaining;

        Assert.Equal(TimeSpan.FromSeconds(10), slow);
        Assert.Equal(TimeSpan.FromSeconds(5), faster);
        Assert.Equal(TimeSpan.FromSeconds(2), shorterQueue);
    }

    [Fact]
    public void A_started_document_is_processing_with_its_remaining_pages_counted_by_the_extracting_silo()
    {
        _board.Update(new SiloOcrLoad("a", 2, 2.0, [new DocumentLoad("mine", [50], 1, 40, 5), Waiting("ahead", 1)]), Now);
        _board.Update(new SiloOcrLoad("b", 2, 2.0, [new DocumentLoad("mine", [51], 2, 0, 0)]), Now);

        var estimate = _board.Estimate(["mine"], Now)!;

        Assert.False(estimate.Queued);
        Assert.Equal(0, estimate.Position);
        Assert.Equal(35, estimate.PagesRemaining);
        Assert.Equal(TimeSpan.FromSeconds(35 / 2.0), estimate.Remaining);
    }

    [Fact]
    public void Before_any_page_is_measured_there_is_a_position_but_no_time()
    {
        _board.Update(new SiloOcrLoad("a", 2, null, [Waiting("ahead", 1), Waiting("mine", 2)]), Now);

        var estimate = _board.Estimate(["mine"], Now)!;

        Assert.Equal(1, estimate.Position);
        Assert.Null(estimate.PagesPerSecond);
        Assert.Null(estimate.Remaining);
    }

    [Fact]
    public void Unknown_documents_have_no_estimate_and_a_silent_silo_stops_counting()
    {
        _board.Update(new SiloOcrLoad("gone", 8, 1.0, [Waiting("ahead", 1)]), Now);
        _board.Update(new SiloOcrLoad("alive", 1, 1.0, [Waiting("mine", 2)]), Now.AddSeconds(4));

        Assert.Null(_board.Estimate(["elsewhere"], Now));
        var estimate = _board.Estimate(["mine"], Now.AddSeconds(6))!;

        Assert.Equal(0, estimate.Position);
        Assert.Equal(1.0, estimate.PagesPerSecond);
    }

    [Fact]
    public async Task A_silos_report_combines_its_queue_and_its_extractions()
    {
        var clock = new ManualClock();
        var slots = new OcrSlotQueue(1, new SchedulingOptions(), clock);
        var progress = new OcrProgressTracker();
        using var counted = progress.Begin("extracting", 3);
        counted.PageRecognized();
        using var lease = await slots.AcquireAsync("running", 1, CancellationToken.None);
        _ = slots.AcquireAsync("waiting", 1, CancellationToken.None);

        var load = SiloLoadReport.Compose("silo", slots, progress);

        Assert.Equal(1, load.Slots);
        var documents = load.Documents.ToDictionary(d => d.Sha256);
        Assert.Equal((3, 1), (documents["extracting"].PagesToRecognize, documents["extracting"].PagesRecognized));
        Assert.Equal(1, documents["running"].Running);
        Assert.Single(documents["waiting"].WaitingOrderKeys);
    }

    private static DocumentLoad Waiting(string sha256, params long[] keys) => new(sha256, keys, 0, 0, 0);

    private static DocumentLoad Running(string sha256, int pages) => new(sha256, [], pages, 0, 0);
}
