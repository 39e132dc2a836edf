namespace VNexsus.Jobs;

[GenerateSerializer, Alias("VNexsus.UploadIdempotencyState")]
public sealed class UploadIdempotencyState
{
    [Id(0)] public string JobId { get; set; } = string.Empty;

    [Id(1)] public string RequestHash { get; set; } = string.Empty;

    [Id(2)] public DateTimeOffset ClaimedAt { get; set; }
}

/// <summary>Remembers which job an <c>Idempotency-Key</c> started, for <see cref="Window"/>.</summary>
public sealed class UploadIdempotencyGrain(
    [PersistentState("idempotency", StorageNames.Jobs)] IPersistentState<UploadIdempotencyState> state,
    TimeProvider clock) : Grain, IUploadIdempotencyGrain
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public async Task<IdempotencyClaim> Claim(string requestHash, string jobId)
    {
        var now = clock.GetUtcNow();
        if (state.RecordExists && now - state.State.ClaimedAt < Window)
        {
            return new IdempotencyClaim(state.State.JobId, Reused: true, SameRequest: state.State.RequestHash == requestHash);
        }

        state.State = new UploadIdempotencyState { JobId = jobId, RequestHash = requestHash, ClaimedAt = now };
        await state.WriteStateAsync();
        return new IdempotencyClaim(jobId, Reused: false, SameRequest: true);
    }

    public async Task Forget(string jobId)
    {
        if (state.RecordExists && state.State.JobId == jobId)
        {
            await state.ClearStateAsync();
            DeactivateOnIdle();
        }
    }
}
