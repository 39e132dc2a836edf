using VNexsus.Ocr;
using VNexsus.Ocr.Correction;
using VNexsus.Ocr.Engines.Tesseract;
using VNexsus.Ocr.Imaging;

namespace VNexsus.OcrTests;

public sealed class DateCorrectionTests
{
    private static readonly Dictionary<int, string> NoReadings = [];

    [Theory]
    [InlineData("202214 128 192", "2022년 12월 19일", "2022년 12월 19일")] // 년, 월, 일 read as digits on a line with Latin words
    [InlineData("202414 3월 18일", "2024년 3월 18일", "2024년 3월 18일")]
    [InlineData("2021년 11월 108", "2021년 11월 10일", "2021년 11월 10일")]
    [InlineData("2021411203", "2021-11-03", "2021-11-03")] // dashes read as digits
    [InlineData("2022'4 123 192", "2022년 12월 19일", "2022년 12월 19일")]
    [InlineData("202214 128 192", "2022년 12월 18일", null)] // a digit the first reading never saw
    [InlineData("202214 128 192", "2021년 12월 19일", null)] // another year
    [InlineData("202214 138 192", "2022년 13월 19일", null)] // no such month
    [InlineData("202214 128 192", "2022 12 19", null)] // the second reading is no date either
    [InlineData("2022년 12월 19일", "2022년 12월 19일", null)] // nothing to change
    [InlineData("202444 03월 18일", ": 2024년 03월 18일", "2024년 03월 18일")] // a mark of the word before, caught by the crop
    [InlineData("202444 042 262!", "2024년 04월 26일`", "2024년 04월 26일")] // a mark of the word after
    [InlineData("202314 072 12일", "\"2023년 07월 12일!", "2023년 07월 12일")]
    [InlineData("202444 042 262!", "2024년 04월 26일7", null)] // a digit after the day is no mark
    [InlineData("2023년 8월 282", "2023년 8월28일", "2023년 8월 28일")] // spaced as the first reading shows the parts
    [InlineData("2022. 4 ㅣ.", "2022. 4. 1.", "2022. 4. 1.")] // a 1 read as a bare stroke, read as 1 again
    [InlineData("2022. 4 ㅣ.", "2022. 4. 7.", null)] // the stroke is a 1 or nothing
    [InlineData("2022.7.1.", "2022.7.1", null)] // the final full stop shows the spaced format
    [InlineData("2022. 4 ㅣ.", "2022. 4. 11.", null)] // one stroke is one digit
    [InlineData("2023년 8월282", "2023년 8월28일", "2023년 8월28일")]
    [InlineData("20214 02%) 20%", "2021년 02월 20일", "2021년 02월 20일")] // 월 read as two marks
    [InlineData("20214 02%) 20%", "2021년 02월 28일", null)] // a digit the first reading never saw
    [InlineData("202444 0181 112", "_2024년 01월”11일", "2024년 01월 11일")] // a speck before, a mark for the space after 월
    [InlineData("2024년 049172", "2024년 04월'17일", "2024년 04월 17일")]
    [InlineData("202444 02H 162.", "2024년 02월 16일.", "2024년 02월 16일.")] // a full stop both readings see stays
    [InlineData("202414 049! 232).", "2024년 04월 23일 .", "2024년 04월 23일.")]
    [InlineData("202444 02H 162", "2024년 02월 16일.", "2024년 02월 16일")] // one the first reading did not see does not
    [InlineData("202444 02H 162.", "2024년 02월 16일", "2024년 02월 16일")] // a unit date needs no final stop
    [InlineData("2023. 5. 4:", "2023.5.4:", "2023. 5. 4.")] // the first reading shows the spaced format the small crop lost
    [InlineData("2023. 5. 4", "2023.5.4", "2023.5.4")] // no final mark: nothing shows the spaced format
    [InlineData("2023 5 4:", "2023.5.4", "2023.5.4")] // no dot after the year in the first reading either
    [InlineData("2024. 06, 01", "2024. 06. 01", "2024. 06. 01")] // the spaced format printed without a final stop (holdout9 golden set)
    public void A_rereading_replaces_a_span_only_when_it_is_a_date_consistent_with_every_digit_of_the_first(string first, string second, string? expected)
    {
        Assert.Equal(expected, DateToken.Corrected(first, second));
    }

    [Theory]
    [InlineData("2027.02.20", "2022.02.20", "2022.02.20", "2022.02.20")] // a year digit misread on the page, read alike twice from the crop
    [InlineData("2023.01.01", " 2022.01.01 ", "2022.01.01", "2022.01.01")]
    [InlineData("2027.02.20", ": 2022.02.20", "2022.02.20", "2022.02.20")]
    [InlineData("2027.02.20", "2022.02.20", "2027.02.20", null)] // the third reading sides with the first: keep it
    [InlineData("2027.02.20", "2022.02.20", "2022.02.28", null)] // the two re-readings disagree
    [InlineData("2027.02.20", "2022.02.20", "", null)] // no third reading
    [InlineData("2027.02.20", "2022.02.26", "2022.02.26", null)] // two digits differ: more likely another crop than a misread
    [InlineData("2022-02-20", "2022.02.20", "2022.02.20", null)] // another separator: no digit dispute
    [InlineData("2022.02.20", "2022.02.80", "2022.02.80", null)] // no day 80
    [InlineData("2022.02.20", "2022.02.20", "2022.02.20", null)] // nothing disputed
    [InlineData("2022 02 20", "2022.02.20", "2022.02.20", null)] // the first reading was no date: that is the damaged-date look's case
    public void A_well_formed_date_changes_only_when_two_rereadings_agree_on_one_other_digit(string first, string second, string third, string? expected)
    {
        Assert.Equal(expected, DateToken.Confirmed(first, second, third));
    }

