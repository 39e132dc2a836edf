using Microsoft.Extensions.Options;
using VNexsus.Ocr;
using VNexsus.Ocr.Correction;
using VNexsus.Ocr.Engines.Tesseract;
using VNexsus.Ocr.Engines;
using VNexsus.Ocr.Imaging;
using VNexsus.Ocr.Rendering;
using VNexsus.Testing;

namespace VNexsus.OcrTests;

public sealed class CodeLetterPassTests
{
    [Theory]
    [InlineData("593.40", "593.40", 'S', "S93.40")] // the letter read as a digit by both models
    [InlineData("(110)", "110", 'I', "(I10)")]
    [InlineData("(651)", "651", 'R', "(R51)")]
    [InlineData("080", "O8O", 'O', "O80")] // the Latin reading's letter-for-digit confusions are undone
    [InlineData("질병분류기호:643.9", "643.9", 'G', "질병분류기호:G43.9")] // a label run into the code stays in front
    [InlineData("6119", "611.9", 'E', "E11.9")] // a dot only the Latin reading shows, with the same digits
    [InlineData("20.9)", "120.9", 'J', "J20.9)")] // the letter lost: the Latin reading saw a glyph in front
    [InlineData("(593.40)", "93.40", 'S', "(S93.40)")] // the Latin reading lost the glyph the first read as 5: it confirms the digits
    [InlineData("59340", "9340", 'S', "S9340")]
    public void The_letter_is_the_letters_only_reading_of_the_glyph_in_front_of_the_digits(string token, string latin, char letter, string expected)
    {
        Assert.Equal(expected, CodeLetterPass.Corrected(token, latin, letter));
    }

    [Theory]
    [InlineData("20.9)", "20.9", 'J')] // no glyph in front of the digits: nothing to take a letter from
    [InlineData("(110)", "C110", 'I')] // two glyphs in front: which one is the letter is not known
    [InlineData("593.40", "598.40", 'S')] // the Latin reading shows other digits
    [InlineData("2022", "2022", 'Z')] // a year
    [InlineData("K21.0", "K21.0", 'K')] // already a code
    [InlineData("110", "110", '.')] // no letter read
    [InlineData("1100", "11000", 'I')] // the digits after the glyph are not the first reading's
    [InlineData("37.5", "37.5", 'B')] // a temperature: the Latin reading saw nothing in front
    [InlineData("593.40", "3.40", 'S')] // the Latin reading lost a digit as well
    public void Without_one_glyph_in_front_of_the_same_digits_nothing_changes(string token, string latin, char letter)
    {
        Assert.Null(CodeLetterPass.Corrected(token, latin, letter));
    }

    [Fact]
    public void The_letters_crop_is_the_first_glyph_after_a_bracket_or_the_glyph_width_in_front_of_a_token_that_lost_its_letter()
    {
        var words = Line(["주진단", "(110)", "20.9"]); // boxes 150 px wide from x = 100, 300, 500

        var regions = CodeLetterPass.Regions(words, [1, 2]);

        Assert.Equal(new[] { 1, 1, 2, 2 }, regions.Select(r => r.First)); // per suspect: its letter alone, then on to its end
        var unit = 150 / 4.0; // ( 1 1 0 ) is four digits wide
        Assert.InRange(regions[0].Left, 300 + (0.3 * unit), 300 + (0.5 * unit));
        Assert.InRange(regions[0].Left + regions[0].Width, 300 + (1.5 * unit), 300 + (1.8 * unit));
        Assert.Equal(regions[0].Left, regions[1].Left);
        Assert.True(regions[1].Left + regions[1].Width >= 450);
        Assert.True(regions[2].Left + regions[2].Width <= 500);
        Assert.True(regions[2].Left < 500 - 30);
    }

