using VNexsus.Ocr.Imaging;

namespace VNexsus.Ocr.Engines.Tesseract;

/// <summary>
/// A <see cref="TesseractPass"/> run in this process through libtesseract: initialised handles kept for reuse, so a
/// model loads once per handle instead of once per page. At most <see cref="Capacity"/> handles exist and each reads one
/// page at a time; a read waits for a free one. A handle whose read failed (error, time limit, cancellation) is freed,
/// never reused, so a page cannot leave a broken engine behind for the next.
/// </summary>
public sealed class TesseractHandlePool : ITesseractReader
{
    private readonly SemaphoreSlim slots;
    private readonly Stack<TesseractHandle> idle = new();
    private readonly TimeSpan timeLimit;
    private int created;
    private int recognising;
    private bool disposed;

    public TesseractHandlePool(TesseractPass pass, int capacity, TimeSpan timeLimit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        if (TesseractLibrary.TryLoad(out var failure) is null)
        {
            throw new OcrEngineException(OcrFailureKind.Configuration, failure!);
        }

        Pass = pass;
        Capacity = capacity;
        this.timeLimit = timeLimit;
        slots = new SemaphoreSlim(capacity, capacity);
    }

    public TesseractPass Pass { get; }

    public int Capacity { get; }

    /// <summary>Handles initialised so far, replacements of failed ones included.</summary>
    public int HandlesCreated => Volatile.Read(ref created);

    /// <summary>Pages being recognised now, each by its own handle.</summary>
    public int PagesRecognising => Volatile.Read(ref recognising);

    public async Task<string> ReadAsync(GrayImage image, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        try
        {
            // Recognition blocks its thread in native code for a second or more: on a thread of its own, so that neither the
            // caller's (a grain's) scheduler nor the thread pool that runs the silo's grains waits behind it.
            return await Task.Factory.StartNew(() => Read(image, cancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        finally
        {
            slots.Release();
        }
    }

    public void Dispose()
    {
        lock (idle)
        {
            disposed = true;
            while (idle.TryPop(out var handle))
            {
                handle.Dispose();
            }
        }
    }

    private string Read(GrayImage image, CancellationToken cancellationToken)
    {
        var handle = Rent();
        string output;
        Interlocked.Increment(ref recognising);
        try
        {
            output = handle.Read(image, Pass, timeLimit, cancellationToken);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
        finally
        {
            Interlocked.Decrement(ref recognising);
        }

        Return(handle);
        return output;
    }

    private TesseractHandle Rent()
    {
        lock (idle)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (idle.TryPop(out var handle))
            {
                return handle;
            }
        }

        var opened = TesseractHandle.Open(Pass);
        Interlocked.Increment(ref created);
        return opened;
    }

    private void Return(TesseractHandle handle)
    {
        lock (idle)
        {
            if (!disposed)
            {
                idle.Push(handle);
                return;
            }
        }

        handle.Dispose();
    }
}