    [Theory]
    [InlineData("2023 9. 3.", false, "2023. 9. 3.")]
    [InlineData("2023, 9. 3.", false, "2023. 9. 3.")]
    [InlineData("2021. 7, 4.", false, "2021. 7. 4.")]
    [InlineData("2021, 4.5.", false, "2021. 4. 5.")]
    [InlineData("2021 7, 4.", false, "2021. 7. 4.")]
    [InlineData("2023 9 3.", false, null)] // no mark left between the parts: nothing says which format it was
    [InlineData("2023, 9, 3.", false, "2023. 9. 3.")]
    [InlineData("2022.11 25", false, "2022.11.25")]
    [InlineData("2022 11.25", false, "2022.11.25")]
    [InlineData("2022/1005", true, "2022/10/05")]
    [InlineData("2022/1005", false, null)] // run together without a date cue: as likely a document number
    [InlineData("2023-1234", true, null)] // no day 34
    [InlineData("2022.13 25", false, null)] // no month 13
    [InlineData("2023 9.5", false, null)] // no trailing full stop: not the spaced format
    [InlineData("2023. 3.21,", false, "2023. 3. 21.")] // a comma for the blurred last full stop
    [InlineData("2023 2 21,", false, null)]
    [InlineData("2023.3,21", false, null)]
    [InlineData("010-1234-5678", true, null)] // a phone number
    [InlineData("2,500,000", true, null)] // an amount
    [InlineData("2023.03.15", true, null)] // already well-formed
    [InlineData("2023. 6..15.", false, "2023. 6. 15.")] // a doubled dot
    [InlineData("2024..6. 9.", false, "2024. 6. 9.")]
    [InlineData("2023..03.15", false, "2023.03.15")]
    [InlineData("2021년'5월 23일", false, "2021년 5월 23일")] // a stray mark where the space after a unit was
    [InlineData("2021년 5월,23일", false, "2021년 5월 23일")]
    [InlineData("2021년'13월 23일", false, null)] // no month 13
    [InlineData("2023년:05월.10일", false, "2023년 05월 10일")]
    [InlineData("202244 08월 21일", false, "2022년 08월 21일")] // 년 read as digits; the month and day keep their units
    [InlineData("20244 3월 5일", false, "2024년 3월 5일")]
    [InlineData("202214 12월 19일", false, "2022년 12월 19일")]
    [InlineData("202247 08월 21일", false, null)] // 47 is no reading of 년 seen here
    [InlineData("202244 08 21일", false, null)] // the month lost its unit too: nothing shows the format
    [InlineData("202244 13월 21일", false, null)] // no month 13
    [InlineData("2023..0315", false, null)] // one dot left between year and month and day run together: no format is sure
    [InlineData("2021년 06월-10일", false, "2021년 06월 10일")] // a dash where the space after 월 was
    [InlineData("2021 년 9월 21일", false, "2021년 9월 21일")] // the unit syllable reported as a word of its own
    [InlineData("2021년 9 월 21 일", false, "2021년 9월 21일")]
    [InlineData("2022년 03월 16월", false, "2022년 03월 16일")] // 일 read as 월 after the month
    [InlineData("2022년 13월 16월", false, null)] // no month 13
    [InlineData("2022년 03월 36월", false, null)] // no day 36
    [InlineData("2023년 03월 14얼", false, "2023년 03월 14일")] // 일 read as 얼, one stroke more
    [InlineData("202344 3월 8얼", false, "2023년 3월 8일")] // and 년 read as digits
    [InlineData("2023년 14얼", false, null)] // no month: nothing shows 얼 is the day's unit
    [InlineData("2023년 03월 34얼", false, null)] // no day 34
    [InlineData("2022년 03월 16", false, null)] // the day lost its unit: nothing to restore it from
    [InlineData("2022 03 16 월", false, null)] // no unit shows the format
    [InlineData("2021-06-10 월", false, null)] // a weekday after a date is no part of it
    [InlineData("2021:02.07", false, "2021.02.07")] // a dot read as a colon beside a dot
    [InlineData("2022:6.1(수)", false, "2022.6.1(수)")] // with its weekday after it (holdout10 golden set)
    [InlineData("2022.6.1(수)", false, null)] // well formed: nothing to repair
    [InlineData("2023/10714(토)", false, "2023/10/14(토)")] // the second slash read as a 7, a weekday after it (holdout12 golden set)
    [InlineData("2023/10714", true, "2023/10/14")] // after a date cue
    [InlineData("2023/10714", false, null)] // a number so written may be a document's
    [InlineData("2022/711/09(수)", false, "2022/11/09(수)")] // the first slash read as /7
    [InlineData("2023/13714(토)", false, null)] // no month 13
    [InlineData("2022-09:23", false, "2022-09-23")]
    [InlineData("2024°12.15", false, "2024.12.15")]
    [InlineData("2022. 7:19.", false, "2022. 7. 19.")]
    [InlineData("2022:07:19", false, null)] // two colons: nothing shows the format
    [InlineData("2021:13.07", false, null)] // no month 13
    [InlineData("2021:02.07:30", false, null)] // a time after it: not a date alone
    [InlineData("2021. 3. 20:", false, "2021. 3. 20.")] // the spaced format's final stop read as a colon
    [InlineData("2022-6. 15.", false, "2022. 6. 15.")] // a smear on the dot read as a dash
    [InlineData("2022. 6-15.", false, "2022. 6. 15.")]
    [InlineData("2019: 05. 30", false, "2019. 05. 30")] // the spaced format printed without a final stop, a dot read as a colon (holdout9 golden set)
    [InlineData("2019. 05: 30", false, "2019. 05. 30")]
    [InlineData("2019-05. 30", false, null)] // no colon and no final stop: nothing says which mark is the misread one
    [InlineData("2022/6. 15.", false, null)] // a slash is no dot
    [InlineData("2022-6-15:", false, null)] // no spaced dot shows the format
    [InlineData("2021.02.07:", false, null)] // nor here: a colon after a date may start a time
    [InlineData("2023.ㆍ9. 23.", false, "2023. 9. 23.")] // a middle dot beside a dot is a speck of it
    [InlineData("2023.11. 14.,", false, "2023. 11. 14.")] // a comma after the final stop
    [InlineData("2021.2.10.", false, "2021. 2. 10.")] // the final stop shows the spaced format whose spaces the model lost
    [InlineData("2022년 12월 19윌", false, "2022년 12월 19일")] // 일 read as 윌, a stroke more in the vowel
    [InlineData("2022년 12월 19을", false, null)] // no other syllable is the day's unit
    [InlineData("2024년5월 7일", false, "2024년 5월 7일")] // one space style throughout
    [InlineData("2024년5월7일", false, null)] // set close throughout: as printed
    public void A_lost_separator_is_restored_only_from_the_dates_other_separators(string text, bool dateCue, string? expected)
    {
        Assert.Equal(expected, DateToken.Repaired(text, dateCue));
    }

