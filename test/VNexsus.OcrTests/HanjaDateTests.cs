using VNexsus.Ocr.Correction;
using VNexsus.Ocr.Engines.Tesseract;

namespace VNexsus.OcrTests;

public sealed class HanjaDateTests
{
    [Theory]
    [InlineData("2022주| 1189| 288")] // words split at |; 年 read as a syllable, 月 and 日 as digits (holdout12 golden set)
    [InlineData("20224| 119| 288")] // 年 read as a digit run into the year
    [InlineData("2022| 주| 1189| 288")] // the syllable a word of its own
    [InlineData("2010주| 5A| 128")]
    [InlineData("2021%| 68| 24H")]
    [InlineData("2023| 48| 248")] // 年 lost
    [InlineData("21주10928")] // a two-digit year, its character and the month's and day's run in (holdout13 golden set)
    [InlineData("21|주|10928")]
    [InlineData("21쑤98| 178")]
    [InlineData("21주A198")]
    public void A_year_then_two_numbers_with_glyphs_run_in_and_no_separator_is_a_suspect(string date)
    {
        var texts = date.Split('|');
        var words = TsvLine.Of(["진료", " 개시일", .. texts, " (외래"]);

        var span = Assert.Single(HanjaDates.FindSuspects(words));
        Assert.Equal((2, 1 + texts.Length), (span.First, span.Last));
    }

    [Theory]
    [InlineData(">>", true)] // 年 read as a 4: the date heads its row after its mark (holdout13 golden set)
    [InlineData("환자번호", false)] // a number after its label
    public void A_year_read_with_a_4_for_its_character_is_a_suspect_only_heading_its_row(string before, bool suspect) =>
        Assert.Equal(suspect, HanjaDates.FindSuspects(TsvLine.Of([before, " 21457248", " 재진"])).Count == 1);

    [Theory]
    [InlineData("2022.| 11.| 28.")] // a date with its separators
    [InlineData("2022년| 11월| 28일")] // Korean units read right
    [InlineData("20009| 1정| 1일")] // a dose: 1일 is a day's unit read right
    [InlineData("1885주| 118| 288")] // no year of a record
    [InlineData("2022| 1| 28")] // a number without a glyph run into it
    [InlineData("21.10.2")]
    [InlineData("30일분")]
    [InlineData("12:30")]
    public void Other_numbers_are_not_suspects(string date) =>
        Assert.Empty(HanjaDates.FindSuspects(TsvLine.Of(["진료", .. date.Split('|')])));

    [Theory]
    [InlineData("2022주 1189 288", "2022年 11月 28日", "2022年 11月 28日")]
    [InlineData("2010주 5A 128", "2010年 5月 12日", "2010年 5月 12日")]
    [InlineData("20224 119 288", "2022 年 11 月 28 日", "2022年 11月 28日")]
    [InlineData("2022주 1189 288", "2023年 11月 28日", null)] // another year than the first reading's
    [InlineData("2022주 1189 288", "2022年 12月 28日", null)] // a month the first reading's number does not begin with
    [InlineData("2022주 1189 288", "2022年 11月 2日", "2022年 11月 2日")] // a day the number begins with: the second model read the characters
    [InlineData("2022주 1189 288", "2022 118 288", null)] // no characters read
    [InlineData("2022주 1389 288", "2022年 13月 28日", null)] // no such month
    [InlineData("21주10928", "21年10月2日", "21年10月2日")] // 月 read as 9, 日 as 8
    [InlineData("21쑤98 178", "21年9月17日", "21年9月17日")]
    [InlineData("21주A198", "21年4月19日", "21年4月19日")] // the month and its character read as one glyph
    [InlineData("21주A198", "21年4月18日", null)]
    [InlineData("21457248", "21年5月24日", "21年5月24日")]
    [InlineData("21410A28", "21年10月2日", "21年10月2日")]
    [InlineData("21주10928", "22年10月2日", null)]
    [InlineData("21주10928", "21年11月2日", null)] // a month the first reading does not begin with
    [InlineData("21주10928", "21年10月5日", null)] // a day it does not hold
    public void The_reading_is_taken_only_as_such_a_date_that_the_first_reading_agrees_with(string first, string reading, string? expected) =>
        Assert.Equal(expected, HanjaDates.Accepted(first, reading));

    [Fact]
    public async Task Tesseract_reads_a_date_written_with_chinese_characters_again_and_records_it()
    {
        var (plain, read) = await FixturePages.ReadWithoutAndWith("hanja-date-scan.jpg", new TesseractOptions { HanjaDateLanguages = "" });

        Assert.DoesNotContain(plain.Blocks, b => b.Text.Contains("2022年 11月 28日", StringComparison.Ordinal));
        Assert.Contains(read.Blocks, b => b.Text.Contains("2022年 11月 28日", StringComparison.Ordinal));
        var correction = Assert.Single(read.Blocks.SelectMany(b => b.Corrections ?? []), c => c.Reason == HanjaDates.Reason);
        Assert.Equal("2022年 11月 28日", correction.Corrected);
        Assert.NotNull(correction.Box);
    }
}
