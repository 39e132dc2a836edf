using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VNexsus.Testing;

namespace VNexsus.ApiTests;

/// <summary>The window policies come from policies.json, and the one chosen at upload is the one the job's report applies.</summary>
public sealed class PolicyTests(ApiServerFixture fixture) : IClassFixture<ApiServerFixture>
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task The_policy_list_is_the_shipped_policy_data()
    {
        var answer = await Server.Http.GetFromJsonAsync<JsonElement>("/api/policies");

        var shipped = VNexsus.Rules.RuleData.Default.Policies;
        Assert.Equal(shipped.DefaultPolicyId, answer.GetProperty("defaultPolicyId").GetString());
        var policies = answer.GetProperty("policies").EnumerateArray().ToList();
        Assert.Equal(shipped.Policies.Select(p => p.PolicyId), policies.Select(p => p.GetProperty("policyId").GetString()));
        var standard = policies.Single(p => p.GetProperty("policyId").GetString() == "3.1.5");
        Assert.Equal(
            ["within_3_months:months:3", "within_1_year:years:1", "within_5_years:years:5"],
            standard.GetProperty("windows").EnumerateArray().Select(w => $"{w.GetProperty("name").GetString()}:{w.GetProperty("unit").GetString()}:{w.GetProperty("amount").GetInt32()}").ToArray());
    }

    [Fact]
    public async Task The_policy_chosen_at_upload_is_applied_to_the_jobs_report()
    {
        var jobId = await UploadAsync(new Multipart()
            .File("record.txt", "text/plain", Fixtures.UniqueText("진료일자: 2024.03.07 가나병원 내과 외래 진료\n진단명: 제2형 당뇨병 (E11.9)"))
            .Field("insuranceJoinDate", "2024-06-01")
            .Field("policy", "3.1.5"));
        await Server.WaitForStatusAsync(jobId, "completed");

        var report = await Server.Http.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}/report");
        var policy = report.GetProperty("disclosure").GetProperty("policy");
        Assert.Equal("3.1.5", policy.GetProperty("policyId").GetString());
        Assert.False(policy.GetProperty("defaultApplied").GetBoolean());

        // The review inputs can still be changed afterwards; without a choice the default applies and says so.
        var other = await Server.Http.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}/report?policy=3.2.5");
        Assert.Equal("3.2.5", other.GetProperty("disclosure").GetProperty("policy").GetProperty("policyId").GetString());
        var plain = await UploadAsync(new Multipart().File("plain.txt", "text/plain", Fixtures.UniqueText()));
        await Server.WaitForStatusAsync(plain, "completed");
        var defaulted = await Server.Http.GetFromJsonAsync<JsonElement>($"/api/jobs/{plain}/report");
        Assert.True(defaulted.GetProperty("disclosure").GetProperty("policy").GetProperty("defaultApplied").GetBoolean());
    }

    [Fact]
    public async Task An_unknown_policy_is_refused_at_upload()
    {
        using var response = await Server.Http.PostAsync("/api/ocr/upload", new Multipart()
            .File("record.txt", "text/plain", Fixtures.UniqueText())
            .Field("policy", "9.9.9")
            .Build());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("VALIDATION_ERROR", body.GetProperty("code").GetString());
        Assert.Equal("policy", body.GetProperty("field").GetString());
    }

    private async Task<string> UploadAsync(Multipart upload)
    {
        using var response = await Server.Http.PostAsync("/api/ocr/upload", upload.Build());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()!;
    }
}
