using System.Text;
using VNexsus.Api.Upload;
using VNexsus.Hosting;
using VNexsus.Ocr;
using VNexsus.Ocr.Inspection;
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
    public void A_file_without_its_signature_is_corrupt()
    {
        var garbage = Enumerable.Range(0, 500).Select(i => (byte)(i * 7 % 251)).ToArray();
        Assert.Equal(FileProblem.Corrupt, Check("a.png", "image/png", garbage));
        Assert.Equal(FileProblem.Corrupt, Check("a.jpg", "image/jpeg", garbage));
        Assert.Equal(FileProblem.Corrupt, Check("a.pdf", "application/pdf", Fixtures.Bytes(Fixtures.OutpatientText)));
        Assert.Equal(FileProblem.Corrupt, Check("a.txt", "text/plain", garbage));
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

    [Theory]
    [InlineData("a.pdf", "application/pdf", Fixtures.ScanPng)]
    [InlineData("a.png", "image/png", Fixtures.ScanJpeg)]
    [InlineData("a.jpg", "image/jpeg", Fixtures.ScanPng)]
    [InlineData("a.txt", "text/plain", Fixtures.OutpatientPdf)]
    public void Content_of_another_accepted_kind_is_the_wrong_type(string name, string type, string fixture) =>
        Assert.Equal(FileProblem.InvalidType, Check(name, type, Fixtures.Bytes(fixture)));

    [Theory]
    [InlineData("PK\u0003\u0004 zip entry")]
    [InlineData("<!DOCTYPE html><html><script>alert(1)</script></html>")]
    [InlineData("  <svg onload=alert(1)>")]
    [InlineData("GIF89a.......")]
    [InlineData("II*\u0000 tiff")]
    public void Content_of_a_format_the_product_does_not_read_is_refused_whatever_its_name(string content)
    {
        var bytes = Encoding.Latin1.GetBytes(content + new string(' ', 200));
        Assert.Equal(FileProblem.InvalidType, Check("a.pdf", "application/pdf", bytes));
        Assert.Equal(FileProblem.InvalidType, Check("a.txt", "text/plain", bytes));
    }

    [Fact]
    public void A_pdf_header_inside_an_image_or_text_makes_a_refused_polyglot()
    {
        var jpeg = Fixtures.Bytes(Fixtures.ScanJpeg).AsSpan(0, 200).ToArray();
        var polyglot = jpeg.Concat(Fixtures.Bytes(Fixtures.OutpatientPdf)).ToArray();
        Assert.Equal(FileProblem.InvalidType, Check("a.jpg", "image/jpeg", polyglot));
        Assert.Equal(FileProblem.InvalidType, Check("a.pdf", "application/pdf", polyglot));
        Assert.Equal(FileProblem.InvalidType, Check("a.txt", "text/plain", Encoding.UTF8.GetBytes("진료기록\n%PDF-1.4 trailing")));
    }

    [Theory]
    [InlineData(100_000, 100_000)]
    [InlineData(20_001, 10)]
    [InlineData(10, 20_001)]
    [InlineData(8_000, 8_000)]
    public void A_png_declaring_absurd_dimensions_is_refused_from_its_header(int width, int height)
    {
        var check = UploadValidator.Check(Received("a.png", "image/png", Png(width, height)), Limits, ImageLimits);
        Assert.Equal(FileProblem.ImageTooLarge, check.Problem);
        Assert.Contains($"{width}×{height}", check.Reason);
    }

    [Fact]
    public void A_png_declaring_no_pixels_is_corrupt() =>
        Assert.Equal(FileProblem.Corrupt, Check("a.png", "image/png", Png(0, 10)));

    [Fact]
    public void A_jpeg_frame_header_declaring_absurd_dimensions_is_refused()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0x03, .. new byte[64]];
        Assert.Equal(FileProblem.ImageTooLarge, Check("a.jpg", "image/jpeg", jpeg));
    }

    [Fact]
    public void Names_lose_control_and_direction_override_characters_and_keep_their_extension_when_cut()
    {
        Assert.Equal("gnp.txt", UploadReader.DisplayName("\u202Egnp.txt"));
        Assert.Equal("ab.pdf", UploadReader.DisplayName("a\u0000\u0007b.pdf"));
        var cut = UploadReader.DisplayName(new string('가', 1000) + ".pdf");
        Assert.Equal(255, cut.Length);
        Assert.EndsWith(".pdf", cut);
    }

    private static readonly DocumentLimits ImageLimits = new();

    private static byte[] Png(int width, int height)
    {
        var bytes = new byte[64];
        ((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8]).CopyTo(bytes, 0);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        bytes[24] = 8;
        return bytes;
    }

    private static ReceivedFile Received(string name, string type, byte[] bytes) =>
        new(name, type, bytes.Length, bytes.AsSpan(0, Math.Min(bytes.Length, 2048)).ToArray());

    private static FileProblem Check(string name, string type, byte[] bytes) =>
        UploadValidator.Check(Received(name, type, bytes), Limits, ImageLimits).Problem;
}
