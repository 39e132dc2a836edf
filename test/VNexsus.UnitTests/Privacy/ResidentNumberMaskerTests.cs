using CsCheck;
using VNexsus.Privacy;
using VNexsus.UnitTests.Properties;

namespace VNexsus.UnitTests.Privacy;

public sealed class ResidentNumberMaskerTests
{
    [Theory]
    [InlineData("주민등록번호: 800101-1234567", "주민등록번호: ******-*******")]
    [InlineData("8001011234567", "******-*******")]
    [InlineData("800101 - 2234567 환자", "******-******* 환자")]
    [InlineData("800101-1******", "******-*******")]
    [InlineData("800101-*******", "******-*******")]
    [InlineData("외국인 991231-5123456", "외국인 ******-*******")]
    [InlineData("800101 1234567", "******-*******")]
    [InlineData("800101–1234567 800101—1234567 800101−1234567 800101－1234567", "******-******* ******-******* ******-******* ******-*******")]
    [InlineData("8OO1O1-l234567", "******-*******")]
    [InlineData("80010l-I23456B", "******-*******")]
    [InlineData("８００１０１－１２３４５６７", "******-*******")]
    [InlineData("No800101-1234567", "No******-*******")]
    public void Resident_numbers_are_masked_in_full(string text, string expected) => Assert.Equal(expected, ResidentNumberMasker.Apply(text));

    [Theory]
    [InlineData("진료일 2024-03-07")]
    [InlineData("처방전교부번호 20230117-00008")]
    [InlineData("교부번호 2011031512345")]
    [InlineData("환자번호 123456789012345")]
    [InlineData("전화 010-1234-5678")]
    [InlineData("IOIlOl-lllIlOl")]
    [InlineData("진단 E11.9, I10, K21.0, S72.00")]
    public void Dates_and_other_identifiers_are_left_alone(string text) => Assert.Equal(text, ResidentNumberMasker.Apply(text));

    private static readonly Gen<string> Separator = Gen.OneOf("-", " - ", "- ", " -", "–", "—", "‐", "−", "－", " ", "");

    private static readonly Gen<char[]> ResidentDigits =
        from birth in Gen.DateOnly[new DateOnly(1900, 1, 1), new DateOnly(2025, 12, 31)]
        from sex in Gen.Int[1, 8]
        from rest in Gen.Int[0, 999_999]
        select $"{birth:yyMMdd}{sex}{rest:D6}".ToCharArray();

    /// <summary>A resident number as a record or OCR shows it: any separator, some digits read as look-alikes or full-width, the back maybe masked by the source.</summary>
    private static readonly Gen<string> DamagedResidentNumber =
        from digits in ResidentDigits
        from separator in Separator
        from damage in Gen.Int[0, 3].Array[13]
        from masked in Gen.Bool
        select Render(digits, separator, damage, masked && separator.Trim().Length > 0);

    private static readonly Gen<string> Context = Gen.OneOf("", " ", "주민등록번호: ", "주민번호 ", "환자 홍길동 (", "RRN ", "No. ", "\n");

    [Fact]
    public void Every_damaged_resident_number_is_masked() =>
        Property.ForAll(
            from before in Context
            from number in DamagedResidentNumber
            from after in Gen.OneOf("", " ", ")", " 환자", "\n다음 줄")
            select (before, number, after),
            sample =>
            {
                var masked = ResidentNumberMasker.Apply(sample.before + sample.number + sample.after);
                Assert.Equal(sample.before + ResidentNumberMasker.Mask + sample.after, masked);
            },
            scale: 10);

    private static readonly Gen<string> Digits4 = Gen.Int[0, 9999].Select(n => n.ToString("D4"));

    private static readonly Gen<string> NotAResidentNumber = Gen.OneOf(
        // KCD codes as printed, one or several
        Gen.Select(Gen.Char['A', 'Z'], Gen.Int[0, 99], Gen.Int[0, 99], Gen.Bool, (letter, head, tail, dotted) => dotted ? $"{letter}{head:D2}.{tail % 10}" : $"{letter}{head:D2}{tail:D2}")
            .Array[1, 5].Select(codes => string.Join(", ", codes)),
        // dates of domain.md §6.1 in their many forms
        Gen.Select(Gen.DateOnly[new DateOnly(1950, 1, 1), new DateOnly(2049, 12, 31)], Gen.OneOf(
            "yyyy-MM-dd", "yyyy.M.d", "yyyy/MM/dd", "yyyy. MM. dd.", "yy-MM-dd", "yy.MM.dd", "yyyyMMdd", "MM/dd/yyyy", "yyyy년 M월 d일"),
            (date, format) => date.ToString(format, System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Select(Gen.DateOnly[new DateOnly(1950, 1, 1), new DateOnly(2049, 12, 31)], Gen.Int[1, 400], (start, days) => $"{start:yyyy.MM.dd} ~ {start.AddDays(days):yyyy.MM.dd}"),
        // phone numbers
        Gen.Select(Gen.OneOf("010", "011", "016", "02", "031", "051", "070"), Gen.Int[100, 9999], Digits4, Gen.OneOf("-", " ", ""),
            (area, middle, last, separator) => $"{area}{separator}{middle}{separator}{last}"),
        Gen.Select(Gen.OneOf("1588", "1577", "1644"), Digits4, (prefix, last) => $"{prefix}-{last}"),
        // prescription numbers: issue date and serial, with or without the hyphen after their label
        Gen.Select(Gen.DateOnly[new DateOnly(2000, 1, 1), new DateOnly(2030, 12, 31)], Gen.Int[0, 99_999], Gen.OneOf("-", ""),
            (issued, serial, separator) => $"교부번호 {issued:yyyyMMdd}{separator}{serial:D5}"));

    [Fact]
    public void Codes_dates_phone_and_prescription_numbers_are_never_masked() =>
        Property.ForAll(
            NotAResidentNumber.Array[1, 4].Select(parts => string.Join(" ", parts)),
            text => Assert.Equal(text, ResidentNumberMasker.Apply(text)),
            scale: 10);

    private static string Render(char[] digits, string separator, int[] damage, bool maskBack)
    {
        var chars = digits.Select((digit, index) => damage[index] switch
        {
            // at most a few look-alikes: OCR damages some characters, not the whole number
            1 when index % 3 == 0 => LookAlike(digit),
            2 => (char)(digit - '0' + '０'),
            _ => digit,
        }).ToArray();
        var back = maskBack ? chars[6] + "******" : new string(chars[6..]);
        return new string(chars[..6]) + separator + back;
    }

    private static char LookAlike(char digit) => digit switch
    {
        '0' => 'O',
        '1' => 'l',
        '2' => 'Z',
        '5' => 'S',
        '8' => 'B',
        _ => digit,
    };
}
