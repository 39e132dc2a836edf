using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using Orleans.Utilities;
using VNexsus.Ocr;
using VNexsus.Retention;
using VNexsus.Rules;
using VNexsus.Telemetry;

namespace VNexsus.Jobs;

[GenerateSerializer, Alias("VNexsus.JobFileState")]
public sealed class JobFileState
{
    [Id(0)] public FileStatus Status { get; set; }

    [Id(1)] public bool FromCache { get; set; }

    [Id(2)] public ExtractionSummary? Extraction { get; set; }
}

[GenerateSerializer, Alias("VNexsus.JobState")]
public sealed class JobState
{
    [Id(0)] public JobRequest? Request { get; set; }

    [Id(1)] public JobStatus Status { get; set; }

    [Id(2)] public DateTimeOffset CreatedAt { get; set; }

    [Id(3)] public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Parallel to <see cref="JobRequest.Files"/>; written after every file as a checkpoint.</summary>
    [Id(4)] public List<JobFileState> Files { get; set; } = [];

    [Id(5)] public string? AnalysisKey { get; set; }

    [Id(6)] public int EventCount { get; set; }

    [Id(7)] public string? Error { get; set; }

    /// <summary>Every analysis this job asked for (its own and re-runs for other inputs): it holds them until purged.</summary>
    [Id(8)] public List<string> AnalysisKeys { get; set; } = [];
}

