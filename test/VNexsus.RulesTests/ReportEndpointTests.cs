using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VNexsus.Rules.Report;
using VNexsus.Testing;

namespace VNexsus.RulesTests;

/// <summary>GET /api/jobs/{jobId}/report on the real API (embedded mode, Kestrel on a free port).</summary>
public sealed class ReportEndpointTests(ApiServerFixture fixture) : IClassFixture<ApiServerFixture>
{
    private ApiServer Server => fixture.Server;

    private async Task<string> UploadAsync(string body, string? joinDate = null, string? contracts = null)
    {
        var response = await Server.Http.PostAsync("/api/ocr/upload", Form(body, joinDate, contracts).Build());
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        var jobId = json.GetProperty("jobId").GetString()!;
        await Server.WaitForStatusAsync(jobId, "completed");
        return jobId;
    }

    private static Multipart Form(string body, string? joinDate = null, string? contracts = null)
    {
        var form = new Multipart().File("진료기록.txt", "text/plain", System.Text.Encoding.UTF8.GetBytes(body + $"\n고유번호 {Fixtures.UniqueMarker()}\n"));
        if (joinDate is not null)
        {
            form.Field("insuranceJoinDate", joinDate);
        }

        if (contracts is not null)
        {
            form.Field("contracts", contracts);
        }

        return form;
    }

    private const string Record = "가나병원 내과\n환자명: 김가명 생년월일: 1970.01.01\n진료일자: 2024.03.12 외래\n진단명: 제2형 당뇨병 (E11.9)\n처방: 메트포르민 500mg 30일분\n입원기간: 2024.05.01 ~ 2024.05.03\n진단명: 급성 충수염 (K35.8)\n발급일: 2024.10.02";

    [Fact]
    public async Task The_report_has_the_contract_names_evidence_and_warnings()
    {
        var jobId = await UploadAsync(Record, "2024-06-01");

        var report = await Server.Http.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}/report");

        var timeline = report.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(["2024-03-12", "2024-05-01"], timeline.Select(e => e.GetProperty("date").GetString()));
        var stay = timeline[1];
        Assert.Equal("admission", stay.GetProperty("type").GetString());
        Assert.Equal("2024-05-03", stay.GetProperty("endDate").GetString());
        Assert.Equal(3, stay.GetProperty("admissionDays").GetInt32());
        Assert.Equal("가나병원", stay.GetProperty("hospital").GetString());
        Assert.Equal("K35.8", stay.GetProperty("diagnoses")[0].GetProperty("code").GetString());
        var evidence = timeline[0].GetProperty("evidence")[0];
        Assert.Equal(1, evidence.GetProperty("fileIndex").GetInt32());
        Assert.Equal("진료기록.txt", evidence.GetProperty("fileName").GetString());
        Assert.Equal(1, evidence.GetProperty("page").GetInt32());
        Assert.Equal(JsonValueKind.Null, evidence.GetProperty("bbox").ValueKind);
        Assert.Contains("2024.03.12", evidence.GetProperty("quote").GetString());
        Assert.True(timeline[0].TryGetProperty("medicationDays", out _));
        Assert.True(timeline[0].TryGetProperty("reviewNeeded", out _));
        Assert.True(timeline[0].TryGetProperty("department", out _));

        var disclosure = report.GetProperty("disclosure");
        Assert.True(disclosure.GetProperty("joinDateAvailable").GetBoolean());
        Assert.Equal("3.2.5", disclosure.GetProperty("policy").GetProperty("policyId").GetString());
        var candidate = disclosure.GetProperty("candidates").EnumerateArray().First(c => c.GetProperty("candidateType").GetString() == "admission");
        Assert.Equal("within_3_months", candidate.GetProperty("window").GetString());
        Assert.Equal("strong", candidate.GetProperty("strength").GetString());
        Assert.Contains("검토 후보로 보입니다", candidate.GetProperty("rationale").GetString());
        Assert.NotEmpty(candidate.GetProperty("evidence").EnumerateArray());
        Assert.Equal(6, report.GetProperty("clusters").GetArrayLength());
        Assert.Equal(ReportText.Warnings, report.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        Assert.Contains(report.GetProperty("excluded").EnumerateArray(), x => x.GetProperty("reason").GetString() == "birth_date");
        Assert.True(report.GetProperty("statistics").GetProperty("total").GetInt32() >= 4);
    }