    [Theory]
    [InlineData("진료일", true)]
    [InlineData("교부일:", true)]
    [InlineData("작성일자", true)]
    [InlineData("일시", true)] // 검사 일시 (holdout12 golden set)
    [InlineData("일정", false)]
    [InlineData("검사", false)]
    public void A_date_cue_is_a_word_that_says_a_date_comes_next(string word, bool cue) =>
        Assert.Equal(cue, DateToken.IsDateCue(word));

    [Theory]
    [InlineData("2022년 SB 12일", "2022년 5월 12일", "2022년 5월 12일", "2022년 5월 12일")] // 5월 read by the Latin model as letters
    [InlineData("2022년 OSH 25일", ": 2022년 05월 25일", "2022년 05월 25일`", "2022년 05월 25일")] // marks of the words around
    [InlineData("2023년 01월 ise", "2023년 01월 15일", "2023년 01월 15일", "2023년 01월 15일")] // the day garbled
    [InlineData("2023/T0/18", "2023/10/18", "2023/10/18", "2023/10/18")] // a letter where a digit stands, the other digit kept
    [InlineData("2024-12717", "2024-12”17", "2024-12\"17", "2024-12-17")] // a dash read as 7, seen as a mark by both re-readings
    [InlineData("2022년 SB 12일", "2022년 5월 12일", "2022년 6월 12일", null)] // the re-readings disagree
    [InlineData("2022년 SB 12일", "2022년 5월 12일", "", null)] // one re-reading only
    [InlineData("2022년 SB 12일", "2022년 5월 13일", "2022년 5월 13일", null)] // a digit the first reading saw, changed
    [InlineData("2022년 SB Il", "2022년 5월 11일", "2022년 5월 11일", null)] // nothing of the first reading's month or day kept
    [InlineData("2022년 SB 12일", "2021년 5월 12일", "2021년 5월 12일", null)] // another year
    [InlineData("2022년 SBXY 12일", "2022년 5월 12일", "2022년 5월 12일", null)] // four letters: more than a number and its unit
    [InlineData("2023/T0/18", "2023.10.18", "2023.10.18", null)] // another format
    [InlineData("2023/T0/18", "2023/100/18", "2023/100/18", null)] // a digit more than the first reading's glyphs
    [InlineData("2024-12717", "2024-12\"17", "2024-12717", null)] // the other re-reading sees the digit
    [InlineData("2024-12717", "2024-1\"717", "2024-1\"717", null)] // no date with the separator there
    [InlineData("2024-12717", "2024-12117", "2024-12117", null)] // a digit for a digit: no mark seen
    [InlineData("2024-12717", "2024-\"2\"17", "2024-\"2\"17", null)] // two digits taken for marks
    [InlineData("2022년 12월 19일", "2022년 12월 19일", "2022년 12월 19일", null)] // nothing to change
    public void Two_rereadings_that_agree_give_a_part_the_first_reading_garbled_or_a_separator_it_read_as_a_digit(string first, string second, string third, string? expected)
    {
        Assert.Equal(expected, DateToken.Agreed(first, second, third));
    }

    [Theory]
    [InlineData("22:5:18", "22.5.18")] // a time writes its minutes with two digits
    [InlineData("21:7:4", "21.7.4")]
    [InlineData("24:11:9", "24.11.9")] // the seconds too
    [InlineData("22:05:18", null)] // may be a time
    [InlineData("22:13:5", null)] // no month 13
    [InlineData("22:5:38", null)] // no day 38
    [InlineData("2022:5:18", null)] // not a short date
    [InlineData("22:5", null)]
    [InlineData("9:5:18", null)]
    [InlineData("23.10:27", "23.10.27")] // a dot kept shows the format: no time has one
    [InlineData("23:10.27", "23.10.27")]
    [InlineData("23.10.27", null)] // nothing to restore
    [InlineData("23.13:27", null)] // no month 13
    [InlineData("23.10:32", null)] // no day 32
    [InlineData(":22:1.18", ":22.1.18")] // the cue's colon read with it
    [InlineData(":22.1.18", null)] // the cue's colon is none of the date's
    [InlineData(":22:05:18", null)] // may be a time
    [InlineData("::22:1.18", null)]
    public void A_short_date_whose_dots_were_read_as_colons_is_no_time_when_a_part_has_one_digit(string token, string? expected)
    {
        Assert.Equal(expected, DateToken.ShortColonsRestored(token));
    }

    [Fact]
    public void Short_dates_read_with_colons_are_restored_where_a_date_stands_and_the_change_is_recorded()
    {
        var words = (TesseractTsv.Word[])
        [
            .. Line(1, ("진료일:", 0), ("22:5:18", 160), ("담당의:", 400)),
            .. Line(2, ("21:7:4", 0), ("HbA1c", 200)),
            .. Line(3, ("투약", 0), ("22:5:18", 160)), // within a line, no cue: left alone
            .. Line(4, ("진료일:", 0), ("22:05:18", 160)), // may be a time
            .. Line(5, ("교부일:", 0), ("23.10:27", 160)), // a dot kept shows the format
            .. Line(6, ("입원일:", 0), ("2021-06-25", 160), ("퇴원일", 400), (":22:1.18", 520)), // the cue's colon read with the date
        ];

        var restored = DateSecondPass.RestoreShortColons(words);

        Assert.Equal(
            ["진료일:", "22.5.18", "담당의:", "21.7.4", "HbA1c", "투약", "22:5:18", "진료일:", "22:05:18", "교부일:", "23.10.27", "입원일:", "2021-06-25", "퇴원일", ":22.1.18"],
            restored.Select(w => w.Text));
        Assert.Equal(new TextCorrection("22:5:18", "22.5.18", DateSecondPass.SeparatorReason, restored[1].Correction!.Box), restored[1].Correction);
        Assert.Null(restored[6].Correction);
    }

