namespace VNexsus;

/// <summary>
/// Writes a grain's state one write at a time. A grain's background work interleaves with its requests at every await,
/// and two overlapping writes of one state would trip the storage's ETag check.
/// </summary>
public sealed class SerialStateWriter<T>(IPersistentState<T> state)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task WriteAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await state.WriteStateAsync();
        }
        finally
        {
            _gate.Release();
        }
    }
}
