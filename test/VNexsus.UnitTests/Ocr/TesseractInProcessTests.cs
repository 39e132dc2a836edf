using Microsoft.Extensions.Options;
using VNexsus.Ocr.Engines;
using VNexsus.Ocr.Engines.Tesseract;
using VNexsus.Ocr.Imaging;
using VNexsus.Ocr.Rendering;
using VNexsus.Testing;

namespace VNexsus.UnitTests.Ocr;

/// <summary>Tesseract through libtesseract in this process: same text as the CLI, bounded handles, stops on time.</summary>
public sealed class TesseractInProcessTests
{
    private static readonly TesseractPass KoreanPage = new("kor+eng", 4, [new("tessedit_do_invert", "0")], WithText: true);

    [Fact]
    public async Task In_process_and_a_child_process_read_a_page_alike()
    {
        var bytes = Fixtures.Bytes(Fixtures.ScanPng);
        var page = new PageImage(bytes, ImageHeader.Png, 1241, 1754);
        using var library = new TesseractEngine(Options.Create(new TesseractOptions()));
        using var process = new TesseractEngine(Options.Create(new TesseractOptions { Runner = TesseractRunner.Process }));

        var inProcess = await library.RecognizeAsync(page, CancellationToken.None);
        var child = await process.RecognizeAsync(page, CancellationToken.None);

        Assert.True(library.InProcess);
        Assert.False(process.InProcess);
        Assert.Contains(inProcess.Blocks, b => b.Text.Contains("2024.03.07"));
        Assert.Equal(Describe(child), Describe(inProcess));
    }

    [Fact]
    public async Task Concurrent_pages_share_at_most_capacity_handles_and_threads_and_read_as_one_at_a_time()
    {
        var image = Scan();
        using var pool = new TesseractHandlePool(KoreanPage, capacity: 2, TimeSpan.FromMinutes(5));
        var alone = await pool.ReadAsync(image, CancellationToken.None);

        var together = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => pool.ReadAsync(image, CancellationToken.None)));
        var again = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => pool.ReadAsync(image, CancellationToken.None)));

        Assert.All(together.Concat(again), output => Assert.Equal(alone, output));
        Assert.InRange(pool.HandlesCreated, 1, 2);
        Assert.InRange(pool.ThreadsStarted, 1, 2); // nine reads, the threads kept between them
        Assert.Equal(0, pool.PagesRecognising);
    }

    [Fact]
    public async Task A_disposed_pool_refuses_a_read_clearly()
    {
        var image = Scan();
        var pool = new TesseractHandlePool(KoreanPage, capacity: 1, TimeSpan.FromMinutes(5));
        await pool.ReadAsync(image, CancellationToken.None);

        pool.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => pool.ReadAsync(image, CancellationToken.None));
    }

    [Fact]
    public async Task A_page_past_its_time_limit_fails_clearly_and_its_handle_is_replaced_not_reused()
    {
        var image = Scan();
        using var healthy = new TesseractHandlePool(KoreanPage, capacity: 1, TimeSpan.FromMinutes(5));
        using var hurried = new TesseractHandlePool(KoreanPage, capacity: 1, TimeSpan.FromMilliseconds(1));

        await healthy.ReadAsync(image, CancellationToken.None);
        await healthy.ReadAsync(image, CancellationToken.None);
        var first = await Assert.ThrowsAsync<OcrEngineException>(() => hurried.ReadAsync(image, CancellationToken.None));
        await Assert.ThrowsAsync<OcrEngineException>(() => hurried.ReadAsync(image, CancellationToken.None));

        Assert.Equal(1, healthy.HandlesCreated);
        Assert.Equal(OcrFailureKind.InvalidInput, first.Kind);
        Assert.Contains("time limit", first.Message);
        Assert.Equal(2, hurried.HandlesCreated);
    }

    [Fact]
    public async Task Cancellation_stops_a_page_being_read_and_frees_its_handle()
    {
        // Four pages stacked: seconds of recognition, long enough to be cancelled while it runs.
        var page = Scan();
        var pixels = new byte[page.Pixels.Length * 4];
        for (var i = 0; i < 4; i++)
        {
            page.Pixels.CopyTo(pixels, i * page.Pixels.Length);
        }

        using var pool = new TesseractHandlePool(KoreanPage, capacity: 1, TimeSpan.FromMinutes(5));
        using var cancellation = new CancellationTokenSource();
        var reading = pool.ReadAsync(new GrayImage(page.Width, page.Height * 4, pixels), cancellation.Token);
        await Eventually.Until(() => Task.FromResult(pool.PagesRecognising), busy => busy == 1, "the page being recognised");
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
        Assert.Equal(0, pool.PagesRecognising);
        await pool.ReadAsync(page, CancellationToken.None);
        Assert.Equal(2, pool.HandlesCreated);
    }

    [Fact]
    public async Task A_model_that_is_not_installed_is_a_configuration_error()
    {
        using var pool = new TesseractHandlePool(KoreanPage with { Languages = "xyz" }, capacity: 1, TimeSpan.FromMinutes(5));

        var error = await Assert.ThrowsAsync<OcrEngineException>(() => pool.ReadAsync(Scan(), CancellationToken.None));

        Assert.Equal(OcrFailureKind.Configuration, error.Kind);
        Assert.Contains("xyz", error.Message);
    }

    [Fact]
    public async Task A_page_this_process_cannot_decode_still_goes_to_the_tesseract_cli()
    {
        // A PGM header promising more pixels than follow: not decodable here; the CLI (leptonica, in the child) still says what it is.
        using var engine = new TesseractEngine(Options.Create(new TesseractOptions()));
        var truncated = "P5\n100 100\n255\n"u8.ToArray();

        var error = await Assert.ThrowsAsync<OcrEngineException>(() => engine.RecognizeAsync(new PageImage(truncated, ImageHeader.Pgm, 100, 100), CancellationToken.None));

        Assert.True(engine.InProcess);
        Assert.Equal(OcrFailureKind.InvalidInput, error.Kind);
        Assert.Contains("exit code", error.Message);
    }

    private static GrayImage Scan() => GrayImage.Decode(Fixtures.Bytes(Fixtures.ScanPng), ImageHeader.Png);

    private static List<string> Describe(RecognizedPage page) =>
        page.Blocks.Select(b => $"{b.Text}|{b.Box}|{b.Confidence:0.000}|{b.Corrections?.Count ?? 0}").ToList();
}