    [Theory]
    [InlineData("2023.12.24E11.4", "2023.12.24 E11.4")] // golden dev set, two-column page
    [InlineData("2023-12-24K29", "2023-12-24 K29")]
    [InlineData("2023.13.24E11.4", null)] // no month 13
    [InlineData("2023.12-24E11.4", null)] // separators differ
    [InlineData("2023.12.24E1", null)] // no code
    [InlineData("2023.12.24", null)]
    [InlineData("12.24E11.4", null)] // no year
    [InlineData("2022/10/131109", "2022/10/13 1109")] // the code's letter read as a digit (holdout8 golden set: 2022/10/13▶I109, the ▶ lost)
    [InlineData("'22.08.141109", "'22.08.14 1109")]
    [InlineData("2022-10-13110.9", "2022-10-13 110.9")]
    [InlineData("2022/1/131109", null)] // a month of one digit may have a day of one: where the day ends is unknown
    [InlineData("2022/10/1311", null)] // too short for a code
    [InlineData("2022/10/32110", null)] // no day 32
    public void A_date_glued_to_the_code_after_it_gets_its_space_back(string token, string? expected)
    {
        Assert.Equal(expected, DateToken.CodeSeparated(token));
    }

    [Fact]
    public void A_separated_date_and_code_record_the_change()
    {
        var words = (TesseractTsv.Word[])[.. Line(1, ("2023.12.24E11.4", 0), ("당뇨병성", 400)), .. Line(2, ("2024-01-23", 0), ("E11.4", 240))];

        var separated = DateSecondPass.SeparateGluedCodes(words);

        Assert.Equal(["2023.12.24", "E11.4", "당뇨병성", "2024-01-23", "E11.4"], separated.Select(w => w.Text));
        Assert.Equal(new TextCorrection("2023.12.24E11.4", "2023.12.24 E11.4", DateSecondPass.SeparatorReason, words[0].Box), separated[0].Correction);
        Assert.All(separated.Skip(1), w => Assert.Null(w.Correction));
        Assert.Equal((words[0].Left, words[0].Right), (separated[0].Left, separated[1].Right)); // the two share the glued word's box
        Assert.True(separated[0].Right == separated[1].Left && separated[1].SpaceBefore == true);
        Assert.Equal("2023.12.24 E11.4 당뇨병성", TesseractTsv.ToBlocks(separated)[0].Text);
    }

    [Theory]
    [InlineData("21", ".10.11", "21.10.11")]
    [InlineData("24", ".5.9", "24.5.9")]
    [InlineData("21", ".13.11", null)] // no month 13
    [InlineData("21", ".10.32", null)] // no day 32
    [InlineData("21.", "10.11", null)] // a space after a dot may be the text's
    [InlineData("2021", ".10.11", null)] // no short date
    [InlineData("21", "10.11", null)]
    [InlineData("21", ".10.11.", null)]
    public void A_short_date_read_with_a_space_before_its_first_dot_is_one_date(string first, string second, string? expected)
    {
        Assert.Equal(expected, DateToken.ShortDateJoined(first, second));
    }

    [Fact]
    public void Short_dates_split_before_their_first_dot_are_joined_when_close_on_one_line_and_the_change_is_recorded()
    {
        var words = (TesseractTsv.Word[])
        [
            .. Line(1, ("4일분,", 0), ("21", 130), (".10.11", 175), ("재진", 400)),
            .. Line(2, ("21", 0), (".10.11", 200)), // far apart
            .. Line(3, ("21", 0)), .. Line(4, (".10.11", 45)), // on two lines
        ];

        var joined = DateSecondPass.JoinSplitShortDates(words);

        Assert.Equal(["4일분,", "21.10.11", "재진", "21", ".10.11", "21", ".10.11"], joined.Select(w => w.Text));
        Assert.Equal(new TextCorrection("21 .10.11", "21.10.11", DateSecondPass.SeparatorReason, joined[1].Correction!.Box), joined[1].Correction);
        Assert.Equal((130, 165), (joined[1].Left, joined[1].Width));
    }

    [Fact]
    public void A_span_takes_a_part_garbled_after_a_unit_and_only_two_agreeing_rereadings_give_its_digits()
    {
        TesseractTsv.Word[] words =
        [
            new(1, 1, 1, 1133, 1011, 51, 62, 93, "분,"),
            new(1, 1, 1, 1184, 1027, 90, 39, 93, "2022") { SpaceBefore = true },
            new(1, 1, 1, 1276, 1011, 32, 62, 93, "년") { SpaceBefore = false },
            new(1, 1, 1, 1330, 1027, 45, 39, 74, "SB") { SpaceBefore = true },
            new(1, 1, 1, 1400, 1029, 45, 39, 93, "12") { SpaceBefore = true },
            new(1, 1, 1, 1447, 1011, 28, 62, 93, "일") { SpaceBefore = false },
            new(1, 1, 1, 1520, 1011, 28, 62, 93, "재진") { SpaceBefore = true },
        ];
        var notAfterUnit = Line(("2022.", 0), ("SB", 120), ("12.", 200), ("재진", 300)); // letters after no unit: not a part

        var span = Assert.Single(DateSecondPass.FindSuspects(words));
        var agreed = DateSecondPass.Apply(words, [span], new Dictionary<int, string> { [1] = "2022년 5월 12일" }, new Dictionary<int, string> { [1] = "2022년 5월 12일" }, NoReadings);
        var disputed = DateSecondPass.Apply(words, [span], new Dictionary<int, string> { [1] = "2022년 5월 12일" }, new Dictionary<int, string> { [1] = "2022년 8월 12일" }, NoReadings);
        var once = DateSecondPass.Apply(words, [span], new Dictionary<int, string> { [1] = "2022년 5월 12일" }, NoReadings, NoReadings);

        Assert.Equal(new DateSecondPass.Span(1, 5, "2022년 SB 12일"), span);
        Assert.Empty(DateSecondPass.FindSuspects(notAfterUnit));
        Assert.Equal(["분,", "2022년 5월 12일", "재진"], agreed.Select(w => w.Text));
        Assert.Equal(("2022년 SB 12일", DateSecondPass.AgreementReason), (agreed[1].Correction!.Original, agreed[1].Correction!.Reason));
        Assert.Equal(words, disputed);
        Assert.Equal(words, once);
    }

    [Fact]
    public void Spans_start_at_a_year_and_take_close_short_digit_words_and_well_formed_dates_are_left_alone()
    {
        var words = Line(
            ("검사일", 100), ("202214", 300), ("128", 460), ("192", 560), ("ALT", 900), ("27", 1500), // damaged
            ("2023.03.15", 1700)); // well formed
        var other = Line(2, ("전화", 100), ("010-1234-5678", 250), ("2,000,000원", 700), ("2024년도", 1100), ("3회", 1300));

        var spans = DateSecondPass.FindSuspects([.. words, .. other]);

        var span = Assert.Single(spans);
        Assert.Equal(new DateSecondPass.Span(1, 3, "202214 128 192"), span);
    }

