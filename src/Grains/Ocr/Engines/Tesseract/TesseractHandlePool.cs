using VNexsus.Ocr.Imaging;

namespace VNexsus.Ocr.Engines.Tesseract;

/// <summary>
/// A <see cref="TesseractPass"/> run in this process through libtesseract: initialised handles kept for reuse, so a
/// model loads once per handle instead of once per page. At most <see cref="Capacity"/> handles exist and each reads one
/// page at a time; a read waits for a free one. A handle whose read failed (error, time limit, cancellation) is freed,
/// never reused, so a page cannot leave a broken engine behind for the next. Reads run on the pool's own threads, at most
/// one per handle, started on first use and kept: glibc gives each thread its own heap (arena), so a thread that stays
/// reuses the page buffers the last page freed, where a new thread per read (as before) landed on another heap and had
/// its buffers faulted in and zeroed again (about 11 % of a clean page's CPU, measured with one worker).
/// </summary>
public sealed class TesseractHandlePool : ITesseractReader
{
    private readonly SemaphoreSlim slots;
    private readonly Stack<TesseractHandle> idle = new();
    private readonly Queue<Action> waiting = new();
    private int threads;
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

    /// <summary>Threads the pool has started to read on: never more than <see cref="Capacity"/>, kept for the pool's life.</summary>
    public int ThreadsStarted
    {
        get
        {
            lock (idle)
            {
                return threads;
            }
        }
    }

    /// <summary>Pages being recognised now, each by its own handle.</summary>
    public int PagesRecognising => Volatile.Read(ref recognising);

    public async Task<string> ReadAsync(GrayImage image, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        try
        {
            // Recognition blocks its thread in native code for a second or more: on one of the pool's threads, so that neither
            // the caller's (a grain's) scheduler nor the thread pool that runs the silo's grains waits behind it.
            return await OnPoolThread(() => Read(image, cancellationToken));
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

            // The pool's threads end once the reads already queued are done.
            Monitor.PulseAll(idle);
        }
    }

    private Task<string> OnPoolThread(Func<string> read)
    {
        var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (idle)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            waiting.Enqueue(() =>
            {
                try
                {
                    done.SetResult(read());
                }
                catch (Exception error)
                {
                    done.SetException(error);
                }
            });
            if (threads < Capacity)
            {
                threads++;
                new Thread(Work) { IsBackground = true, Name = $"tesseract {Pass.Languages}" }.Start();
            }
            else
            {
                Monitor.Pulse(idle);
            }
        }

        return done.Task;
    }

    private void Work()
    {
        while (true)
        {
            Action next;
            lock (idle)
            {
                while (waiting.Count == 0)
                {
                    if (disposed)
                    {
                        return;
                    }

                    Monitor.Wait(idle);
                }

                next = waiting.Dequeue();
            }

            next();
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