    [Fact]
    public async Task Query_inputs_rerun_the_rules_and_text_and_html_render()
    {
        var jobId = await UploadAsync(Record);

        var limited = await Server.Http.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}/report");
        Assert.False(limited.GetProperty("disclosure").GetProperty("joinDateAvailable").GetBoolean());
        Assert.Empty(limited.GetProperty("disclosure").GetProperty("candidates").EnumerateArray());

        var rerun = await Server.Http.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}/report?insuranceJoinDate=2024-06-01&policy=3.1.5");
        Assert.Equal("2024-06-01", rerun.GetProperty("disclosure").GetProperty("joinDate").GetString());
        Assert.Equal("3.1.5", rerun.GetProperty("disclosure").GetProperty("policy").GetProperty("label").GetString());
        Assert.NotEmpty(rerun.GetProperty("disclosure").GetProperty("candidates").EnumerateArray());

        var text = await Server.Http.GetStringAsync($"/api/jobs/{jobId}/report?format=text&insuranceJoinDate=2024-06-01");
        Assert.Contains("1. 내원일시: 2024.03.12", text);
        Assert.Contains("3. 진단병명: 제2형 당뇨병(E11.9)", text);
        Assert.Contains("10. 의사소견: 미기재", text);
        Assert.Contains("8. 입원기간: 2024.05.01 ~ 2024.05.03 / 3일 입원", text);
        Assert.Empty(WordingGuard.Violations(text));

        var html = await Server.Http.GetAsync($"/api/jobs/{jobId}/report?format=html");
        Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
        var page = await html.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"ko\">", page);
        Assert.Contains("본 결과는 의학적 진단이 아닙니다.", page);

        var bad = await Server.Http.GetAsync($"/api/jobs/{jobId}/report?insuranceJoinDate=2024.06.01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var unknownPolicy = await Server.Http.GetAsync($"/api/jobs/{jobId}/report?policy=9.9.9");
        Assert.Equal(HttpStatusCode.BadRequest, unknownPolicy.StatusCode);
    }

    [Fact]
    public async Task Unknown_jobs_are_404()
    {
        var response = await Server.Http.GetAsync($"/api/jobs/{Guid.NewGuid()}/report");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("JOB_NOT_FOUND", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Server.Http.GetAsync("/api/jobs/not-a-job/report")).StatusCode);
    }

    [Fact]
    public async Task Several_contracts_sent_on_upload_are_each_reviewed_and_shown()
    {
        var jobId = await UploadAsync(Record, contracts: """[{"contractId":"종신","insuranceJoinDate":"2024-06-01","policy":"3.1.5"},{"contractId":"실손","insuranceJoinDate":"2024-04-01"}]""");

        var report = await Server.Http.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}/report");

        var reviews = report.GetProperty("disclosureReview").EnumerateArray().ToList();
        Assert.Equal(["종신", "실손"], reviews.Select(r => r.GetProperty("contractId").GetString()));
        Assert.Equal(["2024-06-01", "2024-04-01"], reviews.Select(r => r.GetProperty("joinDate").GetString()));
        Assert.Equal(["3.1.5", "3.2.5"], reviews.Select(r => r.GetProperty("policy").GetProperty("policyId").GetString()));
        Assert.Equal("종신", report.GetProperty("disclosure").GetProperty("contractId").GetString());
        Assert.Equal("2024-06-01", report.GetProperty("caseBasicInfo").GetProperty("insuranceJoinDate").GetString());
        Assert.Equal(2, report.GetProperty("caseBasicInfo").GetProperty("contracts").GetArrayLength());
        // The stay of 2024-05-01 is a 3-month candidate for the first contract and after the second one's enrollment date.
        static IEnumerable<string?> Types(JsonElement review) => review.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("candidateType").GetString());
        Assert.Contains("admission", Types(reviews[0]));
        Assert.DoesNotContain("admission", Types(reviews[1]));
        var stay = report.GetProperty("timeline").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "admission");
        Assert.Equal(["within_3_months", "after_join"], stay.GetProperty("contractWindows").EnumerateArray().Select(w => w.GetProperty("primaryWindow").GetString()));

        var text = await Server.Http.GetStringAsync($"/api/jobs/{jobId}/report?format=text");
        Assert.Contains("[고지의무 검토 개요 - 계약 종신]", text);
        Assert.Contains("[고지의무 검토 개요 - 계약 실손]", text);

        var pdf = await Server.Http.GetByteArrayAsync($"/api/jobs/{jobId}/export?format=pdf");
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var pdfText = string.Concat(document.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("고지의무검토개요-계약종신", pdfText);
        Assert.Contains("고지의무검토개요-계약실손", pdfText);
        Assert.Contains("계약실손·보험가입일:2024.04.01", pdfText);

        foreach (var body in new[] { $"/api/ocr/status/{jobId}", $"/api/ocr/result/{jobId}" })
        {
            var echoed = (await Server.Http.GetFromJsonAsync<JsonElement>(body)).GetProperty("contracts").EnumerateArray().ToList();
            Assert.Equal(["종신", "실손"], echoed.Select(c => c.GetProperty("contractId").GetString()));
            Assert.Equal(["2024-06-01", "2024-04-01"], echoed.Select(c => c.GetProperty("insuranceJoinDate").GetString()));
            Assert.Equal(["3.1.5", null], echoed.Select(c => c.GetProperty("policy").GetString()));
        }
    }

    [Fact]
    public async Task The_report_query_takes_several_contracts_and_refuses_bad_ones()
    {
        var jobId = await UploadAsync(Record, "2024-06-01");
        var query = Uri.EscapeDataString("""[{"insuranceJoinDate":"2024-06-01"},{"insuranceJoinDate":"2022-01-10","policy":"3.1.5"},{}]""");

        var report = await Server.Http.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}/report?contracts={query}");

        var reviews = report.GetProperty("disclosureReview").EnumerateArray().ToList();
        Assert.Equal(["1", "2", "3"], reviews.Select(r => r.GetProperty("contractId").GetString()));
        Assert.Equal([true, true, false], reviews.Select(r => r.GetProperty("joinDateAvailable").GetBoolean()));
        Assert.Empty(reviews[1].GetProperty("candidates").EnumerateArray());

        foreach (var (bad, field) in new[]
        {
            ("contracts=" + Uri.EscapeDataString("""[{"insuranceJoinDate":"2024.06.01"}]"""), "contracts"),
            ("contracts=" + Uri.EscapeDataString("""[{"contractId":"A"},{"contractId":"A"}]"""), "contracts"),
            ("contracts=" + Uri.EscapeDataString("""[{"policy":"9.9.9"}]"""), "contracts"),
            ("contracts=not-json", "contracts"),
            ("contracts=" + Uri.EscapeDataString("[]"), "contracts"),
            ("insuranceJoinDate=2024-06-01&contracts=" + Uri.EscapeDataString("""[{"insuranceJoinDate":"2024-06-01"}]"""), "contracts"),
        })
        {
            var response = await Server.Http.GetAsync($"/api/jobs/{jobId}/report?{bad}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("VALIDATION_ERROR", body.GetProperty("error").GetProperty("code").GetString());
            Assert.Equal(field, body.GetProperty("error").GetProperty("details").GetProperty("issues")[0].GetProperty("field").GetString());
        }

        var refused = await Server.Http.PostAsync("/api/ocr/upload", Form(Record, contracts: """[{"insuranceJoinDate":"2024-13-01"}]""").Build());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var error = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("VALIDATION_ERROR", error.GetProperty("code").GetString());
        Assert.Contains("1번째 계약", error.GetProperty("error").GetString());
    }
}