    [Fact]
    public void A_span_takes_the_syllables_the_korean_model_reports_as_words_and_stops_after_two_more_groups()
    {
        TesseractTsv.Word[] words =
        [
            new(1, 1, 1, 1133, 1011, 51, 62, 93, "분,"),
            new(1, 1, 1, 1184, 1027, 134, 39, 90, "202414") { SpaceBefore = true },
            new(1, 1, 1, 1337, 1028, 57, 39, 90, "3") { SpaceBefore = true },
            new(1, 1, 1, 1369, 1011, 32, 62, 90, "월") { SpaceBefore = false },
            new(1, 1, 1, 1417, 1029, 79, 39, 90, "18") { SpaceBefore = true },
            new(1, 1, 1, 1462, 1011, 28, 62, 90, "일") { SpaceBefore = false },
            new(1, 1, 1, 1520, 1027, 40, 39, 90, "25") { SpaceBefore = true }, // a third group: not part of the date
        ];

        var span = Assert.Single(DateSecondPass.FindSuspects(words));

        Assert.Equal(new DateSecondPass.Span(1, 5, "202414 3월 18일"), span);
    }

    [Fact]
    public void A_date_whole_before_the_bracket_of_its_weekday_gets_no_second_look()
    {
        // A re-reading of such a span read 2022-07-1 and took the day's 5 away (holdout8 golden set, heavy scan).
        Assert.Empty(DateSecondPass.FindSuspects(Line(("2022-07-15(", 100), ("금)ㅎ1109", 330), ("상세불명의", 560))));
        Assert.Single(DateSecondPass.FindSuspects(Line(("2022-07-1S(", 100), ("금)ㅎ1109", 330), ("상세불명의", 560))));
    }

    [Fact]
    public void A_span_may_start_with_a_mark_before_its_year_and_takes_a_unit_syllable_reported_after_a_space()
    {
        var quoted = Line(("\"202314", 300), ("072", 460), ("12일", 560), ("ALT", 900));
        var curlyQuoted = Line(("‘202144", 300), ("11월", 460), ("04일", 560), ("AST", 900)); // a typographic quote (seed 109 heavy p03)
        var spaced = Line(("교부일:", 100), ("2021", 300), ("년", 400), ("9월", 460), ("21일", 560), ("질병분류기호:", 800));

        var quotedSpan = Assert.Single(DateSecondPass.FindSuspects(quoted));
        var spacedSpan = Assert.Single(DateSecondPass.FindSuspects(spaced));
        var block = Assert.Single(TesseractTsv.ToBlocks(DateSecondPass.Apply(spaced, [spacedSpan], NoReadings, NoReadings, NoReadings)));

        Assert.Equal(new DateSecondPass.Span(0, 2, "202314 072 12일"), quotedSpan);
        Assert.Equal(new DateSecondPass.Span(0, 2, "202144 11월 04일"), Assert.Single(DateSecondPass.FindSuspects(curlyQuoted)));
        Assert.Equal(new DateSecondPass.Span(1, 4, "2021 년 9월 21일"), spacedSpan);
        Assert.Equal("교부일: 2021년 9월 21일 질병분류기호:", block.Text);
        Assert.Equal(("2021 년 9월 21일", DateSecondPass.SeparatorReason), (block.Corrections![0].Original, block.Corrections[0].Reason));
    }

    [Fact]
    public void A_span_takes_a_part_read_as_a_bare_stroke_and_only_a_rereading_makes_it_a_digit()
    {
        var words = Line(("2022.", 0), ("4", 140), ("ㅣ.", 200), ("HbA1c", 400), ("8.8", 560));

        var span = Assert.Single(DateSecondPass.FindSuspects(words));
        var unread = DateSecondPass.Apply(words, [span], NoReadings, NoReadings, NoReadings);
        var reread = DateSecondPass.Apply(words, [span], new Dictionary<int, string> { [0] = "2022. 4. 1." }, NoReadings, NoReadings);

        Assert.Equal(new DateSecondPass.Span(0, 2, "2022. 4 ㅣ."), span);
        Assert.Equal(words, unread); // no rule of the format makes the stroke a 1
        Assert.Equal("2022. 4. 1.", reread[0].Text);
        Assert.Equal(("2022. 4 ㅣ.", DateSecondPass.Reason), (reread[0].Correction!.Original, reread[0].Correction!.Reason));
    }

    [Fact]
    public void A_span_whose_first_rereading_failed_is_read_again_at_half_size_and_the_same_rules_decide()
    {
        var words = (TesseractTsv.Word[])
        [
            .. Line(1, ("202314", 300), ("108", 460), ("62", 560), ("AST", 900)), // its first re-reading lost the units
            .. Line(2, ("202214", 300), ("128", 460), ("192", 560), ("ALT", 900)), // its first re-reading was right
            .. Line(3, ("1983304", 300), ("AST", 900)), // a bare run of digits: not worth another look
            .. Line(4, ("2178", 0), ("HbA1c", 120)), // a short date whose re-reading showed no dots
            .. Line(5, ("2431", 0), ("HbA1c", 120)), // one whose re-reading did
        ];
        var shortSpans = DateSecondPass.FindShortSuspects(words);
        var spans = DateSecondPass.FindSuspects(words);
        var first = new Dictionary<int, string> { [0] = "2023 넌 | 0열 6일", [4] = "2022년 12월 19일", [8] = "1983304" };
        var shortFirst = new Dictionary<int, string> { [10] = "21 78", [12] = "24.3.1" };

        var retried = DateSecondPass.Unresolved(spans, first).Concat(DateSecondPass.UnresolvedShort(shortSpans, shortFirst));

        Assert.Equal([0, 10], retried.Select(s => s.First));
        var retry = new Dictionary<int, string> { [0] = "2023년 10월 6일", [10] = "21.7.8" };
        var shortRead = DateSecondPass.ApplyShort(DateSecondPass.ApplyShort(words, shortSpans, shortFirst), shortSpans, retry);
        var read = DateSecondPass.Apply(shortRead, spans, first, retry, NoReadings);
        Assert.Equal(["2023년 10월 6일", "AST", "2022년 12월 19일", "ALT", "1983304", "AST", "21.7.8", "HbA1c", "24.3.1", "HbA1c"], read.Select(w => w.Text));
        Assert.Equal(("202314 108 62", DateSecondPass.Reason), (read[0].Correction!.Original, read[0].Correction!.Reason));
        Assert.Equal(("2178", DateSecondPass.ShortSeparatorsReason), (read[6].Correction!.Original, read[6].Correction!.Reason));
    }

