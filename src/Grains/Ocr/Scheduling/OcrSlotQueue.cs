namespace VNexsus.Ocr.Scheduling;

/// <summary>
/// The per-silo bound on pages recognised at once (a singleton of each silo). A page that finds every slot taken
/// waits; a freed slot goes to the waiting page with the lowest order key (<see cref="SchedulingOptions.OrderKey"/>):
/// small documents first, first come first served within a class, and no page overtaken for longer than its class's
/// yield. Each slot's hold time feeds the silo's <see cref="ThroughputMeter"/>.
/// </summary>
public sealed class OcrSlotQueue
{
    private readonly Lock _lock = new();
    private readonly SortedSet<Waiter> _waiting = new(Comparer<Waiter>.Create(static (a, b) =>
        a.OrderKey != b.OrderKey ? a.OrderKey.CompareTo(b.OrderKey) : a.Sequence.CompareTo(b.Sequence)));
    private readonly Dictionary<string, int> _running = new(StringComparer.Ordinal);
    private readonly SchedulingOptions _options;
    private readonly TimeProvider _clock;
    private int _free;
    private long _sequence;

    public OcrSlotQueue(int slots, SchedulingOptions options, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        Slots = slots;
        _free = slots;
        _options = options;
        _clock = clock;
        Throughput = new ThroughputMeter(options.ThroughputSmoothing);
    }

    public int Slots { get; }

    public ThroughputMeter Throughput { get; }

    /// <summary>Waits for a slot for one page of <paramref name="document"/>; dispose the lease to free the slot.</summary>
    public Task<IDisposable> AcquireAsync(string document, long documentBytes, CancellationToken cancellationToken)
    {
        Waiter waiter;
        lock (_lock)
        {
            if (_free > 0 && _waiting.Count == 0)
            {
                _free--;
                return Task.FromResult<IDisposable>(Grant(document));
            }

            waiter = new Waiter(document, _options.OrderKey(documentBytes, _clock.GetUtcNow()), ++_sequence);
            _waiting.Add(waiter);
        }

        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() => Withdraw(waiter, cancellationToken));
            waiter.Lease.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
        }

        return waiter.Lease.Task;
    }

    /// <summary>What waits and runs here, per document: the order keys of its waiting pages and its running pages.</summary>
    public IReadOnlyDictionary<string, (List<long> WaitingOrderKeys, int Running)> Report()
    {
        lock (_lock)
        {
            var report = _running.ToDictionary(r => r.Key, r => (new List<long>(), r.Value), StringComparer.Ordinal);
            foreach (var waiter in _waiting)
            {
                if (!report.TryGetValue(waiter.Document, out var entry))
                {
                    report[waiter.Document] = entry = ([], 0);
                }

                entry.Item1.Add(waiter.OrderKey);
            }

            return report;
        }
    }

    private void Withdraw(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_waiting.Remove(waiter))
            {
                return;
            }
        }

        waiter.Lease.TrySetCanceled(cancellationToken);
    }

    /// <summary>Called under the lock: the slot is taken for this document.</summary>
    private Lease Grant(string document)
    {
        _running[document] = _running.GetValueOrDefault(document) + 1;
        return new Lease(this, document, _clock.GetTimestamp());
    }

    private void Release(Lease lease)
    {
        Throughput.Record(_clock.GetElapsedTime(lease.Started));
        Waiter? next = null;
        Lease? granted = null;
        lock (_lock)
        {
            if (_running[lease.Document] == 1)
            {
                _running.Remove(lease.Document);
            }
            else
            {
                _running[lease.Document]--;
            }

            if (_waiting.Min is { } first)
            {
                _waiting.Remove(first);
                next = first;
                granted = Grant(first.Document);
            }
            else
            {
                _free++;
            }
        }

        // Outside the lock, and the waiter's continuation runs asynchronously (see Waiter).
        next?.Lease.TrySetResult(granted!);
    }

    private sealed class Waiter(string document, long orderKey, long sequence)
    {
        public string Document { get; } = document;

        public long OrderKey { get; } = orderKey;

        public long Sequence { get; } = sequence;

        public TaskCompletionSource<IDisposable> Lease { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Lease(OcrSlotQueue queue, string document, long started) : IDisposable
    {
        private int _released;

        public string Document { get; } = document;

        public long Started { get; } = started;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                queue.Release(this);
            }
        }
    }
}
