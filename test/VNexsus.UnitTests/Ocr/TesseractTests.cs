using Microsoft.Extensions.Options;
using VNexsus.Ocr;
using VNexsus.Ocr.Engines;
using VNexsus.Ocr.Engines.Tesseract;
using VNexsus.Ocr.Imaging;
using VNexsus.Ocr.Rendering;
using VNexsus.Testing;

namespace VNexsus.UnitTests.Ocr;

public sealed class TesseractTests
{
    [Fact]
    public void Tsv_words_become_line_blocks_with_boxes_and_confidence()
    {
        const string tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
            "1\t1\t0\t0\t0\t0\t0\t0\t1000\t1400\t-1\t\n" +
            "5\t1\t1\t1\t1\t1\t100\t50\t30\t40\t90\t진\n" +
            "5\t1\t1\t1\t1\t2\t133\t50\t30\t40\t80\t료\n" +
            "5\t1\t1\t1\t1\t3\t200\t52\t200\t38\t70\t2024.03.07\n" +
            "5\t1\t1\t1\t2\t1\t100\t120\t300\t40\t60\t800101-1234567\n";

        var blocks = TesseractTsv.Parse(tsv);

        Assert.Equal(2, blocks.Count);
        Assert.Equal("진료 2024.03.07", blocks[0].Text);
        Assert.Equal(new BoundingBox(100, 50, 400, 90), blocks[0].Box);
        Assert.Equal(0.8, blocks[0].Confidence, 3);
        Assert.Equal("******-*******", blocks[1].Text);
    }

    [Fact]
    public void With_tesseracts_text_in_the_same_output_spaces_come_from_it_not_from_gaps()
    {
        // tsv and txt on one stdout: the syllable boxes say 입/원/일: are apart, the text says they are one word.
        const string output = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
            "5\t1\t1\t1\t1\t1\t262\t595\t57\t39\t93\t입\n" +
            "5\t1\t1\t1\t1\t2\t341\t595\t22\t39\t93\t원\n" +
            "5\t1\t1\t1\t1\t3\t381\t602\t5\t24\t85\t일:\n" +
            "5\t1\t1\t1\t1\t4\t389\t599\t222\t31\t91\t2021-04-11\n" +
            "입원일:   2021-04-11\n\n\f";

        var block = Assert.Single(TesseractTsv.Parse(output));

        Assert.Equal("입원일: 2021-04-11", block.Text);
        Assert.Null(block.Corrections);
    }

    [Fact]
    public void A_word_read_on_a_reduced_page_is_mapped_back_covering_every_pixel_it_covered()
    {
        var word = new TesseractTsv.Word(1, 2, 3, 10, 21, 5, 7, 88, "E11.9") { SpaceBefore = true };

        var scaled = word.Scaled(3, 2);

        Assert.Equal(new TesseractTsv.Word(1, 2, 3, 15, 31, 8, 11, 88, "E11.9") { SpaceBefore = true }, scaled); // 15..22.5 and 31.5..42, widened to whole pixels
    }

    [Fact]
    public async Task A_page_finer_than_the_limit_is_read_at_two_thirds_of_its_size_with_its_boxes_in_its_own_pixels()
    {
        // The 150-dpi fixture enlarged to 300 dpi, main pass only: read with the limit at 250 dpi it must read exactly what
        // the page reduced by hand reads, with every box scaled back by 3/2 (whole pixels, grown outwards).
        TesseractOptions MainPassOnly(int? reduceAboveDpi) => new() { RemoveTableRules = false, CodeSecondPass = false, DateSecondPass = false, ReduceAboveDpi = reduceAboveDpi };
        using var reducing = new TesseractEngine(Options.Create(MainPassOnly(250)));
        using var plain = new TesseractEngine(Options.Create(MainPassOnly(null)));
        var fine = GrayImage.Decode(Fixtures.Bytes(Fixtures.ScanPng), ImageHeader.Png).Enlarge(2);
        var byHand = fine.TwoThirds();

        var read = await reducing.RecognizeAsync(new PageImage(fine.ToPgm(), ImageHeader.Pgm, fine.Width, fine.Height), CancellationToken.None);
        var reference = await plain.RecognizeAsync(new PageImage(byHand.ToPgm(), ImageHeader.Pgm, byHand.Width, byHand.Height), CancellationToken.None);

        Assert.True(TableRuleRemover.GuessDpi(fine.Width, fine.Height) > 250, "the enlarged page is finer than the limit");
        Assert.Equal((fine.Width, fine.Height), (read.Width, read.Height));
        Assert.Contains(read.Blocks, b => b.Text.Contains("2024.03.07"));
        Assert.Equal(
            reference.Blocks.Select(b => (b.Text, new BoundingBox(Math.Floor(b.Box!.XMin * 1.5), Math.Floor(b.Box.YMin * 1.5), Math.Ceiling(b.Box.XMax * 1.5), Math.Ceiling(b.Box.YMax * 1.5)))),
            read.Blocks.Select(b => (b.Text, b.Box!)));
    }