    [Fact]
    public void A_halved_strip_holds_each_crop_at_half_the_size_of_the_first_look()
    {
        var page = GrayImage.Blank(400, 200);
        RegionStrip.Region[] regions = [new(0, 0, 10, 10, 100, 40, 30), new(1, 1, 10, 100, 60, 20, RegionStrip.SmallGlyphHeight - 1)];

        var full = RegionStrip.Build(page, regions)!;
        var halved = RegionStrip.Build(page, regions, halved: true)!;

        Assert.Equal([40, 40], full.Slots.Select(s => s.Bottom - s.Top)); // the small glyphs enlarged twice
        Assert.Equal([20, 20], halved.Slots.Select(s => s.Bottom - s.Top));
    }

    [Fact]
    public void Halving_an_image_averages_each_two_by_two_block()
    {
        var image = new GrayImage(3, 2, [0, 100, 200, 40, 60, 255]);

        var half = image.Halved();

        Assert.Equal((1, 1, (byte)50), (half.Width, half.Height, half[0, 0]));
    }

    [Theory]
    [InlineData("2024년5월 7일", "2024년 5월 7일")]
    [InlineData("2023년 5월7일", "2023년 5월 7일")]
    [InlineData("2024년 5월 7일", null)] // spaced throughout
    [InlineData("2024년5월7일", null)] // set close throughout
    [InlineData("2024년5월 37일", null)] // no day 37
    [InlineData("1024년5월 7일", null)] // no year of a record
    public void A_unit_date_spaced_after_one_unit_only_is_spaced_after_both(string text, string? expected)
    {
        Assert.Equal(expected, DateToken.UnitSpacingRestored(text));
    }

    [Fact]
    public void Unit_dates_spaced_after_one_unit_only_are_spaced_throughout_and_the_change_is_recorded()
    {
        var words = (TesseractTsv.Word[])
        [
            .. Line(1, ("2024년5월", 0), ("7일", 200), ("HbA1c", 400)),
            .. Line(2, ("발병일:", 0), ("2024년", 160), ("5월", 300), ("7일", 400)), // as printed
            .. Line(3, ("2024년", 0), ("5월", 140), ("7일", 240)),
        ];
        words[9] = words[9] with { SpaceBefore = false }; // 2024년 5월7일

        var restored = DateSecondPass.RestoreUnitSpacing(words);

        Assert.Equal(["2024년 5월 7일", "HbA1c", "발병일:", "2024년", "5월", "7일", "2024년 5월 7일"], restored.Select(w => w.Text));
        Assert.Equal(new TextCorrection("2024년5월 7일", "2024년 5월 7일", DateSecondPass.SeparatorReason, restored[0].Correction!.Box), restored[0].Correction);
        Assert.Equal(("2024년 5월7일", DateSecondPass.SeparatorReason), (restored[6].Correction!.Original, restored[6].Correction!.Reason));
        Assert.All(restored.Skip(1).Take(5), w => Assert.Null(w.Correction));
    }

    [Theory]
    [InlineData("20244", "03H", "052", "2024년 03월 05일")] // 년→4, 월→H, 일→2
    [InlineData("20214", "02%)", "20%", "2021년 02월 20일")] // 월 read as two marks
    [InlineData("202344", "9g)", "12", "2023년 9월 1일")]
    [InlineData("202414", "049!", "232).", "2024년 04월 23일")]
    [InlineData("202414", "118", "09m", "2024년 11월 09일")]
    [InlineData("20224", "10%", "232", "2022년 10월 23일")]
    [InlineData("20214", "118", "112!", "2021년 11월 11일")]
    public void A_span_takes_a_last_part_whose_unit_syllable_became_a_mark_so_the_rereading_can_replace_it(string year, string month, string day, string reading)
    {
        var words = Line(("채혈일", 100), (year, 300), (month, 460), (day, 560), ("ALT", 900), ("27", 1500));
        var spans = DateSecondPass.FindSuspects(words);
        var span = Assert.Single(spans);
        Assert.Equal((1, 3), (span.First, span.Last));
        var strip = RegionStrip.Build(GrayImage.Blank(2000, 200), DateSecondPass.Regions(words, spans))!;

        var block = Assert.Single(TesseractTsv.ToBlocks(ApplyReadings(words, spans, strip, StripLine(strip.Slots[0], (reading, 20)))));

        Assert.Equal($"채혈일 {reading} ALT 27", block.Text);
        Assert.Equal(($"{year} {month} {day}", reading), (block.Corrections![0].Original, block.Corrections[0].Corrected));
    }

    [Theory]
    [InlineData("ALT1")] // a word, not a misread unit
    [InlineData("12가")] // Hangul that is no unit syllable
    [InlineData("%")] // a mark with no digit before it (letters alone after a unit are a garbled part: see the agreeing re-readings)
    [InlineData("10mg")] // a dose: two letters after the digits are a unit of measure
    [InlineData("12%)!")] // three marks are more than a unit syllable
    [InlineData("12을")] // Hangul that is no unit syllable nor one misread
    public void A_part_with_a_mark_needs_digits_before_it_and_no_other_hangul(string third)
    {
        var words = Line(("20244", 300), ("03월", 460), (third, 560));

        var span = Assert.Single(DateSecondPass.FindSuspects(words));

        Assert.Equal(1, span.Last);
    }

    [Fact]
    public void A_consistent_rereading_becomes_one_word_and_the_change_is_recorded_on_the_block()
    {
        var words = Line(("202214", 300), ("128", 460), ("192", 560), ("ALT", 900), ("27", 1500));
        var spans = DateSecondPass.FindSuspects(words);
        var strip = RegionStrip.Build(GrayImage.Blank(2000, 200), DateSecondPass.Regions(words, spans))!;
        var slot = Assert.Single(strip.Slots);
        var reading = StripLine(slot, ("2022년", 20), ("12월", 180), ("19일", 300));

        var block = Assert.Single(TesseractTsv.ToBlocks(ApplyReadings(words, spans, strip, reading)));

        Assert.Equal("2022년 12월 19일 ALT 27", block.Text);
        var correction = Assert.Single(block.Corrections!);
        Assert.Equal(new TextCorrection("202214 128 192", "2022년 12월 19일", DateSecondPass.Reason, new BoundingBox(300, 50, 620, 90)), correction);
    }

