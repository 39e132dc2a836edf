using VNexsus.Ocr.Correction;
using VNexsus.Ocr.Engines.Tesseract;
using VNexsus.Ocr.Imaging;
using VNexsus.Rules;

namespace VNexsus.OcrTests;

public sealed class BrandPrefixTests
{
    private static readonly IReadOnlyList<string> Suffixes = RuleData.Default.Hospitals.Data.Suffixes;

    [Theory]
    [InlineData(new[] { "\\", "서", "향", "의원", " 가", "정", "의학과" }, true)] // the capitals of YK서향의원 read as a mark
    [InlineData(new[] { "65", "마", "중", "영", "상", "의", "학", "과", "의원" }, true)] // CS read as digits
    [InlineData(new[] { "\\", " 서", "향", "의원" }, false)] // a mark spaced off the name is no part of it
    [InlineData(new[] { "YK", "서", "향", "의원" }, false)] // already a brand
    [InlineData(new[] { "Dr.", "김", "의원" }, false)] // letters: the first reading saw a Latin word
    [InlineData(new[] { "\\", "진", "료", "확인서" }, false)] // no hospital's name after it
    [InlineData(new[] { "\\", "의원" }, false)] // a suffix alone is no name
    [InlineData(new[] { "1", "대", "상", "자", " 인", "근", "의원" }, false)] // a hospital word later on the line is no name glued to it
    public void A_word_without_syllables_glued_in_front_of_a_hospitals_name_is_looked_at_again(string[] line, bool suspect)
    {
        Assert.Equal(suspect ? [0] : [], BrandPrefixes.FindSuspects(TsvLine.Of(line), Suffixes));
    }

    [Theory]
    [InlineData("65", "CS", "CS")]
    [InlineData("\\", "YK", "YK")]
    [InlineData("65", "65", null)] // digits stay digits
    [InlineData("|", "I", null)] // a lone stroke is a rule or a mark
    [InlineData("\\", "YKSH", "YKSH")]
    [InlineData("\\", "YKSHA", null)] // longer than a brand's initials: the crop caught a syllable
    [InlineData("\\", "Y1", null)]
    public void Only_two_to_four_capitals_replace_the_first_reading(string first, string reading, string? expected)
    {
        var words = TsvLine.Of([first, "서", "향", "의원"]);
        var strip = RegionStrip.Build(GrayImage.Blank(600, 200), BrandPrefixes.Regions(words, [0]))!;
        var slot = Assert.Single(strip.Slots);
        TesseractTsv.Word[] read = [new(1, 1, 1, 20, slot.Top + 2, 60, slot.Bottom - slot.Top - 4, 90, reading)];

        var block = Assert.Single(TesseractTsv.ToBlocks(BrandPrefixes.Apply(words, strip, read)));

        Assert.Equal((expected ?? first) + "서향의원", block.Text);
        if (expected is null)
        {
            Assert.Null(block.Corrections);
            return;
        }

        var correction = Assert.Single(block.Corrections!);
        Assert.Equal((first, expected, BrandPrefixes.Reason), (correction.Original, correction.Corrected, correction.Reason));
    }

    [Fact]
    public async Task Tesseract_reads_a_clinics_latin_brand_the_first_pass_read_as_a_mark_and_records_it()
    {
        var (plain, read) = await FixturePages.ReadWithoutAndWith("brand-header-scan.jpg", new TesseractOptions { CodeSecondPass = false });

        Assert.DoesNotContain(plain.Blocks, b => b.Text.Contains("YK서향의원", StringComparison.Ordinal));
        Assert.StartsWith("YK서향의원", read.Blocks[0].Text, StringComparison.Ordinal);
        var correction = Assert.Single(read.Blocks.SelectMany(b => b.Corrections ?? []), c => c.Reason == BrandPrefixes.Reason);
        Assert.Equal("YK", correction.Corrected);
        Assert.NotNull(correction.Box);
    }
}
