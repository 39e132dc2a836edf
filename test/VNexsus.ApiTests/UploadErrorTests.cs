using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VNexsus.Testing;

namespace VNexsus.ApiTests;

/// <summary>Every 4xx/5xx code of the upload error table (domain.md §4.1), over real HTTP.</summary>
public sealed class UploadErrorTests(ApiServerFixture fixture) : IClassFixture<ApiServerFixture>
{
    private HttpClient Http => fixture.Server.Http;

    [Fact]
    public async Task No_files_is_NO_FILES()
    {
        var body = await PostAsync(new Multipart().Field("patientName", "홍길동"), HttpStatusCode.BadRequest);

        AssertV1Error(body, "NO_FILES");
    }

    [Fact]
    public async Task Nine_files_is_TOO_MANY_FILES()
    {
        var upload = new Multipart();
        for (var i = 0; i < 9; i++)
        {
            upload.File($"기록{i}.txt", "text/plain", Fixtures.UniqueText());
        }

        var body = await PostAsync(upload, HttpStatusCode.BadRequest);

        AssertV1Error(body, "TOO_MANY_FILES");
        Assert.Equal(9, body.GetProperty("filesReceived").GetInt32());
        Assert.Equal(8, body.GetProperty("maxAllowed").GetInt32());
    }

    [Theory]
    [InlineData("setup.exe", "application/octet-stream")]
    [InlineData("setup.exe", "application/pdf")]
    [InlineData("record.pdf", "application/x-msdownload")]
    public async Task An_unaccepted_type_is_INVALID_FILE_TYPE(string name, string type)
    {
        var body = await PostAsync(new Multipart().File("good.txt", "text/plain", Fixtures.UniqueText()).File(name, type, Encoding.ASCII.GetBytes("MZ" + new string('x', 200))), HttpStatusCode.BadRequest);

        AssertV1Error(body, "INVALID_FILE_TYPE");
        Assert.Equal([name], body.GetProperty("invalidFiles").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public async Task A_file_under_ten_bytes_is_EMPTY_FILES(int size)
    {
        var body = await PostAsync(new Multipart().File("빈파일.txt", "text/plain", new byte[size]), HttpStatusCode.BadRequest);

        AssertV1Error(body, "EMPTY_FILES");
        Assert.Equal(["빈파일.txt"], body.GetProperty("emptyFiles").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    [Fact]
    public async Task A_pdf_that_is_not_a_pdf_is_CORRUPT_FILES()
    {
        var bytes = Encoding.ASCII.GetBytes(new string('x', 300));

        var body = await PostAsync(new Multipart().File("가짜.pdf", "application/pdf", bytes), HttpStatusCode.BadRequest);

        AssertV1Error(body, "CORRUPT_FILES");
        var corrupt = Assert.Single(body.GetProperty("corruptFiles").EnumerateArray());
        Assert.Equal("가짜.pdf", corrupt.GetProperty("name").GetString());
        Assert.Equal(300, corrupt.GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task Content_of_another_type_than_declared_is_INVALID_FILE_TYPE_with_the_reason()
    {
        var body = await PostAsync(new Multipart().File("good.txt", "text/plain", Fixtures.UniqueText()).File("스캔.pdf", "application/pdf", Fixtures.Bytes(Fixtures.ScanPng)), HttpStatusCode.BadRequest);

        AssertV1Error(body, "INVALID_FILE_TYPE");
        Assert.Equal(["스캔.pdf"], body.GetProperty("invalidFiles").EnumerateArray().Select(e => e.GetString()!).ToArray());
        var detail = Assert.Single(body.GetProperty("details").EnumerateArray());
        Assert.Contains("PNG", detail.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task An_image_declaring_absurd_dimensions_is_IMAGE_TOO_LARGE_before_any_decoding()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8, 0, 1, 0x86, 0xA0, 0, 1, 0x86, 0xA0, 8, 0, 0, 0, 0, .. new byte[40]];

        var body = await PostAsync(new Multipart().File("huge.png", "image/png", png), HttpStatusCode.BadRequest);

        AssertV1Error(body, "IMAGE_TOO_LARGE");
        var image = Assert.Single(body.GetProperty("oversizedImages").EnumerateArray());
        Assert.Equal(100_000, image.GetProperty("width").GetInt32());
        Assert.Contains("100000×100000", Assert.Single(body.GetProperty("details").EnumerateArray()).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_file_over_the_limit_is_FILE_TOO_LARGE()
    {
        var body = await PostAsync(new Multipart().File("big.txt", "text/plain", new byte[ApiServer.MaxFileBytes + 1]), HttpStatusCode.BadRequest);

        AssertV1Error(body, "FILE_TOO_LARGE");
    }

    [Fact]
    public async Task A_body_that_is_not_multipart_is_UPLOAD_ERROR()
    {
        var response = await Http.PostAsync("/api/ocr/upload", new StringContent("{\"files\":[]}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertV1Error(await response.Content.ReadFromJsonAsync<JsonElement>(), "UPLOAD_ERROR");
    }

    [Fact]
    public async Task A_file_in_another_field_is_UPLOAD_ERROR()
    {
        var body = await PostAsync(new Multipart().File("a.txt", "text/plain", Fixtures.UniqueText(), field: "document"), HttpStatusCode.BadRequest);

        AssertV1Error(body, "UPLOAD_ERROR");
    }

    [Theory]
    [InlineData("2024-02-30")]
    [InlineData("2024/06/01")]
    [InlineData("tomorrow")]
    public async Task An_invalid_enrollment_date_is_VALIDATION_ERROR(string value)
    {
        var body = await PostAsync(new Multipart().File("a.txt", "text/plain", Fixtures.UniqueText()).Field("insuranceJoinDate", value), HttpStatusCode.BadRequest);

        AssertV1Error(body, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task Nothing_of_a_refused_upload_is_kept()
    {
        var bytes = Fixtures.UniqueText();
        await PostAsync(new Multipart().File("a.txt", "text/plain", bytes).File("b.exe", "application/octet-stream", bytes), HttpStatusCode.BadRequest);

        var blobs = Path.Combine(fixture.DataDirectory.Path, "blobs");
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        Assert.False(File.Exists(Path.Combine(blobs, hash[..2], hash)));
        Assert.Empty(Directory.GetFiles(Path.Combine(fixture.DataDirectory.Path, "staging")));
    }

    private async Task<JsonElement> PostAsync(Multipart upload, HttpStatusCode expected)
    {
        var response = await Http.PostAsync("/api/ocr/upload", upload.Build());
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static void AssertV1Error(JsonElement body, string code)
    {
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Equal("error", body.GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("error").GetString()));
    }
}