    [Fact]
    public void An_inconsistent_rereading_is_not_used_and_a_lost_separator_is_restored_instead()
    {
        var damaged = Line(("2022.11", 300), ("25", 500), ("AST", 900));
        var damagedSpans = DateSecondPass.FindSuspects(damaged);
        var strip = RegionStrip.Build(GrayImage.Blank(2000, 200), DateSecondPass.Regions(damaged, damagedSpans))!;
        var reading = StripLine(strip.Slots[0], ("2022.11.26", 20)); // disagrees with the day the first reading saw

        var block = Assert.Single(TesseractTsv.ToBlocks(ApplyReadings(damaged, damagedSpans, strip, reading)));

        Assert.Equal("2022.11.25 AST", block.Text);
        var correction = Assert.Single(block.Corrections!);
        Assert.Equal(("2022.11 25", "2022.11.25", DateSecondPass.SeparatorReason), (correction.Original, correction.Corrected, correction.Reason));
    }

    [Fact]
    public void A_well_formed_date_read_with_low_confidence_is_looked_at_again_and_a_confident_one_is_not()
    {
        var words = Line(("교부일:", 100), ("2027.02.20", 300), ("발행일:", 700), ("2023.11.03", 900));
        words[1] = words[1] with { Confidence = DateSecondPass.DoubtfulConfidence - 15 };
        words[3] = words[3] with { Confidence = DateSecondPass.DoubtfulConfidence + 2 };

        var span = Assert.Single(DateSecondPass.FindSuspects(words));

        Assert.Equal(new DateSecondPass.Span(1, 1, "2027.02.20"), span);
    }

    [Fact]
    public void A_disputed_date_is_replaced_when_the_third_reading_agrees_and_the_change_is_recorded()
    {
        var words = Line(("교부일:", 100), ("2027.02.20", 300), ("질병분류기호", 700));
        words[1] = words[1] with { Confidence = 75 };
        var spans = DateSecondPass.FindSuspects(words);
        var readings = new Dictionary<int, string> { [1] = "2022.02.20" };

        var disputed = Assert.Single(DateSecondPass.Disputed(spans, readings));
        var agreed = Assert.Single(TesseractTsv.ToBlocks(DateSecondPass.Apply(words, spans, readings, NoReadings, new Dictionary<int, string> { [1] = "2022.02.20" })));
        var contested = Assert.Single(TesseractTsv.ToBlocks(DateSecondPass.Apply(words, spans, readings, NoReadings, new Dictionary<int, string> { [1] = "2027.02.20" })));
        var unconfirmed = Assert.Single(TesseractTsv.ToBlocks(DateSecondPass.Apply(words, spans, readings, NoReadings, NoReadings)));

        Assert.Equal(1, disputed.First);
        Assert.Equal("교부일: 2022.02.20 질병분류기호", agreed.Text);
        var correction = Assert.Single(agreed.Corrections!);
        Assert.Equal(("2027.02.20", "2022.02.20", DateSecondPass.AgreementReason), (correction.Original, correction.Corrected, correction.Reason));
        Assert.Equal(("교부일: 2027.02.20 질병분류기호", null), (contested.Text, contested.Corrections));
        Assert.Equal(("교부일: 2027.02.20 질병분류기호", null), (unconfirmed.Text, unconfirmed.Corrections));
    }

    [Fact]
    public void A_confident_date_is_not_disputed_whatever_a_rereading_would_say()
    {
        var words = Line(("교부일:", 100), ("2027.02.20", 300));

        var spans = DateSecondPass.FindSuspects(words);

        Assert.Empty(spans);
        Assert.Empty(DateSecondPass.Disputed(spans, new Dictionary<int, string> { [1] = "2022.02.20" }));
    }

    [Fact]
    public void A_day_unit_read_as_wil_and_a_middle_dot_beside_a_dot_are_part_of_the_span_and_restored_keeping_a_mark_before_it()
    {
        var wil = Line(("교부일:", 0), ("2022", 160), ("년", 260), ("12", 320), ("월", 380), ("19", 440), ("윌", 500), ("질병분류기호:", 700));
        for (var i = 2; i <= 6; i += 2)
        {
            wil[i] = wil[i] with { SpaceBefore = false };
        }

        var dotted = Line(("입원일", 0), ("::2023.", 160), ("ㆍ", 300), ("9.", 340), ("23.", 420), ("퇴원일:", 600));
        dotted[2] = dotted[2] with { SpaceBefore = false };
        dotted[3] = dotted[3] with { SpaceBefore = false };

        var wilSpan = Assert.Single(DateSecondPass.FindSuspects(wil));
        var dottedSpan = Assert.Single(DateSecondPass.FindSuspects(dotted));
        var wilBlock = Assert.Single(TesseractTsv.ToBlocks(DateSecondPass.Apply(wil, [wilSpan], NoReadings, NoReadings, NoReadings)));
        var dottedBlock = Assert.Single(TesseractTsv.ToBlocks(DateSecondPass.Apply(dotted, [dottedSpan], NoReadings, NoReadings, NoReadings)));

        Assert.Equal(new DateSecondPass.Span(1, 6, "2022년 12월 19윌"), wilSpan);
        Assert.Equal("교부일: 2022년 12월 19일 질병분류기호:", wilBlock.Text);
        Assert.Equal(new DateSecondPass.Span(1, 4, "2023.ㆍ9. 23."), dottedSpan);
        Assert.Equal("입원일 ::2023. 9. 23. 퇴원일:", dottedBlock.Text);
        Assert.Equal(("::2023.ㆍ9. 23.", "::2023. 9. 23.", DateSecondPass.SeparatorReason), (dottedBlock.Corrections![0].Original, dottedBlock.Corrections[0].Corrected, dottedBlock.Corrections[0].Reason));
    }

