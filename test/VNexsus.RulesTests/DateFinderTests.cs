using VNexsus.Rules;
using VNexsus.Rules.Dates;

namespace VNexsus.RulesTests;

public sealed class DateFinderTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Theory]
    [InlineData("2022年 11月 28日 ▶E11.9-합병증 없는 2형 당뇨병", "2022-11-28")] // the characters for 년월일 (holdout12 golden set)
    [InlineData("진료일 2024-10-23 내과", "2024-10-23")]
    [InlineData("(검사 시행일) 2021 A 4 월 22 일 ㆍ생검 조직", "2021-04-22")] // 년 read as a letter on a scan (holdout11 golden set)
    [InlineData("2021 4.4 월 25 일", "2021-04-25")] // 년 read as a digit and a mark
    [InlineData("2021 4 월 25 일", "2021-04-25")] // 년 lost
    [InlineData("2024.3.7 외래", "2024-03-07")]
    [InlineData("2024/03/09", "2024-03-09")]
    [InlineData("2024. 03. 07. 재진", "2024-03-07")]
    [InlineData("2024 / 10 / 22", "2024-10-22")]
    [InlineData("2024 - 03 - 07", "2024-03-07")]
    [InlineData("24-03-11 검사", "2024-03-11")]
    [InlineData("98.3.11 수술", "1998-03-11")]
    [InlineData("진료일자 20241023", "2024-10-23")]
    [InlineData("[20241023] 외래 재진", "2024-10-23")] // clinical words after its closing bracket (holdout7 golden set)
    [InlineData("20241023 ◦ 신혈관성 고혈압 I150 ◦30일분", "2024-10-23")] // a diagnosis and its code after it (holdout9 golden set)
    [InlineData("20241023 ㅇ 기타 ASSS E161 ㅇ30일분", "2024-10-23")] // as scanned: the mark read as a jamo, the name garbled
    [InlineData("2024년 3월 8일", "2024-03-08")]
    [InlineData("2024년3월8일 입원", "2024-03-08")]
    [InlineData("24년 3월 8일", "2024-03-08")]
    [InlineData("visit 03/07/2024", "2024-03-07")]
    public void Finds_day_dates_in_every_format(string line, string expected)
    {
        var match = Assert.Single(DateFinder.Find(line, null, Today));
        Assert.Equal(DateOnly.Parse(expected), match.Date.Date);
        Assert.Equal(DatePrecision.Day, match.Date.Precision);
        Assert.Null(match.Date.PeriodEnd);
    }

    [Theory]
    [InlineData("2023.11 진단", "2023-11-01")]
    [InlineData("2023년 11월 발병", "2023-11-01")]
    public void Finds_month_precision(string line, string expected)
    {
        var match = Assert.Single(DateFinder.Find(line, null, Today));
        Assert.Equal(DateOnly.Parse(expected), match.Date.Date);
        Assert.Equal(DatePrecision.Month, match.Date.Precision);
    }

    [Theory]
    [InlineData("입원기간 2024.03.01 ~ 2024.03.05", "2024-03-01", "2024-03-05")]
    [InlineData("2024/10/22~2024/12/20", "2024-10-22", "2024-12-20")]
    [InlineData("2024.03.28~04.02", "2024-03-28", "2024-04-02")]
    [InlineData("2024.12.28 ∼ 01.03", "2024-12-28", "2025-01-03")]
    [InlineData("2024년 3월 1일부터 3월 5일까지", "2024-03-01", "2024-03-05")]
    [InlineData("2024-03-01 - 2024-03-05", "2024-03-01", "2024-03-05")]
    [InlineData("입원일~퇴원일 ： 2021/05/15(토) ~ 2021/05/19(수) ／ 8병동", "2021-05-15", "2021-05-19")] // weekdays after both ends (holdout12 golden set)
    public void A_range_is_one_period(string line, string start, string end)
    {
        var match = Assert.Single(DateFinder.Find(line, null, Today));
        Assert.Equal(DateOnly.Parse(start), match.Date.Date);
        Assert.Equal(DateOnly.Parse(end), match.Date.PeriodEnd);
    }

    [Theory]
    [InlineData("2024-03-07 14:30", 14, 30)]
    [InlineData("2024.03.07 (09:05) 내원", 9, 5)]
    [InlineData("2024년 3월 7일 3시 20분", 3, 20)]
    public void A_time_attaches_to_its_date(string line, int hour, int minute)
    {
        var match = Assert.Single(DateFinder.Find(line, null, Today));
        Assert.Equal(new TimeOnly(hour, minute), match.Date.Time);
    }

    [Fact]
    public void A_month_day_inherits_the_year_of_the_previous_date()
    {
        var match = Assert.Single(DateFinder.Find("3월 8일 재진", 2023, Today));
        Assert.Equal(new DateOnly(2023, 3, 8), match.Date.Date);
        Assert.False(match.Date.YearUnresolved);
    }

    [Fact]
    public void A_month_day_without_a_previous_date_is_unresolved_never_this_year()
    {
        var match = Assert.Single(DateFinder.Find("3월 8일 재진", null, Today));
        Assert.True(match.Date.YearUnresolved);
        Assert.NotEqual(Today.Year, match.Date.Date.Year);
    }

    [Theory]
    [InlineData("2024-02-30")]
    [InlineData("2024.13.01")]
    [InlineData("2091.03.07")]
    [InlineData("1850.03.07")]
    [InlineData("처방전교부번호 20230117-00008")]
    [InlineData("12024.03.07")]
    [InlineData("2024.03.071")]
    [InlineData("20241023")]
    [InlineData("등록번호 No 20241023")]
    [InlineData("20241023 ◦ 신혈관성 고혈압")] // a name without a code
    [InlineData("체온 36.5 혈압 120/80")]
    [InlineData("오늘 3일 전부터 통증")]
    public void Rejects_what_is_not_a_medical_date(string line) => Assert.Empty(DateFinder.Find(line, null, Today));

    [Fact]
    public void Finds_every_date_of_a_line_in_order()
    {
        var matches = DateFinder.Find("2024.03.07 초진, 2024.04.08 재진, 24.5.20 검사", null, Today);
        Assert.Equal(
            [new DateOnly(2024, 3, 7), new DateOnly(2024, 4, 8), new DateOnly(2024, 5, 20)],
            matches.Select(m => m.Date.Date).ToArray());
    }
}