    [Fact]
    public async Task A_J_both_digit_models_missed_is_read_from_its_glyph_not_taken_for_I()
    {
        using var engine = new TesseractEngine(Options.Create(new TesseractOptions()));
        var image = GrayImage.Decode(Fixtures.Bytes(Fixtures.DiagnosisTableHeavyScan), ImageHeader.Jpeg);

        var page = await engine.RecognizeAsync(new PageImage(image.ToPgm(), ImageHeader.Pgm, image.Width, image.Height), CancellationToken.None);

        var text = string.Join('\n', page.Blocks.Select(b => b.Text));
        Assert.DoesNotContain("I20.9", text);
        Assert.Contains("J20.9", text);
        var correction = Assert.Single(page.Blocks.SelectMany(b => b.Corrections ?? []), c => c.Corrected == "J20.9");
        Assert.Equal(("120.9", CodeLetterPass.Reason), (correction.Original, correction.Reason));
    }

    [Fact]
    public void On_the_page_the_letters_crop_is_the_glyphs_own_ink_columns_with_its_neighbours_painted_out()
    {
        // (110) in a word box at x = 300..400: the bracket at 300..306, the glyphs at 312..322, 330..340, 348..362, 370..376.
        var page = GrayImage.Blank(1200, 200, 220);
        foreach (var (left, right) in new[] { (300, 306), (312, 322), (330, 340), (348, 362), (370, 376) })
        {
            for (var y = 52; y < 88; y++)
            {
                page.Pixels.AsSpan((y * page.Width) + left, right - left).Fill(40);
            }
        }

        var words = new List<TesseractTsv.Word> { new(1, 1, 1, 300, 50, 77, 40, 90, "(110)") };

        var regions = CodeLetterPass.Regions(words, [0], page);

        Assert.Equal((312 - 3, 322 + 4), (regions[0].InkLeft, regions[0].InkRight)); // half-way to the bracket and to the next digit
        Assert.True(regions[0].Left < 306 && regions[0].Left + regions[0].Width > 330); // on as much paper as the estimate crops
        Assert.Equal(312 - 3, regions[1].Left);
        Assert.Equal(CodeLetterPass.Regions(words, [0])[0].Left, CodeLetterPass.Regions(words, [0], GrayImage.Blank(1200, 200, 220))[0].Left); // no ink: the estimate
    }

    [Theory]
    [InlineData(new[] { "주진단", "발목의", "염좌", "593.40" }, 3, true)] // last on a diagnosis line, after the name
    [InlineData(new[] { "부진단", "고혈압", "110", "." }, 2, true)] // a mark after the code is no word
    [InlineData(new[] { "A:", "두통", "(651)" }, 2, true)] // an assessment line: in brackets
    [InlineData(new[] { "“A:", "편두통", "(643.9)", ":" }, 2, true)]
    [InlineData(new[] { "교부일:", "2022/10/05", "질병분류기호:", "6439", "J209" }, 3, true)] // after a code label
    [InlineData(new[] { "질병분류기호:", "L309", "080" }, 2, true)] // after a code label and another code
    [InlineData(new[] { "상병", "1)", "오래된", "심근경색증", "[125.2", "]" }, 4, true)] // 상병 as the label, a list number after it
    [InlineData(new[] { "주상병", ":", "고혈압성", "신장병", "112.9" }, 4, true)]
    [InlineData(new[] { "상병수당", "지급", "일수", "120" }, 3, false)] // the sickness allowance: days, not a code
    [InlineData(new[] { "(주)", "120.1", "(기록된", "ASS", "동반한", "협심증)" }, 1, true)] // after a principal diagnosis's marker (holdout7 golden set)
    [InlineData(new[] { "질병분류번호", "110" }, 1, true)]
    [InlineData(new[] { "(주)", "2022", "110" }, 2, false)] // a marker's code position is the word right after it
    [InlineData(new[] { "A:", "혈당", "110" }, 2, false)] // an assessment line without brackets: a value
    [InlineData(new[] { "혈압", "(110)" }, 1, false)] // a bracketed number with no diagnosis label
    [InlineData(new[] { "부진단", "공복혈당", "110", "mg/dL" }, 2, false)] // a lab value with its unit
    [InlineData(new[] { "주진단", "110" }, 1, false)] // no disease name in front
    [InlineData(new[] { "검사코드:", "110" }, 1, false)] // a label that names no diagnosis codes
    [InlineData(new[] { "질병분류기호:", "2022", "110" }, 2, false)] // after something that is no code
    [InlineData(new[] { "2022", "12", "2.", "ALT", "38" }, 4, false)]
    [InlineData(new[] { "아목시실린캡슐", "500mg", "1일", "3회", "110" }, 4, false)]
    [InlineData(new[] { "@", "상병명(주)", ":", "AHS", "고혈압", "110>" }, 5, true)] // the line's mark read as a character before the label (holdout12 golden set)
    [InlineData(new[] { "2023년", "8월", "25일", "내과", "6118", "2형", "당뇨병" }, 4, true)] // between the row's department and name (holdout11 golden set)
    [InlineData(new[] { "2023년", "8월", "25일", "내과", "6118" }, 4, false)] // no name after it
    [InlineData(new[] { "2023년", "8월", "25일", "내과", "외래", "6118", "2형", "당뇨병" }, 5, false)] // no department right before it
    public void Only_a_position_where_nothing_but_a_code_can_stand_is_looked_at(string[] line, int token, bool suspect)
    {
        var words = Line(line);
        var latin = Enumerable.Range(0, words.Count).ToDictionary(i => i, i => words[i].Text);

        Assert.Equal(suspect, CodeLetterPass.FindSuspects(words, latin).Contains(token));
    }

