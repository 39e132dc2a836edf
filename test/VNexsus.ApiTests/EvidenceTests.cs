using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VNexsus.Ocr.Rendering;
using VNexsus.Testing;

namespace VNexsus.ApiTests;

/// <summary>With Tesseract on: scans are read, and every page's blocks and image are served for the evidence viewer.</summary>
public sealed class EvidenceTests() : OwnServerTest(ocrEngine: "Tesseract")
{
    [Fact]
    public async Task A_scan_is_read_and_its_blocks_and_page_image_share_one_pixel_space()
    {
        var png = Fixtures.Bytes(Fixtures.ScanPng).Concat(Guid.NewGuid().ToByteArray()).ToArray();
        var pdf = Fixtures.Bytes(Fixtures.OutpatientPdf).Concat(System.Text.Encoding.ASCII.GetBytes($"%{Guid.NewGuid():N}")).ToArray();
        var upload = await Server.Http.PostAsync("/api/ocr/upload", new Multipart().File("scan.png", "image/png", png).File("record.pdf", "application/pdf", pdf).Build());
        var jobId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()!;
        await Server.WaitForStatusAsync(jobId, "completed");

        var result = await Server.Http.GetFromJsonAsync<JsonElement>($"/api/ocr/result/{jobId}");
        var scan = result.GetProperty("results").GetProperty("file_1");
        Assert.Equal("ocr_only", scan.GetProperty("textSource").GetString());
        Assert.Contains("2024.03.07", scan.GetProperty("mergedText").GetString());
        Assert.DoesNotContain(Fixtures.ResidentNumber, result.ToString());

        var blocks = await Server.Http.GetFromJsonAsync<JsonElement>($"/api/ocr/blocks/{jobId}?file=1&page=1");
        Assert.True(blocks.GetProperty("success").GetBoolean());
        var page = Assert.Single(blocks.GetProperty("data").GetProperty("pages").EnumerateArray());
        var dated = page.GetProperty("blocks").EnumerateArray().First(b => b.GetProperty("text").GetString()!.Contains("2024.03.07"));
        var box = dated.GetProperty("bbox");
        Assert.True(box.GetProperty("xMax").GetDouble() <= page.GetProperty("width").GetDouble());

        var image = await Server.Http.GetAsync($"/api/ocr/page-image/{jobId}/1/1");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType!.MediaType);
        var imageBytes = await image.Content.ReadAsByteArrayAsync();
        var size = ImageHeader.SizeOf(imageBytes, ImageHeader.Jpeg)!.Value;
        Assert.Equal(page.GetProperty("width").GetDouble(), size.Width);

        // The resident number the text masks is blacked out in the image too.
        var masked = page.GetProperty("blocks").EnumerateArray().First(b => b.GetProperty("text").GetString()!.Contains("******-*******")).GetProperty("bbox");
        using var bitmap = SkiaSharp.SKBitmap.Decode(imageBytes);
        var centre = bitmap.GetPixel(
            (int)((masked.GetProperty("xMin").GetDouble() + masked.GetProperty("xMax").GetDouble()) / 2),
            (int)((masked.GetProperty("yMin").GetDouble() + masked.GetProperty("yMax").GetDouble()) / 2));
        Assert.True(centre.Red < 40 && centre.Green < 40 && centre.Blue < 40, $"pixel {centre} over a resident number is not black");

        // The code Tesseract first read as "611.9" was read again and corrected; the block says so, with where it was.
        var coded = page.GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("text").GetString()!.Contains("E11.9"));
        var correction = Assert.Single(coded.GetProperty("corrections").EnumerateArray());
        Assert.Contains("E11.9", correction.GetProperty("corrected").GetString());
        Assert.DoesNotContain("E11.9", correction.GetProperty("original").GetString());
        Assert.Equal("kcd-second-pass", correction.GetProperty("reason").GetString());
        Assert.True(correction.GetProperty("bbox").GetProperty("xMin").GetDouble() >= coded.GetProperty("bbox").GetProperty("xMin").GetDouble());
        Assert.Empty(dated.GetProperty("corrections").EnumerateArray());
        Assert.Equal("px", page.GetProperty("unit").GetString());
        Assert.Equal(1, page.GetProperty("imageScale").GetDouble());

        // A text-layer page: boxes in PDF points, the image drawn at twice that (144 dpi) so it is sharp.
        var pdfPage = (await Server.Http.GetFromJsonAsync<JsonElement>($"/api/ocr/blocks/{jobId}?file=2&page=2")).GetProperty("data").GetProperty("pages")[0];
        Assert.Equal("pt", pdfPage.GetProperty("unit").GetString());
        var scale = pdfPage.GetProperty("imageScale").GetDouble();
        Assert.Equal(2, scale);
        var rendered = await Server.Http.GetAsync($"/api/ocr/page-image/{jobId}/2/2");
        Assert.Equal("image/jpeg", rendered.Content.Headers.ContentType!.MediaType);
        var renderedSize = ImageHeader.SizeOf(await rendered.Content.ReadAsByteArrayAsync(), ImageHeader.Jpeg)!.Value;
        Assert.Equal(Math.Round(pdfPage.GetProperty("width").GetDouble() * scale), renderedSize.Width);
        Assert.Equal(Math.Round(pdfPage.GetProperty("height").GetDouble() * scale), renderedSize.Height);
    }

    [Theory]
    [InlineData("/api/ocr/blocks/00000000-0000-0000-0000-000000000000?file=1")]
    [InlineData("/api/ocr/page-image/00000000-0000-0000-0000-000000000000/1/1")]
    [InlineData("/api/ocr/page-image/not-a-job/1/1")]
    public async Task Unknown_jobs_files_and_pages_are_NOT_FOUND(string route)
    {
        var response = await Server.Http.GetAsync(route);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal("NOT_FOUND", body.GetProperty("error").GetProperty("code").GetString());
    }
}