    [Fact]
    public void A_month_and_day_run_together_with_a_doubled_dot_are_part_of_the_span_and_the_dot_is_restored()
    {
        var words = Line(("진료일:", 100), ("2023.", 300), ("6..15.", 420), ("담당의:", 800));

        var span = Assert.Single(DateSecondPass.FindSuspects(words));
        var block = Assert.Single(TesseractTsv.ToBlocks(DateSecondPass.Apply(words, [span], NoReadings, NoReadings, NoReadings)));

        Assert.Equal((1, 2), (span.First, span.Last));
        Assert.Equal("진료일: 2023. 6. 15. 담당의:", block.Text);
    }

    [Fact]
    public void Ordinary_text_phone_numbers_and_amounts_are_not_changed_whatever_a_rereading_says()
    {
        var words = Line(
            ("전화", 100), ("010-1234-5678", 250), ("접수번호", 700), ("2023-1234-5678", 900), ("금액", 1300), ("2,000,000원", 1400),
            ("2024년도", 1700), ("3회", 1900));
        var spans = DateSecondPass.FindSuspects(words);
        var strip = RegionStrip.Build(GrayImage.Blank(2400, 200), DateSecondPass.Regions(words, spans))!;
        var readings = strip.Slots.SelectMany(slot => StripLine(slot, ("2023-12-24", 20))).ToList();

        var result = ApplyReadings(words, spans, strip, readings);

        Assert.Equal([3], spans.Select(s => s.First)); // the number that starts like a year is looked at again…
        Assert.Equal(words, result); // …but no reading that needs digits it does not show can change it
    }

    [Fact]
    public async Task Tesseract_reads_the_units_of_a_date_the_first_pass_turned_into_digits_and_records_it()
    {
        var (plain, read) = await FixturePages.ReadWithoutAndWith("lab-row-scan.jpg", new TesseractOptions { DateSecondPass = false });

        Assert.DoesNotContain(plain.Blocks, b => b.Text.Contains("2022년 12월 19일"));
        Assert.Contains(read.Blocks, b => b.Text.Contains("2022년 12월 19일"));
        var correction = Assert.Single(read.Blocks.SelectMany(b => b.Corrections ?? []), c => c.Reason == DateSecondPass.Reason);
        Assert.Equal("2022년 12월 19일", correction.Corrected);
        Assert.NotEqual(correction.Corrected, correction.Original);
        Assert.NotNull(correction.Box);
    }

    [Theory]
    [InlineData("2178", "21./.8", "21.7.8")] // the dots from the re-reading, the digits from the first (its 7 became a mark)
    [InlineData("245.17", "24.5.17", "24.5.17")]
    [InlineData("21.124", "21.12.4", "21.12.4")]
    [InlineData("2411.9", "24.11.9.", "24.11.9")]
    [InlineData("2113", "21 113", null)] // one dot seen: month and day could split either way
    [InlineData("214.13", "21.133", null)]
    [InlineData("2178", "21.1.8", null)] // a digit the first reading never saw there
    [InlineData("2178", "21.78.", null)] // two parts
    [InlineData("2413", "24.13.", null)]
    [InlineData("2431", "24.3.1", "24.3.1")]
    [InlineData("2451", "24.5.1.", "24.5.1")]
    [InlineData("24131", "24.13.1", null)] // no month 13
    public void A_short_date_gets_back_only_the_dots_its_rereading_shows(string first, string second, string? expected)
    {
        Assert.Equal(expected, DateToken.ShortSeparatorsRestored(first, second));
    }

    [Theory]
    [InlineData("2178", true)]
    [InlineData("2411.9", true)]
    [InlineData("21.124", true)]
    [InlineData("2178,", true)]
    [InlineData("2012", false)] // a year
    [InlineData("21.7.8", false)] // already a short date
    [InlineData("24547", false)] // no month and day split: 24.5.47, 24.54.7
    [InlineData("217", false)]
    [InlineData("2178mg", false)]
    [InlineData("12.34.5", false)]
    public void A_short_date_that_lost_its_dots_is_a_digit_run_that_splits_into_year_month_and_day(string token, bool expected)
    {
        Assert.Equal(expected, DateToken.MayBeShortDate(token));
    }

    [Fact]
    public void Short_date_suspects_stand_first_on_their_line_or_after_a_date_cue_and_the_change_is_recorded()
    {
        var words = (TesseractTsv.Word[])
        [
            .. Line(1, ("2178", 0), ("HbA1c", 120), ("6.6", 260), ("%", 330)),
            .. Line(2, ("발병일:", 0), ("2411.9", 160)),
            .. Line(3, ("총", 0), ("2178", 60), ("정", 160)),
            .. Line(4, ("발병일", 0), (":", 120), ("2411.9", 160)), // the cue's colon reported as a word of its own
        ];

        var spans = DateSecondPass.FindShortSuspects(words);

        Assert.Equal([0, 5, 11], spans.Select(s => s.First));
        var read = DateSecondPass.ApplyShort(words, spans, new Dictionary<int, string> { [0] = "21./.8", [5] = "24.11" });
        Assert.Equal("21.7.8", read[0].Text);
        Assert.Equal(new TextCorrection("2178", "21.7.8", DateSecondPass.ShortSeparatorsReason, read[0].Correction!.Box), read[0].Correction);
        Assert.Equal("2411.9", read[5].Text); // a re-reading of two parts changes nothing
        Assert.Null(read[5].Correction);
    }

    private static IReadOnlyList<TesseractTsv.Word> ApplyReadings(
        IReadOnlyList<TesseractTsv.Word> words, IReadOnlyList<DateSecondPass.Span> spans, RegionStrip strip, IReadOnlyList<TesseractTsv.Word> stripWords) =>
        DateSecondPass.Apply(words, spans, DateSecondPass.Readings(strip, stripWords), NoReadings, NoReadings);

    private static TesseractTsv.Word[] Line(params (string Text, int Left)[] words) => Line(1, words);

    private static TesseractTsv.Word[] Line(int line, params (string Text, int Left)[] words) =>
        words.Select((w, i) => new TesseractTsv.Word(1, 1, line, w.Left, 50 * line, Math.Max(40, w.Text.Length * 20), 40, 90, w.Text) { SpaceBefore = i > 0 }).ToArray();

    private static TesseractTsv.Word[] StripLine(RegionStrip.Slot slot, params (string Text, int Left)[] words) =>
        words.Select((w, i) => new TesseractTsv.Word(1, 1, 1, w.Left, slot.Top + 2, 100, slot.Bottom - slot.Top - 4, 90, w.Text) { SpaceBefore = i > 0 }).ToArray();

}