    [Fact]
    public void A_year_or_a_dose_never_gets_a_look_even_after_a_diagnosis_label()
    {
        var words = Line(["주진단", "위염", "2022"]);

        Assert.Empty(CodeLetterPass.FindSuspects(words, new Dictionary<int, string> { [2] = "2022" }));
    }

    [Theory]
    [InlineData("S", "SGBAO", "S93.40")]
    [InlineData("G", "SGBAO", "593.40")] // the glyph alone and the glyph in its token are read differently: not clear
    [InlineData("", "SGBAO", "593.40")] // the glyph alone read as nothing
    [InlineData("S", "", "S93.40")] // the glyph in its token read as nothing: the first reading's 5 is what an S looks like without Latin letters
    [InlineData("B", "", "593.40")] // a 5 is not what a B looks like
    public void The_letter_is_taken_only_when_both_crops_read_it_and_the_change_is_recorded(string glyph, string tail, string expected)
    {
        var words = Line(["부진단", "염좌", "593.40"]);
        var latin = new Dictionary<int, string> { [2] = "593.40" };
        var strip = RegionStrip.Build(GrayImage.Blank(1200, 200), CodeLetterPass.Regions(words, CodeLetterPass.FindSuspects(words, latin)))!;
        Assert.Equal(2, strip.Slots.Count);
        var read = new[] { glyph, tail }.Zip(strip.Slots)
            .Where(r => r.First.Length > 0)
            .Select(r => new TesseractTsv.Word(1, 1, 1, 20, r.Second.Top + 2, 30, r.Second.Bottom - r.Second.Top - 4, 0, r.First))
            .ToList();

        var result = CodeLetterPass.Apply(words, latin, strip, read);

        Assert.Equal(expected, result[2].Text);
        Assert.Equal(expected == "593.40" ? null : new TextCorrection("593.40", "S93.40", CodeLetterPass.Reason, words[2].Box), result[2].Correction);
    }

    [Theory]
    [InlineData("(651)", "RS", 'R', "(R51)")] // the Latin reading saw the letter and lost a digit after it
    [InlineData("593.40", "S9340", 'S', "S93.40")]
    public void A_latin_reading_that_starts_with_the_letter_may_have_lost_digits_after_it(string token, string latin, char letter, string expected)
    {
        Assert.Equal(expected, CodeLetterPass.Corrected(token, latin, letter));
    }

