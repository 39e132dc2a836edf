using System.Security.Cryptography;
using VNexsus.Storage;
using VNexsus.Testing;

namespace VNexsus.UnitTests.Storage;

public sealed class ContentHashTests
{
    [Fact]
    public void Hash_is_lowercase_hex_sha256()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ContentHash.Of("abc"u8));
    }

    [Theory]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", true)]
    [InlineData("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", false)]
    [InlineData("../../etc/passwd", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_lowercase_sha256_hex_is_a_valid_key(string? value, bool valid) => Assert.Equal(valid, ContentHash.IsValid(value));

    [Fact]
    public async Task Staging_hashes_while_streaming_and_commit_is_content_addressed()
    {
        using var directory = new TemporaryDirectory();
        var store = new BlobStore(new DataDirectory(directory.Path));
        var bytes = Fixtures.Bytes(Fixtures.OutpatientPdf);

        using var first = await store.StageAsync(new MemoryStream(bytes), long.MaxValue, CancellationToken.None);
        using var second = await store.StageAsync(new MemoryStream(bytes), long.MaxValue, CancellationToken.None);
        first.Commit();
        second.Commit();

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), first.Sha256);
        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(bytes.Length, first.Length);
        Assert.Equal(bytes.AsSpan(0, BlobStore.HeadLength).ToArray(), first.Head);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(store.PathOf(first.Sha256)));
        Assert.Empty(Directory.GetFiles(new DataDirectory(directory.Path).Staging));
    }

    [Fact]
    public async Task Staging_stops_at_the_size_limit_and_keeps_nothing()
    {
        using var directory = new TemporaryDirectory();
        var data = new DataDirectory(directory.Path);
        var store = new BlobStore(data);

        using var staged = await store.StageAsync(new MemoryStream(new byte[200_000]), 100_000, CancellationToken.None);

        Assert.True(staged.ExceededLimit);
        Assert.Empty(Directory.GetFiles(data.Staging));
    }

    [Fact]
    public async Task A_staged_upload_that_is_not_committed_is_discarded()
    {
        using var directory = new TemporaryDirectory();
        var data = new DataDirectory(directory.Path);
        var store = new BlobStore(data);

        var staged = await store.StageAsync(new MemoryStream("hello world"u8.ToArray()), 1000, CancellationToken.None);
        staged.Dispose();

        Assert.Empty(Directory.GetFiles(data.Staging));
        Assert.False(store.Exists(staged.Sha256));
    }
}
