using System.Globalization;
using CsCheck;
using VNexsus.Rules;
using VNexsus.Rules.Dates;
using VNexsus.UnitTests.Properties;

namespace VNexsus.UnitTests.Rules;

/// <summary>The date finder against every format of domain.md §6.1, and against text that is not a date at all.</summary>
public sealed class DateFinderProperties
{
    private static readonly DateOnly Today = new(2025, 6, 30);

    private static readonly Gen<DateOnly> MedicalDate = Gen.DateOnly[new DateOnly(DateFinder.MinimumYear, 1, 1), Today];

    /// <summary>Two-digit years: 50–99 are 19YY, 00–49 20YY.</summary>
    private static readonly Gen<DateOnly> TwoDigitYearDate = Gen.DateOnly[new DateOnly(1950, 1, 1), Today];

    private static readonly string[] FullYearFormats =
    [
        "yyyy-MM-dd", "yyyy.MM.dd", "yyyy/MM/dd", "yyyy-M-d", "yyyy.M.d", "yyyy/M/d", // #1
        "yyyy. MM. dd.", "yyyy / MM / dd", "yyyy - MM - dd", "yyyy. M. d.", // #2
        "yyyy년 M월 d일", "yyyy년M월d일", "yyyy년 MM월 dd일", // #5
        "MM/dd/yyyy", // #8
    ];

    private static readonly string[] TwoDigitYearFormats = ["yy-MM-dd", "yy.MM.dd", "yy/MM/dd", "yy.M.d", "yy년 M월 d일"]; // #3, #6

    private static readonly Gen<string> Surrounding = Gen.OneOf("", " ", "진료일자: ", "외래 ", "(", "내원 ");

    [Fact]
    public void Every_valid_date_in_every_format_is_found_with_its_value() =>
        Property.ForAll(
            Gen.OneOf(
                Gen.Select(MedicalDate, Gen.OneOf(FullYearFormats)),
                Gen.Select(TwoDigitYearDate, Gen.OneOf(TwoDigitYearFormats))).SelectMany(pair => Surrounding.Select(before => (pair.Item1, pair.Item2, before))),
            sample =>
            {
                var (date, format, before) = sample;
                var text = before + date.ToString(format, CultureInfo.InvariantCulture) + " 진료";
                var found = Assert.Single(DateFinder.Find(text, null, Today));
                Assert.Equal(date, found.Date.Date);
                Assert.Equal(DatePrecision.Day, found.Date.Precision);
                Assert.Equal(before.Length, found.Start);
            },
            scale: 5);

    [Fact]
    public void Month_precision_dates_times_and_ranges_keep_their_values() =>
        Property.ForAll(
            Gen.Select(MedicalDate, Gen.Int[1, 60], Gen.TimeOnly),
            sample =>
            {
                var (start, days, time) = sample;
                var end = start.AddDays(days);
                var month = Assert.Single(DateFinder.Find($"{start:yyyy}년 {start.Month}월 진료", null, Today));
                Assert.Equal((new DateOnly(start.Year, start.Month, 1), DatePrecision.Month), (month.Date.Date, month.Date.Precision));

                var timed = Assert.Single(DateFinder.Find($"{start:yyyy-MM-dd} {time:HH:mm} 외래", null, Today));
                Assert.Equal((start, new TimeOnly(time.Hour, time.Minute)), (timed.Date.Date, timed.Date.Time));

                if (end <= Today)
                {
                    var period = Assert.Single(DateFinder.Find($"입원기간: {start:yyyy.MM.dd} ~ {end:yyyy.MM.dd}", null, Today));
                    Assert.Equal((start, end), (period.Date.Date, period.Date.PeriodEnd));
                }
            });

    [Fact]
    public void A_normalised_date_reads_back_as_the_same_date() =>
        Property.ForAll(
            Gen.Select(MedicalDate, Gen.OneOf(FullYearFormats)),
            sample =>
            {
                var found = Assert.Single(DateFinder.Find(sample.Item1.ToString(sample.Item2, CultureInfo.InvariantCulture), null, Today)).Date;
                var normalised = found.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                Assert.Equal(found.Date, Assert.Single(DateFinder.Find(normalised, null, Today)).Date.Date);
            });

    /// <summary>Characters dates are made of, so random text is often nearly a date.</summary>
    private static readonly Gen<string> DateLikeText = Gen.OneOf(
            Gen.Char['0', '9'], Gen.OneOf('-', '.', '/', ' ', '~', ':', '년', '월', '일', '시', '분', '(', ')', '∼', '부', '터', '까', '지'),
            Gen.Char)
        .Array[0, 60].Select(chars => new string(chars));

    [Fact]
    public void Random_text_never_throws_and_never_yields_an_impossible_date() =>
        Property.ForAll(
            Gen.Select(DateLikeText, Gen.Int[DateFinder.MinimumYear, 2030], Gen.Bool),
            sample =>
            {
                var (text, year, inherits) = sample;
                foreach (var match in DateFinder.Find(text, inherits ? year : null, Today))
                {
                    Assert.InRange(match.Start, 0, text.Length);
                    Assert.InRange(match.Start + match.Length, match.Start, text.Length);
                    var date = match.Date;
                    Assert.True(
                        date.YearUnresolved ? date.Date.Year == DateFinder.UnresolvedYear : date.Date.Year is >= DateFinder.MinimumYear and <= 2026,
                        $"impossible year in {date}");
                    Assert.True(date.PeriodEnd is null || date.PeriodEnd.Value.Year is >= DateFinder.MinimumYear and <= 2026 || date.YearUnresolved, $"impossible period end in {date}");
                    Assert.Contains(date.Raw, text);
                }
            },
            scale: 10);

    [Fact]
    public void Classifying_any_span_of_random_text_never_throws() =>
        Property.ForAll(
            Gen.Select(DateLikeText, Gen.Int[0, 60], Gen.Int[0, 60]),
            sample =>
            {
                var (text, a, b) = sample;
                var start = Math.Min(Math.Min(a, b), text.Length);
                var end = Math.Min(Math.Max(a, b), text.Length);
                Assert.NotNull(new DateClassifier(RuleData.Default.Dates).Classify(text, start, end, start, end, inHistorySection: a % 2 == 0));
            },
            scale: 5);
}