    [Theory]
    [InlineData("(651)", "RS", 'S')] // the Latin reading's letter is another one: its lost digit is not excused
    [InlineData("(651)", "R7", 'R')] // a digit the first reading does not show
    [InlineData("(651)", "R15", 'R')] // the first reading's digits in another order
    [InlineData("(651)", "R", 'R')] // no digit to check at all
    public void A_latin_reading_with_fewer_digits_must_start_with_the_letter_and_show_only_the_first_readings_digits(string token, string latin, char letter)
    {
        Assert.Null(CodeLetterPass.Corrected(token, latin, letter));
    }

    [Theory]
    [InlineData("(110)", "110", "", "(I10)")] // a lone bar: the letters-only model read nothing
    [InlineData("110", "110", "I", "I10")]
    [InlineData("(110)", "110.", "", "(I10)")]
    [InlineData("120.9", "120.9", "", "I20.9")]
    [InlineData("110", "S.110", "", "I10")] // a mark in front of the Latin reading's 1
    [InlineData("110", "10", "", "I10")] // the Latin model dropped the bar too
    [InlineData("(110)", "I1.0", "", "(I10)")] // the Latin model saw the I, and a dot among the digits that the first reading does not show
    [InlineData("139』", "1139", "I", "I139』")] // the I lost by the Korean model, read by both others (holdout4 golden set)
    public void A_bar_both_digit_models_read_as_1_is_the_letter_I_where_only_a_code_can_stand(string token, string latin, string glyph, string expected)
    {
        Assert.Equal(expected, CodeLetterPass.WithLetterI(token, latin, [glyph, ""]));
    }

    [Theory]
    [InlineData("130.9", "130.9", "L")] // the glyph alone shows another letter that looks like 1
    [InlineData("1069", "1069", "J")]
    [InlineData("(110)", "T10", "")] // the Latin model saw another glyph
    [InlineData("120.9", "120.9", "J")] // the glyph alone read J: I and J disagree, the code stays unread
    [InlineData("(110)", "I12", "")] // an I, but other digits
    [InlineData("(110)", "112", "")] // the Latin reading shows other digits
    [InlineData("(210)", "210", "")] // only 1 looks like I
    [InlineData("10", "10", "")] // the bar itself was not read: no digit is I
    [InlineData("20.9", "120.9", "")] // the letter was lost, not read as 1: which letter is not known
    [InlineData("139』", "1139", "")] // lost, and the letters-only model read nothing there
    [InlineData("(110)", "110", "T")] // another letter
    public void A_bar_is_I_only_when_both_models_read_it_as_1_and_the_letters_only_model_saw_no_other_letter(string token, string latin, string glyph)
    {
        Assert.Null(CodeLetterPass.WithLetterI(token, latin, [glyph, ""]));
    }

    [Theory]
    [InlineData("I", "J")] // the glyph alone read I, the glyph in its token J
    [InlineData("", "JZ")]
    [InlineData("", "L")]
    public void A_bar_is_not_I_when_a_letters_only_reading_shows_another_letter_drawn_like_1(string glyph, string whole)
    {
        Assert.Null(CodeLetterPass.WithLetterI("120.9", "120.9", [glyph, whole]));
    }

    [Fact]
    public void A_lone_bar_dropped_from_the_reading_in_its_token_leaves_the_digits_after_it_as_letters()
    {
        Assert.Equal("I10", CodeLetterPass.WithLetterI("110", "S.110", ["", "O"])); // 10 read as letters: O
    }

    [Theory]
    [InlineData("593.40", "S", "", 'S')] // the Korean model, without Latin letters, read the S as the 5 it looks like
    [InlineData("080", "O", "", 'O')]
    [InlineData("643.9", "G", "", 'G')]
    [InlineData("130.9", "L", "L", 'L')]
    [InlineData("130.9", "L", "", null)] // I, J and L are all read as 1: the 1 confirms none of them
    [InlineData("120.9", "I", "", null)]
    [InlineData("120.9", "J", "JZ", 'J')] // both letters-only crops read J
    [InlineData("593.40", "S", "SGBAO", 'S')]
    [InlineData("120.9", "J", "", null)] // a J is not drawn like 1 (it has a hook): the 1 does not confirm it
    [InlineData("120.9", "I", "J", null)] // the witnesses disagree between I and J: keep the code unread
    [InlineData("593.40", "B", "", null)]
    [InlineData("593.40", "S", "O", null)]
    [InlineData("20.9", "J", "", null)] // the first reading lost the glyph: it confirms no letter
    [InlineData("593.40", "", "S", null)] // the glyph alone read as nothing
    [InlineData("593.40", "5", "", null)] // no letter
    public void The_glyphs_letter_needs_a_second_reading_that_confirms_it(string token, string glyph, string whole, char? expected)
    {
        Assert.Equal(expected, CodeLetterPass.Letter(token, glyph, whole));
    }

