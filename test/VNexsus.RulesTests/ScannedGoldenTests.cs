using VNexsus.Accuracy;
using VNexsus.Ocr;
using VNexsus.Rules;
using VNexsus.Testing;

namespace VNexsus.RulesTests;

/// <summary>
/// The scanned mode of bench/accuracy end to end on one small golden case: its PDF made into a light scan (image only),
/// read through the silo's extraction and Tesseract path, and scored against the case's expectations.
/// </summary>
public sealed class ScannedGoldenTests
{
    private static GoldenCase Case(string id) => GoldenSet.Load(GoldenSet.FindCasesFolder()).Single(c => c.CaseId == id);

    [Fact]
    public async Task A_light_scan_of_a_golden_case_has_no_text_layer_and_OCR_finds_its_event_dates()
    {
        using var cache = new TemporaryDirectory();
        var golden = Case("outpatient-01");
        using var reader = new ScannedReader(new ScanCopies("light", cache.Path), workers: 2);

        var documents = await reader.ReadAsync(golden, CancellationToken.None);

        var scan = Assert.Single(Directory.GetFiles(cache.Path, "*.pdf", SearchOption.AllDirectories));
        using (var stream = File.OpenRead(scan))
        {
            Assert.All(PdfTextLayerReader.Read(stream), page => Assert.NotNull(page.NeedsOcrReason));
        }

        var pages = documents.SelectMany(d => d.Pages).ToList();
        Assert.NotEmpty(pages);
        Assert.All(pages, page => Assert.Equal(PageTextSource.Ocr, page.Source));
        Assert.Equal(reader.PagesRead, pages.Count);

        var (score, _) = Scorer.Evaluate(RuleEngine.Default, golden, documents);
        var misses = string.Join("\n", score.Misses);
        Assert.True(score.DateRecall.Total >= 3, $"{score.DateRecall.Total} expected dates");
        Assert.True(score.DateRecall.Hits == score.DateRecall.Total, $"dates {score.DateRecall.Hits}/{score.DateRecall.Total}\n{misses}");
        Assert.True(score.EventRecall.Hits == score.EventRecall.Total, $"events {score.EventRecall.Hits}/{score.EventRecall.Total}\n{misses}");
        Assert.True(score.FakeKeptOut.Hits == score.FakeKeptOut.Total, $"fake dates kept out {score.FakeKeptOut.Hits}/{score.FakeKeptOut.Total}\n{misses}");
    }

    [Fact]
    public async Task A_scan_is_made_the_same_byte_for_byte_and_then_served_from_the_cache()
    {
        using var first = new TemporaryDirectory();
        using var second = new TemporaryDirectory();
        var golden = Case("admission_discharge-01");
        var pdf = Path.Combine(golden.Folder, golden.Documents[0]);

        var heavy = new ScanCopies("heavy", first.Path);
        var scan = await heavy.ScanAsync(pdf, CancellationToken.None);
        var made = File.GetLastWriteTimeUtc(scan);
        var again = await new ScanCopies("heavy", second.Path).ScanAsync(pdf, CancellationToken.None);

        Assert.Equal(await File.ReadAllBytesAsync(scan), await File.ReadAllBytesAsync(again));
        Assert.Contains(Path.Combine(heavy.Version, "heavy"), scan, StringComparison.Ordinal);
        Assert.Equal(scan, await heavy.ScanAsync(pdf, CancellationToken.None));
        Assert.Equal(made, File.GetLastWriteTimeUtc(scan));
    }
}
