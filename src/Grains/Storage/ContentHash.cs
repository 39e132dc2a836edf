using System.Security.Cryptography;
using System.Text;

namespace VNexsus.Storage;

/// <summary>SHA-256 as lowercase hex: the identity of a document and of every cache entry.</summary>
public static class ContentHash
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    public static bool IsValid(string? value) =>
        value is { Length: 64 } && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    /// <summary>Spreads files over 256 folders so no directory grows too large.</summary>
    public static string ShardedPath(string root, string hash, string extension = "") =>
        Path.Combine(root, hash[..2], hash + extension);
}
