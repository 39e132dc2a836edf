namespace VNexsus.Rules.Report;

/// <summary>Fixed Korean texts of the report (domain.md §9.3, §9.6): mandatory warnings, labels, empty-slot words.</summary>
public static class ReportText
{
    /// <summary>The four mandatory warnings, in this order, in every report and export.</summary>
    public static readonly IReadOnlyList<string> Warnings =
    [
        "본 결과는 의학적 진단이 아닙니다.",
        "본 결과는 보험금 지급 여부에 대한 판단이 아닙니다.",
        "원본 서류의 품질이나 누락된 서류에 따라 결과가 달라질 수 있습니다.",
        "검토 필요로 표시된 항목은 반드시 원본과 대조하여 확인하십시오.",
    ];

    public const string NotRecorded = "미기재";
    public const string NeedsReview = "검토 필요";
    public const string EmptyRow = "원본 확인이 필요한 의료 기록입니다";
    public const string OverviewSentence = "이 결과는 검토 후보 개요입니다";

    public static string TypeLabel(EventType type) => type switch
    {
        EventType.Outpatient => "외래",
        EventType.Emergency => "응급",
        EventType.Admission => "입원",
        EventType.Discharge => "퇴원",
        EventType.Surgery => "수술",
        EventType.Procedure => "시술",
        EventType.Exam => "검사",
        EventType.Pathology => "병리",
        EventType.Medication => "투약",
        _ => "미분류",
    };

    public static string TypeName(EventType type) => type switch
    {
        EventType.Outpatient => "outpatient",
        EventType.Emergency => "emergency",
        EventType.Admission => "admission",
        EventType.Discharge => "discharge",
        EventType.Surgery => "surgery",
        EventType.Procedure => "procedure",
        EventType.Exam => "exam",
        EventType.Pathology => "pathology",
        EventType.Medication => "medication",
        _ => "unknown",
    };

    public static string WindowLabel(string window) => window switch
    {
        "within_3_months" => "3개월 이내",
        "within_1_year" => "1년 이내",
        "within_2_years" => "2년 이내",
        "within_5_years" => "5년 이내",
        "before_join" => "고지 기간 이전",
        "after_join" => "가입 후(청구사항)",
        "unknown" => "확인 불가(보험가입일 미입력)",
        _ => window,
    };

    public static string ExcludedReasonLabel(string reason) => reason switch
    {
        "birth_date" => "생년월일",
        "issue_or_print_date" => "발급·출력·작성일",
        "contract_date" => "보험·계약 관련 날짜",
        "booking_date" or "plan" => "예약·예정일",
        "report_date" => "판독·보고일(검사에 연결)",
        "past_history" or "history" => "과거력 언급",
        "onset_date" => "발병 시점 언급",
        "strong_metadata" or "weak_metadata" or "admin_without_anchor" or "admin" => "서류 관리 정보",
        "header_footer" => "머리글·바닥글 반복 날짜",
        "repeated_header" => "반복 표기된 날짜",
        "month_precision" => "월 단위 날짜",
        "no_clinical_anchor" => "진료 정보가 없는 날짜",
        "inpatient_day" => "입원 기간 중 날짜(입원에 포함)",
        "irrelevant" => "의료와 무관한 날짜",
        _ => reason,
    };
}
