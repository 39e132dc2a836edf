using VNexsus.Ocr.Inspection;
using CsCheck;
using VNexsus.Ocr;
using VNexsus.Storage;
using VNexsus.Testing;
using VNexsus.UnitTests.Properties;

namespace VNexsus.UnitTests.Ocr;

/// <summary>
/// Random bytes and damaged copies of the fixture PDFs: reading the text layer and counting pages either succeeds or
/// ends in the documented <see cref="InvalidDocumentException"/>, never another exception, and never hangs.
/// </summary>
public sealed class PdfReaderProperties : IDisposable
{
    /// <summary>A deadline, not a measurement: only a reader stuck in a loop gets near it.</summary>
    private static readonly TimeSpan HangDeadline = TimeSpan.FromSeconds(30);

    private static readonly byte[][] ValidPdfs = [.. new[] { Fixtures.OutpatientPdf, Fixtures.MixedPdf, Fixtures.ScannedPdf }.Select(Fixtures.Bytes)];

    private readonly TemporaryDirectory _directory = new();
    private readonly BlobStore _blobs;
    private readonly DocumentExtractor _extractor;

    public PdfReaderProperties()
    {
        _blobs = new BlobStore(new DataDirectory(_directory.Path));
        _extractor = new DocumentExtractor(_blobs, TimeProvider.System, new DocumentLimits());
    }

    /// <summary>A fixture PDF truncated, with bytes flipped, overwritten, or a stretch deleted or repeated.</summary>
    private static readonly Gen<byte[]> MutatedPdf =
        from pdf in Gen.Int[0, ValidPdfs.Length - 1].Select(i => ValidPdfs[i])
        from mutation in Gen.Int[0, 4]
        from at in Gen.Double[0, 1]
        from length in Gen.Int[1, 512]
        from noise in Gen.Byte.Array[1, 64]
        select Mutate(pdf, mutation, (int)(at * (pdf.Length - 1)), length, noise);

    private static readonly Gen<byte[]> AnyBytes = Gen.OneOf(
        Gen.Byte.Array[0, 2048],
        Gen.Byte.Array[0, 2048].Select(rest => "%PDF-1.4\n"u8.ToArray().Concat(rest).ToArray()),
        MutatedPdf);

    [Fact]
    public void Random_and_damaged_pdfs_end_in_pages_or_the_documented_error()
    {
        var iterations = 0;
        Property.ForAll(AnyBytes, bytes =>
        {
            var document = Store(bytes);
            var read = Task.Run(() => _extractor.ReadTextLayer(document));
            Assert.True(read.Wait(HangDeadline), "reading the text layer hung");
            var layer = read.Result;
            if (layer.Failure is { } failure)
            {
                Assert.Contains(failure.Code, new[] { ExtractionErrors.CorruptFile, ExtractionErrors.EncryptedPdf, ExtractionErrors.WrongContent, ExtractionErrors.NoPages, ExtractionErrors.TooComplex, ExtractionErrors.DecompressionLimit });
                Assert.Empty(layer.Pages);
            }
            else
            {
                Assert.All(layer.Pages, page => Assert.True(page.Page >= 1 && page.Width >= 0 && page.Height >= 0));
                Assert.Equal(Enumerable.Range(1, layer.Pages.Count), layer.Pages.Select(p => p.Page));
            }

            iterations++;
        });
        Assert.Equal(Property.Iterations, iterations);
    }

    public void Dispose() => _directory.Dispose();

    private DocumentRef Store(byte[] bytes)
    {
        using var staged = _blobs.StageAsync(new MemoryStream(bytes), long.MaxValue, CancellationToken.None).GetAwaiter().GetResult();
        staged.Commit();
        return new DocumentRef(staged.Sha256, DocumentKind.Pdf, staged.Length);
    }

    private static byte[] Mutate(byte[] pdf, int mutation, int at, int length, byte[] noise)
    {
        var end = Math.Min(pdf.Length, at + length);
        return mutation switch
        {
            0 => pdf[..at],
            1 => pdf.Select((b, i) => i >= at && i < end ? (byte)(b ^ (1 << (i % 8))) : b).ToArray(),
            2 => [.. pdf[..at], .. noise, .. pdf[Math.Min(pdf.Length, at + noise.Length)..]],
            3 => [.. pdf[..at], .. pdf[end..]],
            _ => [.. pdf[..end], .. pdf[at..]],
        };
    }
}