/// <summary>
/// One upload. Start records the job, asks each file's hash-keyed <see cref="IOcrGrain"/> for it (cached files are
/// done at once) and returns; extractions report back through <see cref="FileExtracted"/>; when every file is done the
/// <see cref="IRuleGrain"/> analyses the readable ones. While the job runs, a timer re-asks every few seconds for
/// files still pending, which restarts an extraction interrupted by a silo's death and recovers a notice lost with it;
/// the durable reminder does the same once a minute and brings the job back after its own silo died or the cluster
/// restarted. Every step is idempotent. A second reminder purges the job when its retention period has passed (<see cref="Purge"/>).
/// </summary>
public sealed class JobGrain(
    [PersistentState("job", StorageNames.Jobs)] IPersistentState<JobState> state,
    TimeProvider clock,
    IOptions<RetentionOptions> retention,
    ILogger<JobGrain> logger) : Grain, IJobGrain, IRemindable
{
    private const string ResumeReminder = "resume";
    private const string ExpiryReminder = "retention";
    private static readonly TimeSpan ResumePeriod = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often a running job re-asks for its pending files (<see cref="IOcrGrain.Start"/> is idempotent and costs no
    /// write when nothing changed). Short, so a job resumes well within 30 s of a silo's death; the reminder cannot be
    /// shorter than Orleans' one-minute minimum.
    /// </summary>
    private static readonly TimeSpan ResumeCheckPeriod = TimeSpan.FromSeconds(10);

    // An expiry reminder waits at most this long per tick and is re-armed nearer the end, so no due time is ever far off.
    private static readonly TimeSpan ExpiryCheckPeriod = TimeSpan.FromDays(1);

    private readonly SerialStateWriter<JobState> _writer = new(state);
    private readonly ObserverManager<IJobObserver> _observers = new(TimeSpan.FromMinutes(5), logger);
    private Task? _finishing;
    private Task? _resuming;
    private Task? _purging;

    /// <summary>
    /// True while the final outcome is set in memory but not yet stored: until it is, every snapshot still says
    /// processing, so no client is told an outcome that a storage outage could take back.
    /// </summary>
    private bool _outcomeUnstored;
    private IGrainTimer? _resumeTimer;

    /// <summary>The newest progress of each running extraction, by document hash: live only, never stored.</summary>
    private readonly Dictionary<string, ExtractionProgress> _progress = [];

    private JobState Job => state.State;

    private IReadOnlyList<JobFile> Files => Job.Request!.Files;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!state.RecordExists)
        {
            return;
        }

        if (IsExpired)
        {
            // Whatever became of its reminder, an expired job is never served again.
            await PurgeOnceAsync();
            return;
        }

        if (await this.GetReminder(ExpiryReminder) is null)
        {
            await ScheduleExpiryAsync();
        }

        if (!IsTerminal)
        {
            // After a restart (or a silo loss) the first call to the job picks up where its checkpoint left off.
            Resume();
            KeepResuming();
        }
    }

    public async Task<JobSnapshot> Start(JobRequest request)
    {
        if (state.RecordExists)
        {
            return Snapshot();
        }

        if (request.Files.Count == 0)
        {
            throw new ArgumentException("A job needs at least one file.", nameof(request));
        }

        state.State = new JobState
        {
            Request = request,
            Status = JobStatus.Processing,
            CreatedAt = clock.GetUtcNow(),
            Files = request.Files.Select(_ => new JobFileState()).ToList(),
        };

        // Files already extracted are settled before the first write, and a job whose every file and analysis is kept
        // is finished before it: one write and no reminder for a repeated upload, the commonest kind under load.
        await SettleCachedFilesAsync();
        var finished = await TryFinishFromKeptAnalysisAsync();
        await WriteAsync();
        PipelineMetrics.JobStarted();
        await ScheduleExpiryAsync();
        logger.LogInformation("Job {JobId} started with {FileCount} files", this.GetPrimaryKeyString(), request.Files.Count);
        if (finished)
        {
            LogFinished();
            return Snapshot();
        }

        await this.RegisterOrUpdateReminder(ResumeReminder, ResumePeriod, ResumePeriod);
        await DispatchPendingFilesAsync();
        KeepResuming();
        return Snapshot();
    }

    public async Task<JobSnapshot?> GetSnapshot()
    {
        if (state.RecordExists && IsExpired)
        {
            await PurgeOnceAsync();
        }

        return state.RecordExists ? Snapshot() : null;
    }

    public Task Subscribe(IJobObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IJobObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public async Task FileExtracted(ExtractionNotice notice)
    {
        if (!state.RecordExists || IsTerminal)
        {
            return;
        }

        if (Apply(notice.Summary, notice.FromCache))
        {
            await WriteAsync();
        }

        FinishWhenAllFilesDone();
    }

    public async Task ExtractionProgressed(ExtractionProgress progress)
    {
        if (!state.RecordExists || IsTerminal || FilesWithContent(progress.Sha256).All(f => f.File.Status != FileStatus.Pending))
        {
            return;
        }

        if (_progress.TryGetValue(progress.Sha256, out var known) && IsBehind(progress, known))
        {
            return;
        }

        _progress[progress.Sha256] = progress;
        await NotifyObserversAsync();
    }

    /// <summary>
    /// Progress notices travel as separate one-way calls and can arrive out of order on a busy cluster; an older one
    /// would move a client's progress bar back.
    /// </summary>
    private static bool IsBehind(ExtractionProgress progress, ExtractionProgress known) =>
        progress.Stage < known.Stage || (progress.Stage == known.Stage && progress.PagesDone < known.PagesDone);

    public async Task<JobSnapshot?> Cancel()
    {
        if (!state.RecordExists)
        {
            return null;
        }

        if (IsTerminal)
        {
            return Snapshot();
        }

        Job.Status = JobStatus.Cancelled;
        Job.CompletedAt = clock.GetUtcNow();
        await WriteAsync();
        PipelineMetrics.JobFinished(Job.Status);
        logger.LogInformation("Job {JobId} cancelled", this.GetPrimaryKeyString());
        await UnregisterReminderAsync(ResumeReminder);
        var jobId = this.GetPrimaryKeyString();
        foreach (var sha256 in Files.Where((_, index) => Job.Files[index].Status == FileStatus.Pending).Select(f => f.Document.Sha256).Distinct())
        {
            await GrainFactory.GetGrain<IOcrGrain>(sha256).Withdraw(jobId);
        }

        return Snapshot();
    }

    public async Task<bool> Purge()
    {
        if (!state.RecordExists)
        {
            return false;
        }

        await PurgeOnceAsync();
        return true;
    }

    public async Task<string?> Analyse(List<ContractInput> contracts)
    {
        if (!state.RecordExists || _purging is not null || ReadableRequest(contracts) is not { } request)
        {
            return null;
        }

        // A report shows what the job's analysis found, also once the rule cache has expired: only a missing or
        // outdated analysis runs again.
        var key = AnalysisKey.Of(request);
        if (Job.AnalysisKeys.Contains(key) && await GrainFactory.GetGrain<IRuleGrain>(key).GetResult() is { } kept && kept.RuleSetVersion == RuleEngine.Version)
        {
            return key;
        }

        return (await AnalyseAsync(request)).Key;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ExpiryReminder)
        {
            await ExpiryTickAsync();
            return;
        }

        if (!state.RecordExists || IsTerminal)
        {
            await UnregisterReminderAsync(ResumeReminder);
            return;
        }

        Resume();
    }

    private bool IsTerminal => JobStatuses.IsTerminal(Job.Status);

    /// <summary>Re-asks for the pending files in the background, unless a round is still under way.</summary>
    private void Resume()
    {
        if (_resuming is null || _resuming.IsCompleted)
        {
            _resuming = ResumeAsync();
        }
    }

    /// <summary>Starts the resume timer of this activation (it dies with it; the reminder outlives it).</summary>
    private void KeepResuming()
    {
        _resumeTimer ??= this.RegisterGrainTimer(
            () =>
            {
                if (!state.RecordExists || IsTerminal)
                {
                    _resumeTimer?.Dispose();
                    _resumeTimer = null;
                }
                else
                {
                    Resume();
                }

                return Task.CompletedTask;
            },
            new GrainTimerCreationOptions(ResumeCheckPeriod, ResumeCheckPeriod) { Interleave = true });
    }

    private DateTimeOffset ExpiresAt => Job.CreatedAt + retention.Value.Period;

    private bool IsExpired => clock.GetUtcNow() >= ExpiresAt;

    private async Task ExpiryTickAsync()
    {
        if (!state.RecordExists)
        {
            await UnregisterReminderAsync(ExpiryReminder);
        }
        else if (IsExpired)
        {
            // Off the tick's turn: a reminder cannot be unregistered while its own tick is being delivered.
            _ = PurgeInBackgroundAsync();
        }
        else if (ExpiresAt - clock.GetUtcNow() < ExpiryCheckPeriod)
        {
            await ScheduleExpiryAsync();
        }
    }

    private Task ScheduleExpiryAsync()
    {
        var remaining = ExpiresAt - clock.GetUtcNow();
        var due = remaining <= TimeSpan.Zero ? TimeSpan.Zero : remaining < ExpiryCheckPeriod ? remaining : ExpiryCheckPeriod;
        return this.RegisterOrUpdateReminder(ExpiryReminder, due, ExpiryCheckPeriod);
    }

    private Task PurgeOnceAsync() => _purging ??= RunPurgeAsync();

    private async Task RunPurgeAsync()
    {
        try
        {
            await PurgeAsync();
        }
        finally
        {
            _purging = null;
        }
    }

    private async Task PurgeInBackgroundAsync()
    {
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.ForceYielding);
        try
        {
            await PurgeOnceAsync();
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Job {JobId} could not be purged; the next expiry tick tries again", this.GetPrimaryKeyString());
        }
    }

    /// <summary>
    /// Deletes the job with what only it holds. Every release is idempotent and the job's own state goes last, so a
    /// purge that fails half-way is finished by the next DELETE or expiry tick.
    /// </summary>
    private async Task PurgeAsync()
    {
        var jobId = this.GetPrimaryKeyString();
        if (!IsTerminal)
        {
            // Stops background work from dispatching or finishing: both check for a terminal status.
            Job.Status = JobStatus.Cancelled;
            PipelineMetrics.JobFinished(Job.Status);
        }

        // Let background work that calls other grains end first, so nothing it starts outlives the purge.
        await Task.WhenAll(new[] { _finishing, _resuming }.OfType<Task>());
        foreach (var sha256 in Files.Select(f => f.Document.Sha256).Distinct())
        {
            await GrainFactory.GetGrain<IOcrGrain>(sha256).Release(jobId);
        }

        foreach (var key in Job.AnalysisKeys)
        {
            await GrainFactory.GetGrain<IRuleGrain>(key).Release(jobId);
        }

        if (Job.Request!.IdempotencyKey is { } idempotencyKey)
        {
            await GrainFactory.GetGrain<IUploadIdempotencyGrain>(idempotencyKey).Forget(jobId);
        }

        await UnregisterReminderAsync(ResumeReminder);
        await UnregisterReminderAsync(ExpiryReminder);
        await state.ClearStateAsync();
        _observers.Clear();
        logger.LogInformation("Job {JobId} purged", jobId);
        DeactivateOnIdle();
    }

    private async Task ResumeAsync()
    {
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.ForceYielding);
        try
        {
            await DispatchPendingFilesAsync();
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Job {JobId} could not resume its pending files; it tries again in {Period}", this.GetPrimaryKeyString(), ResumeCheckPeriod);
        }
    }

    /// <summary>Asks the OCR grain of every pending document; idempotent, so safe on every reminder tick.</summary>
    private async Task DispatchPendingFilesAsync()
    {
        var jobId = this.GetPrimaryKeyString();
        var pendingDocuments = Files
            .Where((_, index) => Job.Files[index].Status == FileStatus.Pending)
            .Select(f => f.Document)
            .DistinctBy(d => d.Sha256)
            .ToList();
        foreach (var document in pendingDocuments)
        {
            if (IsTerminal)
            {
                return;
            }

            var ticket = await GrainFactory.GetGrain<IOcrGrain>(document.Sha256).Start(document, jobId);
            var changed = ticket.Completed is { } summary ? Apply(summary, ticket.FromCache) : MarkFromCache(document.Sha256, ticket.FromCache);
            if (changed)
            {
                await WriteAsync();
            }
        }

        FinishWhenAllFilesDone();
    }

    /// <summary>Asks each document's OCR grain for a servable cached outcome; registers the job nowhere.</summary>
    private async Task SettleCachedFilesAsync()
    {
        var jobId = this.GetPrimaryKeyString();
        foreach (var sha256 in Files.Select(f => f.Document.Sha256).Distinct().ToList())
        {
            if (await GrainFactory.Grain<IOcrGrain>(sha256).Cached(jobId) is { Completed: { } summary } ticket)
            {
                Apply(summary, ticket.FromCache);
            }
        }
    }

    /// <summary>
    /// Sets the outcome when every file is settled and the analysis of the readable ones is already kept (or there is
    /// none to make); false when the rules must still run, which <see cref="FinishAsync"/> does after the first write.
    /// </summary>
    private async Task<bool> TryFinishFromKeptAnalysisAsync()
    {
        if (Job.Files.Any(f => f.Status == FileStatus.Pending))
        {
            return false;
        }

        var request = ReadableRequest(Job.Request!.ReviewedContracts());
        if (request is null)
        {
            SetOutcome(null, 0, readableFiles: 0);
            return true;
        }

        // The kept analysis is held for this job from here on; the job's first write records that it holds it.
        var key = AnalysisKey.Of(request);
        if (await GrainFactory.Grain<IRuleGrain>(key).KeptEventCount(this.GetPrimaryKeyString()) is not { } eventCount)
        {
            return false;
        }

        Job.AnalysisKeys.Add(key);

        SetOutcome(key, eventCount, request.Documents.Count);
        return true;
    }

    private void SetOutcome(string? analysisKey, int eventCount, int readableFiles)
    {
        if (analysisKey is not null)
        {
            Job.EventCount = eventCount;
            Job.AnalysisKey = analysisKey;
        }

        Job.Status = readableFiles == Files.Count ? JobStatus.Completed
            : readableFiles > 0 ? JobStatus.PartiallyFailed
            : JobStatus.Failed;
        Job.Error = readableFiles == 0 ? "모든 파일 처리에 실패했습니다 (every file failed)" : null;
        Job.CompletedAt = clock.GetUtcNow();
    }

    private void LogFinished()
    {
        PipelineMetrics.JobFinished(Job.Status);
        logger.LogInformation("Job {JobId} finished as {Status} with {EventCount} events", this.GetPrimaryKeyString(), Job.Status, Job.EventCount);
    }

    /// <summary>Settles every pending file with this content; a repeat of the same bytes in one job comes from the cache.</summary>
    private bool Apply(ExtractionSummary summary, bool fromCache)
    {
        var changed = false;
        foreach (var (file, isRepeat) in FilesWithContent(summary.Sha256))
        {
            if (file.Status == FileStatus.Pending)
            {
                file.Status = summary.Succeeded ? FileStatus.Done : FileStatus.Failed;
                file.Extraction = summary;
                file.FromCache = fromCache || isRepeat;
                changed = true;
            }
        }

        return changed;
    }

    private bool MarkFromCache(string sha256, bool fromCache)
    {
        var changed = false;
        foreach (var (file, isRepeat) in FilesWithContent(sha256))
        {
            changed |= file.FromCache != (fromCache || isRepeat);
            file.FromCache = fromCache || isRepeat;
        }

        return changed;
    }

    private IEnumerable<(JobFileState File, bool IsRepeat)> FilesWithContent(string sha256) =>
        Job.Files
            .Where((_, index) => Files[index].Document.Sha256 == sha256)
            .Select((file, occurrence) => (file, occurrence > 0));

    private void FinishWhenAllFilesDone()
    {
        if (!IsTerminal && _finishing is null && Job.Files.All(f => f.Status != FileStatus.Pending))
        {
            _finishing = FinishAsync();
        }
    }

    private async Task FinishAsync()
    {
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.ForceYielding);
        var jobId = this.GetPrimaryKeyString();
        try
        {
            var request = ReadableRequest(Job.Request!.ReviewedContracts());
            string? key = null;
            var eventCount = 0;
            if (request is not null)
            {
                (key, eventCount) = await AnalyseAsync(request);
                if (IsTerminal)
                {
                    // Cancelled while the rules ran.
                    return;
                }
            }

            _outcomeUnstored = true;
            SetOutcome(key, eventCount, request?.Documents.Count ?? 0);
            await _writer.WriteAsync();
            _outcomeUnstored = false;
            await NotifyObserversAsync();
            LogFinished();
            await UnregisterReminderAsync(ResumeReminder);
        }
        catch (Exception error)
        {
            _outcomeUnstored = false;
            if (Job.Status != JobStatus.Cancelled)
            {
                Job.Status = JobStatus.Processing;
                Job.CompletedAt = null;
            }

            if (error is InconsistentStateException)
            {
                // The write may have landed after all (a timeout during a Redis restart): this activation's ETag is
                // stale, so let the next activation read what was stored.
                DeactivateOnIdle();
            }

            logger.LogWarning(error, "Job {JobId} could not finish; the reminder tries again", jobId);
        }
        finally
        {
            _finishing = null;
        }
    }

    private AnalysisRequest? ReadableRequest(IReadOnlyList<ContractInput> contracts)
    {
        var readable = Files
            .Where((_, index) => Job.Files[index].Status == FileStatus.Done)
            .Select(f => new AnalysisDocument(f.Order, f.FileName, f.Document.Sha256))
            .ToList();
        return readable.Count == 0 ? null : new AnalysisRequest(readable, contracts);
    }

    /// <summary>Records the analysis as the job's before asking for it, so a purge always knows what to release.</summary>
    private async Task<(string Key, int EventCount)> AnalyseAsync(AnalysisRequest request)
    {
        var key = AnalysisKey.Of(request);
        if (!Job.AnalysisKeys.Contains(key))
        {
            Job.AnalysisKeys.Add(key);
            await WriteAsync();
        }

        return (key, await GrainFactory.GetGrain<IRuleGrain>(key).Analyse(request, this.GetPrimaryKeyString()));
    }

    /// <summary>Writes the state, then tells the observers the job as written.</summary>
    private async Task WriteAsync()
    {
        await _writer.WriteAsync();
        await NotifyObserversAsync();
    }

    private async Task NotifyObserversAsync()
    {
        if (_observers.Count > 0)
        {
            var snapshot = Snapshot();
            await _observers.Notify(observer => observer.JobChanged(snapshot));
        }
    }

    private async Task UnregisterReminderAsync(string name)
    {
        if (await this.GetReminder(name) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private JobSnapshot Snapshot() => new(
        this.GetPrimaryKeyString(),
        _outcomeUnstored ? JobStatus.Processing : Job.Status,
        Job.CreatedAt,
        _outcomeUnstored ? null : Job.CompletedAt,
        Files.Select((file, index) => new JobFileSnapshot(
            file,
            Job.Files[index].Status,
            Job.Files[index].FromCache,
            Job.Files[index].Extraction,
            Job.Files[index].Status == FileStatus.Pending ? _progress.GetValueOrDefault(file.Document.Sha256) : null)).ToList(),
        Job.Request!.InsuranceJoinDate,
        Job.AnalysisKey,
        Job.EventCount,
        Job.Error,
        Job.Request.TenantId ?? Tenants.Local,
        Job.Request.PolicyId,
        Job.Request.Contracts);
}
