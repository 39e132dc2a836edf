using VNexsus.Privacy;

namespace VNexsus.UnitTests.Privacy;

public sealed class ResidentNumberMaskerTests
{
    [Theory]
    [InlineData("주민등록번호: 800101-1234567", "주민등록번호: ******-*******")]
    [InlineData("8001011234567", "******-*******")]
    [InlineData("800101 - 2234567 환자", "******-******* 환자")]
    [InlineData("800101-1******", "******-*******")]
    [InlineData("외국인 991231-5123456", "외국인 ******-*******")]
    public void Resident_numbers_are_masked_in_full(string text, string expected) => Assert.Equal(expected, ResidentNumberMasker.Apply(text));

    [Theory]
    [InlineData("진료일 2024-03-07")]
    [InlineData("처방전교부번호 20230117-00008")]
    [InlineData("환자번호 123456789012345")]
    [InlineData("전화 010-1234-5678")]
    public void Dates_and_other_identifiers_are_left_alone(string text) => Assert.Equal(text, ResidentNumberMasker.Apply(text));
}