    [Fact]
    public void The_profile_names_the_settings_that_change_the_text()
    {
        using var everyPass = new TesseractEngine(Options.Create(new TesseractOptions()));
        using var mainPassOnly = new TesseractEngine(Options.Create(new TesseractOptions { RemoveTableRules = false, CodeSecondPass = false, DateSecondPass = false }));
        using var reduced = new TesseractEngine(Options.Create(new TesseractOptions { ReduceAboveDpi = 250 }));
        using var withoutHanja = new TesseractEngine(Options.Create(new TesseractOptions { HanjaDateLanguages = "" }));
        using var hanjaNotInstalled = new TesseractEngine(Options.Create(new TesseractOptions { HanjaDateLanguages = "no_such_model" }));

        Assert.Equal("tesseract-kor+eng-psm4-rules-kcd2-date2-hanja-v21", everyPass.Profile);
        Assert.Equal("tesseract-kor+eng-psm4-v21", mainPassOnly.Profile);
        Assert.Equal("tesseract-kor+eng-psm4-reduce250-rules-kcd2-date2-hanja-v21", reduced.Profile);
        Assert.Equal("tesseract-kor+eng-psm4-rules-kcd2-date2-v21", withoutHanja.Profile);
        Assert.Equal("tesseract-kor+eng-psm4-rules-kcd2-date2-v21", hanjaNotInstalled.Profile);
    }

    [Fact]
    public async Task Tesseract_reads_a_synthetic_korean_scan()
    {
        using var engine = new TesseractEngine(Options.Create(new TesseractOptions()));
        var bytes = Fixtures.Bytes(Fixtures.ScanPng);
        var size = ImageHeader.SizeOf(bytes, ImageHeader.Png)!.Value;

        var page = await engine.RecognizeAsync(new PageImage(bytes, ImageHeader.Png, size.Width, size.Height), CancellationToken.None);

        Assert.Equal(size.Width, page.Width);
        Assert.Contains(page.Blocks, b => b.Text.Contains("2024.03.07"));
        Assert.All(page.Blocks, b => Assert.True(b.Box!.XMax <= size.Width && b.Box.YMax <= size.Height));
    }

    [Theory]
    [InlineData(Fixtures.ShortRecordHeavyScan, "퇴원요약지", 5)]
    [InlineData(Fixtures.FiveLineRecordHeavyScan, "진료기록", 4)]
    public async Task A_short_record_on_a_noisy_scan_is_read(string fixture, string title, int lines)
    {
        // A few lines on an A4 page, under 1 % ink: once, Tesseract's threshold (seven lines, when the specks were erased)
        // or the rule remover's (five lines: the noise became rules) fell inside the paper's noise, and nothing was read.
        var bytes = Fixtures.Bytes(fixture);
        var size = ImageHeader.SizeOf(bytes, ImageHeader.Jpeg)!.Value;
        using var engine = new TesseractEngine(Options.Create(new TesseractOptions()));

        var page = await engine.RecognizeAsync(new PageImage(bytes, ImageHeader.Jpeg, size.Width, size.Height), CancellationToken.None);

        Assert.Contains(page.Blocks, b => b.Text.Contains(title));
        Assert.True(page.Blocks.Count >= lines, $"{page.Blocks.Count} lines read");
    }

    [Fact]
    public async Task A_missing_tesseract_is_a_configuration_error()
    {
        using var engine = new TesseractEngine(Options.Create(new TesseractOptions { Executable = "/nonexistent/tesseract" }));

        var error = await Assert.ThrowsAsync<OcrEngineException>(() => engine.RecognizeAsync(new PageImage([1, 2, 3], ImageHeader.Png, 1, 1), CancellationToken.None));

        Assert.Equal(OcrFailureKind.Configuration, error.Kind);
    }

    [Fact]
    public async Task Garbage_instead_of_an_image_is_invalid_input()
    {
        using var engine = new TesseractEngine(Options.Create(new TesseractOptions()));

        var error = await Assert.ThrowsAsync<OcrEngineException>(() => engine.RecognizeAsync(new PageImage("not an image at all"u8.ToArray(), ImageHeader.Png, 1, 1), CancellationToken.None));

        Assert.Equal(OcrFailureKind.InvalidInput, error.Kind);
    }

    [Theory]
    [InlineData(Fixtures.ScanPng, ImageHeader.Png)]
    [InlineData(Fixtures.ScanJpeg, ImageHeader.Jpeg)]
    public void Image_headers_give_the_pixel_size(string fixture, string mediaType)
    {
        Assert.Equal((1241, 1754), ImageHeader.SizeOf(Fixtures.Bytes(fixture), mediaType));
    }
}
