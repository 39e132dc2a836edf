using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using VNexsus.Ocr;
using VNexsus.Ocr.Correction;
using VNexsus.Ocr.Engines;
using VNexsus.Ocr.Engines.Tesseract;
using VNexsus.Ocr.Imaging;
using VNexsus.Ocr.Rendering;

namespace VNexsus.UnitTests.Ocr;

public sealed class CodeSecondPassTests
{
    [Theory]
    [InlineData("678.5", false, true)]
    [InlineData("(678.5)", false, true)]
    [InlineData("<21.0", false, true)]
    [InlineData("]20.9", false, true)]
    [InlineData("06.9", false, true)]
    [InlineData("851", true, true)]
    [InlineData("851", false, false)]
    [InlineData("6297", true, true)]
    [InlineData("E78.5", true, false)]
    [InlineData("K297", true, false)]
    [InlineData("2024", true, false)]
    [InlineData("2024.03.07", true, false)]
    [InlineData("24.3.17", true, false)]
    [InlineData("제2형", true, false)]
    [InlineData("14", true, false)]
    public void Suspect_tokens_are_code_shaped_with_a_damaged_first_letter(string token, bool lineHasCue, bool suspect)
    {
        Assert.Equal(suspect, KcdToken.IsSuspect(token, lineHasCue));
    }

    [Theory]
    [InlineData("678.5", "E78.5", "E78.5")]
    [InlineData("(678.5)", "E78.5", "(E78.5)")]
    [InlineData("<21.0", "K21.0", "K21.0")]
    [InlineData("06.9", "J06.9", "J06.9")]
    [InlineData("851", "R51", "R51")]
    [InlineData("693.40", "S93.40", "S93.40")]
    [InlineData("611.9", "EL19", "E11.9")] // the Latin reading lost the dot and read 1 as L: letter from it, digits and dot from the first
    [InlineData("6297", "K297", "K297")]
    [InlineData("678.5", "E79.5", null)] // the readings disagree on the digits: keep the first
    [InlineData("678.5", "678.5", null)] // no letter seen
    [InlineData("36.5", "36.5", null)]
    [InlineData("12678.5", "E78.5", null)] // more than two characters would be replaced (three only for the wide M and W)
    [InlineData("678.5", "", null)]
    public void A_second_reading_replaces_a_token_only_when_it_is_a_consistent_well_formed_code(string first, string second, string? expected)
    {
        Assert.Equal(expected, KcdToken.Corrected(first, second));
    }

    [Fact]
    public void Corrections_are_recorded_on_the_word_and_the_block()
    {
        TesseractTsv.Word[] words =
        [
            new(1, 1, 1, 100, 50, 40, 40, 93, "A:"),
            new(1, 1, 1, 160, 50, 120, 40, 93, "고지혈증") { SpaceBefore = true },
            new(1, 1, 1, 300, 50, 130, 40, 89, "(678.5)") { SpaceBefore = true },
        ];
        var page = GrayImage.Blank(600, 200);
        var suspects = CodeSecondPass.FindSuspects(words);
        var strip = CodeSecondPass.SuspectStrip(page, words, suspects)!;
        var slot = Assert.Single(strip.Slots);
        TesseractTsv.Word[] stripWords = [new(1, 1, 1, 20, slot.Top + 4, 100, slot.Bottom - slot.Top - 8, 91, "E78.5")];

        var corrected = CodeSecondPass.Apply(words, strip, stripWords);
        var block = Assert.Single(TesseractTsv.ToBlocks(corrected));

        Assert.Equal([2], suspects);
        Assert.Equal("A: 고지혈증 (E78.5)", block.Text);
        var correction = Assert.Single(block.Corrections!);
        Assert.Equal(new TextCorrection("(678.5)", "(E78.5)", CodeSecondPass.Reason, new BoundingBox(300, 50, 430, 90)), correction);
    }

    [Fact]
    public void A_reading_in_another_crops_band_is_not_used()
    {
        TesseractTsv.Word[] words = [new(1, 1, 1, 100, 50, 40, 40, 93, "진단"), new(1, 1, 1, 160, 50, 100, 40, 93, "678.5") { SpaceBefore = true }];
        var strip = CodeSecondPass.SuspectStrip(GrayImage.Blank(600, 200), words, [1])!;
        TesseractTsv.Word[] elsewhere = [new(1, 1, 1, 20, strip.Slots[0].Bottom + 30, 100, 30, 91, "E78.5")];

        var result = CodeSecondPass.Apply(words, strip, elsewhere);

        Assert.Equal(words, result);
    }

    [Fact]
    public async Task The_second_pass_reads_the_letter_the_korean_model_lost_and_records_it()
    {
        using var engine = new TesseractEngine(Options.Create(new TesseractOptions()));

        var page = await engine.RecognizeAsync(Png("code-line.png"), CancellationToken.None);

        var text = string.Join('\n', page.Blocks.Select(b => b.Text));
        Assert.Contains("(E78.5)", text);
        Assert.Contains("K21.0", text);
        var correction = Assert.Single(page.Blocks.SelectMany(b => b.Corrections ?? []));
        Assert.Equal("(E78.5)", correction.Corrected);
        Assert.NotEqual(correction.Corrected, correction.Original);
        Assert.Equal(CodeSecondPass.Reason, correction.Reason);
        Assert.NotNull(correction.Box);
    }

    [Fact]
    public async Task A_page_without_codes_is_unchanged_by_the_second_pass()
    {
        var image = Png("no-code.png");
        using var withPass = new TesseractEngine(Options.Create(new TesseractOptions()));
        using var withoutPass = new TesseractEngine(Options.Create(new TesseractOptions { CodeSecondPass = false }));

        var read = await withPass.RecognizeAsync(image, CancellationToken.None);
        var plain = await withoutPass.RecognizeAsync(image, CancellationToken.None);

        Assert.Equal(plain.Blocks.Select(b => b.Text), read.Blocks.Select(b => b.Text));
        Assert.All(read.Blocks, b => Assert.Null(b.Corrections));
        Assert.Contains(read.Blocks, b => b.Text.Contains("2024.03.07"));
    }

    private static PageImage Png(string name, [CallerFilePath] string source = "")
    {
        var bytes = File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(source)!, "Fixtures", name));
        var size = ImageHeader.SizeOf(bytes, ImageHeader.Png)!.Value;
        return new PageImage(bytes, ImageHeader.Png, size.Width, size.Height);
    }
}
