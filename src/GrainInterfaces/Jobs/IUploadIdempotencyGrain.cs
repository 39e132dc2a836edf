namespace VNexsus.Jobs;

/// <summary>The answer to a claim: the job the key stands for, and whether the key had been used before.</summary>
[GenerateSerializer, Immutable, Alias("VNexsus.IdempotencyClaim")]
public sealed record IdempotencyClaim(
    [property: Id(0)] string JobId,
    [property: Id(1)] bool Reused,
    [property: Id(2)] bool SameRequest);

/// <summary>
/// One <c>Idempotency-Key</c> of the upload endpoint, keyed by the SHA-256 of the key (the key itself is never stored).
/// For 24 hours the key stands for the job it was first used for.
/// </summary>
public interface IUploadIdempotencyGrain : IGrainWithStringKey
{
    /// <summary>Claims the key for <paramref name="jobId"/>, or returns the job it already stands for.</summary>
    Task<IdempotencyClaim> Claim(string requestHash, string jobId);

    /// <summary>Clears the key if it stands for <paramref name="jobId"/> (the job was purged).</summary>
    Task Forget(string jobId);
}