    [Theory]
    [InlineData(new[] { "A:", "본태성(원발성)", "고혈압", "(110)" }, 3, "(I10)")] // a bracketed code last on an assessment line
    [InlineData(new[] { "부진단", "고혈압", "110" }, 2, "I10")] // last on a diagnosis line
    [InlineData(new[] { "질병분류기호:", "H109", "110" }, 2, "I10")] // after a code label and another code
    [InlineData(new[] { "A:", "혈당", "110" }, 2, "110")] // a value: no code position
    [InlineData(new[] { "혈압", "(110)" }, 1, "(110)")] // a bracketed number with no diagnosis label
    [InlineData(new[] { "부진단", "공복혈당", "110", "mg/dL" }, 2, "110")] // a lab value with its unit
    [InlineData(new[] { "검사코드:", "110" }, 1, "110")] // a test code
    [InlineData(new[] { "전화:", "02", "110" }, 2, "110")]
    public void The_letters_pass_reads_a_bar_as_I_only_in_a_code_position_and_records_it(string[] line, int token, string expected)
    {
        var words = Line(line);
        var latin = new Dictionary<int, string> { [token] = KcdToken.Split(line[token]).Core };
        var suspects = CodeLetterPass.FindSuspects(words, latin);
        var strip = suspects.Count == 0 ? null : RegionStrip.Build(GrayImage.Blank(1200, 200), CodeLetterPass.Regions(words, suspects));

        var result = strip is null ? words : CodeLetterPass.Apply(words, latin, strip, []); // the lone bar read as nothing

        Assert.Equal(expected, result[token].Text);
        Assert.Equal(expected == line[token] ? null : new TextCorrection(line[token], expected, CodeLetterPass.Reason, words[token].Box), result[token].Correction);
    }

    [Theory]
    [InlineData("주 진 단 상 세 불 명 의 피부염 130.9", true)]
    [InlineData("부 진 단 ㆍ 본 태 성 ( 원 발 성 ) 고혈압 110", true)]
    [InlineData("주 진 단 110", false)] // no disease name in front
    [InlineData("외 래 고혈압 110", false)] // no diagnosis label
    public void A_diagnosis_label_read_as_syllables_is_still_a_diagnosis_label(string syllables, bool suspect)
    {
        // The Korean model gives each syllable as a word; Tesseract's text joins them (no space inside a word).
        var words = new List<TesseractTsv.Word>();
        var spaced = true;
        foreach (var part in syllables.Split(' '))
        {
            words.Add(new TesseractTsv.Word(1, 1, 1, 100 + (words.Count * 60), 50, 50, 40, 90, part) { SpaceBefore = words.Count > 0 && spaced });
            spaced = part.Length > 1 || part == "ㆍ"; // the single syllables of one word are joined
        }

        var token = words.Count - 1;
        var latin = new Dictionary<int, string> { [token] = words[token].Text };

        Assert.Equal(suspect, CodeLetterPass.FindSuspects(words, latin).Contains(token));
    }

