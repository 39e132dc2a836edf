using CsCheck;
using VNexsus.Api.Upload;
using VNexsus.Hosting;
using VNexsus.Ocr.Inspection;
using VNexsus.UnitTests.Properties;

namespace VNexsus.UnitTests.Upload;

/// <summary>Any name, declared type, size and first bytes get a decision, and the decision follows the limits.</summary>
public sealed class UploadValidatorProperties
{
    private static readonly UploadOptions Limits = new() { MinFileBytes = 10, MaxFileBytes = 1024 * 1024 };
    private static readonly DocumentLimits DocumentLimits = new();

    private static readonly Gen<string> Name = Gen.OneOf(
        Gen.String,
        Gen.Select(Gen.String[0, 20], Gen.OneOf(".pdf", ".PDF", ".png", ".jpg", ".jpeg", ".txt", ".exe", ".pdf.exe", "", "."), (stem, extension) => stem + extension));

    private static readonly Gen<string> DeclaredType = Gen.OneOf(
        Gen.String,
        Gen.OneOf("application/pdf", "image/png", "image/jpeg", "image/jpg", "text/plain", "text/plain; charset=utf-8", "application/octet-stream", "", ";", " ; "));

    private static readonly Gen<byte[]> Head = Gen.OneOf(
        Gen.Byte.Array[0, 64],
        Gen.Select(Gen.OneOf("%PDF-1.7\n"u8.ToArray(), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], [0xFF, 0xD8, 0xFF], "진료 2024.03.07"u8.ToArray()), Gen.Byte.Array[0, 64], (start, rest) => start.Concat(rest).ToArray()));

    private static readonly Gen<ReceivedFile> File =
        Gen.Select(Name, DeclaredType, Gen.Long[-1, 4 * 1024 * 1024], Head, (name, type, size, head) => new ReceivedFile(name, type, size, head));

    [Fact]
    public void Every_file_gets_a_decision_consistent_with_the_limits() =>
        Property.ForAll(File, file =>
        {
            var check = UploadValidator.Check(file, Limits, DocumentLimits);
            var kind = UploadValidator.KindOf(file.FileName, file.DeclaredType);

            if (kind is null)
            {
                Assert.Equal(FileProblem.InvalidType, check.Problem);
            }
            else if (file.Size < Limits.MinFileBytes)
            {
                Assert.Equal(FileProblem.Empty, check.Problem);
            }

            if (check.Problem == FileProblem.None)
            {
                Assert.True(file.Size >= Limits.MinFileBytes);
                Assert.Equal(kind, check.Kind);
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(check.Reason));
            }
        }, scale: 20);

    [Fact]
    public void The_decision_does_not_depend_on_the_case_of_the_extension_or_type() =>
        Property.ForAll(File, file =>
            Assert.Equal(
                UploadValidator.Check(file, Limits, DocumentLimits).Problem,
                UploadValidator.Check(file with { FileName = file.FileName.ToUpperInvariant(), DeclaredType = file.DeclaredType.ToUpperInvariant() }, Limits, DocumentLimits).Problem),
            scale: 20);
}
