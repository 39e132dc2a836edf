using System.Text;
using VNexsus.Api.Upload;
using VNexsus.Hosting;
using VNexsus.Ocr;
using VNexsus.Testing;

namespace VNexsus.UnitTests.Upload;

public sealed class UploadValidatorTests
{
    private static readonly UploadOptions Limits = new();

    [Theory]
    [InlineData("a.pdf", "application/pdf", DocumentKind.Pdf)]
    [InlineData("A.PDF", "application/pdf", DocumentKind.Pdf)]
    [InlineData("a.png", "image/png", DocumentKind.Png)]
    [InlineData("a.jpg", "image/jpeg", DocumentKind.Jpeg)]
    [InlineData("a.jpeg", "image/jpg", DocumentKind.Jpeg)]
    [InlineData("a.txt", "text/plain; charset=utf-8", DocumentKind.Text)]
    [InlineData("a.pdf", "image/png", null)]
    [InlineData("a.exe", "application/octet-stream", null)]
    [InlineData("a.exe", "application/pdf", null)]
    [InlineData("a", "application/pdf", null)]
    public void Type_and_extension_must_both_be_accepted_and_agree(string name, string type, DocumentKind? expected) =>
        Assert.Equal(expected, UploadValidator.KindOf(name, type));

    [Fact]
    public void Valid_fixtures_pass()
    {
        Assert.Equal(FileProblem.None, Check("a.pdf", "application/pdf", Fixtures.Bytes(Fixtures.OutpatientPdf)));
        Assert.Equal(FileProblem.None, Check("a.png", "image/png", Fixtures.Bytes(Fixtures.ScanPng)));
        Assert.Equal(FileProblem.None, Check("a.jpg", "image/jpeg", Fixtures.Bytes(Fixtures.ScanJpeg)));
        Assert.Equal(FileProblem.None, Check("a.txt", "text/plain", Fixtures.Bytes(Fixtures.OutpatientText)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    public void Fewer_than_ten_bytes_is_empty(int size) =>
        Assert.Equal(FileProblem.Empty, Check("a.txt", "text/plain", new byte[size]));

    [Fact]
    public void A_pdf_without_its_signature_or_too_short_or_encrypted_is_corrupt()
    {
        Assert.Equal(FileProblem.Corrupt, Check("a.pdf", "application/pdf", Encoding.ASCII.GetBytes(new string('x', 500))));
        Assert.Equal(FileProblem.Corrupt, Check("a.pdf", "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.4 short file")));
        var encrypted = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Encrypt 2 0 R >> endobj\n2 0 obj << /Filter /Standard /V 2 >> endobj\n" + new string(' ', 200));
        Assert.Equal(FileProblem.Corrupt, Check("a.pdf", "application/pdf", encrypted));
    }

    [Fact]
    public void An_image_without_its_signature_is_corrupt()
    {
        Assert.Equal(FileProblem.Corrupt, Check("a.png", "image/png", Fixtures.Bytes(Fixtures.ScanJpeg)));
        Assert.Equal(FileProblem.Corrupt, Check("a.jpg", "image/jpeg", Fixtures.Bytes(Fixtures.ScanPng)));
    }

    [Theory]
    [InlineData("C:\\Users\\홍\\진료기록.pdf", "진료기록.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("\"진단서 2024.pdf\"", "진단서 2024.pdf")]
    [InlineData("", "unnamed")]
    public void Display_names_lose_directories(string raw, string expected) => Assert.Equal(expected, UploadReader.DisplayName(raw));

    [Fact]
    public void A_utf8_name_read_as_latin1_is_repaired()
    {
        var mangled = Encoding.Latin1.GetString(Encoding.UTF8.GetBytes("진료기록.pdf"));
        Assert.Equal("진료기록.pdf", UploadReader.DisplayName(mangled));
        Assert.Equal("café.pdf", UploadReader.DisplayName("café.pdf"));
    }

    private static FileProblem Check(string name, string type, byte[] bytes) =>
        UploadValidator.Check(new ReceivedFile(name, type, bytes.Length, bytes.AsSpan(0, Math.Min(bytes.Length, 2048)).ToArray()), Limits);
}