    [Theory]
    [InlineData("110(본태성(일차성)", "", "110", "(본태성(일차성)")] // the name run into the code after it (holdout7 golden set)
    [InlineData("|10(본태성", "", "|10", "(본태성")]
    [InlineData("[125.2", "[", "125.2", "")] // the closing bracket set apart: three digits leave no room for the bracket as the letter
    [InlineData("]20.9", "", "]20.9", "")] // two: the bracket may be the letter (J20.9)
    [InlineData("(298", "", "(298", "")] // undotted, three digits may be a code's: the bracket may be its letter (K298)
    [InlineData("(110)", "(", "110", ")")]
    [InlineData("(26.7_십이지장궤양", "", "(26.7", "_십이지장궤양")] // a narrow gap read as an underscore before the name (holdout13 golden set)
    [InlineData("110.1_", "", "110.1", "_")]
    [InlineData("110/HTN", "", "110", "/HTN")] // a Latin abbreviation after a slash
    [InlineData("110/70", "", "110/70", "")] // a blood pressure
    [InlineData("=110", "=", "110", "")] // ≡ before the code read as = (holdout14 golden set)
    [InlineData("/1251", "/", "1251", "")] // the slash between name and code run into it (golden dev2 set)
    public void A_token_splits_into_what_stands_before_the_code_the_code_and_what_follows_it(string token, string prefix, string core, string suffix) =>
        Assert.Equal((prefix, core, suffix), KcdToken.Split(token));

    [Fact]
    public void A_code_run_into_the_name_before_its_bracket_is_looked_at_from_the_bracket_on()
    {
        var words = Line(["A:", "두통.(851)"]);
        var latin = new Dictionary<int, string> { [1] = "851" };

        Assert.Equal(("두통.(", "851", ")"), KcdToken.Split("두통.(851)"));
        Assert.Contains(1, CodeSecondPass.FindSuspects(words));
        var region = Assert.Single(CodeSecondPass.Regions(words, [1]));
        var unit = 150 / "두통.(851)".Sum(KcdToken.GlyphUnits);
        Assert.InRange(region.Left, 300 + (3.5 * unit), 300 + (4.5 * unit)); // after 두, 통 and the full stop
        Assert.Equal(new[] { 1 }, CodeLetterPass.FindSuspects(words, latin));
        Assert.Equal("두통.(R51)", CodeLetterPass.Corrected(words[1].Text, "R51", 'R'));
    }

    [Theory]
    [InlineData("130.9.", "", "130.9", ".")] // a full stop after a dotted code
    [InlineData("110.", "", "110.", "")] // after an undotted number the dot may be the code's
    [InlineData("본태성(원발성)", "본태성(", "원발성", ")")]
    [InlineData("2022.3.7.", "", "2022.3.7", ".")]
    public void A_token_splits_into_what_is_in_front_of_the_code_the_code_and_what_follows(string token, string prefix, string core, string suffix)
    {
        Assert.Equal((prefix, core, suffix), KcdToken.Split(token));
    }

    [Fact]
    public void A_number_is_in_a_column_of_codes_only_with_codes_right_above_and_right_below_it()
    {
        TesseractTsv.Word[] words =
        [
            new(1, 1, 1, 100, 50, 150, 40, 90, "피부염"), new(1, 1, 1, 1700, 50, 100, 40, 90, "L30.9"),
            new(1, 1, 2, 100, 150, 150, 40, 90, "고혈압"), new(1, 1, 2, 1700, 150, 100, 40, 90, "110"),
            new(1, 1, 3, 100, 250, 150, 40, 90, "결막염"), new(1, 1, 3, 1700, 250, 100, 40, 90, "H109"),
            new(2, 1, 1, 100, 50, 150, 40, 90, "체온"), new(2, 1, 1, 1700, 50, 100, 40, 90, "36.5"), // a temperature over a code
            new(2, 1, 2, 100, 150, 150, 40, 90, "두통"), new(2, 1, 2, 1700, 150, 100, 40, 90, "(R51)"),
        ];
        var latin = new Dictionary<int, string> { [3] = "110", [7] = "136.5" };

        Assert.Equal(new[] { 3 }, CodeLetterPass.FindSuspects(words, latin));
    }

    private static List<TesseractTsv.Word> Line(string[] texts) =>
        texts.Select((text, i) => new TesseractTsv.Word(1, 1, 1, 100 + (i * 200), 50, 150, 40, 90, text) { SpaceBefore = i > 0 }).ToList();
}
