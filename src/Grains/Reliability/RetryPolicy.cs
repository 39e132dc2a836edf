using Polly;
using Polly.Retry;
using VNexsus.Ocr.Engines;

namespace VNexsus.Reliability;

/// <summary>The <c>VNexsus:Retry</c> section: the plan's defaults, 3 attempts, 1 s base, 10 s cap.</summary>
public sealed class RetryOptions
{
    public int MaxAttempts { get; set; } = 3;

    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How much longer a rate-limited retry waits than a temporary one when the server gave no hint.</summary>
    public int RateLimitBackoffFactor { get; set; } = 4;
}

/// <summary>One retry, as the job's <c>processingSteps</c> show it.</summary>
public sealed record RetryNote(int Attempt, ErrorClass Class, TimeSpan Delay, string Reason);

/// <summary>
/// Builds the retry pipeline of the plan with Polly: TEMPORARY errors retried with exponential backoff and jitter,
/// RATE_LIMIT errors after the server's hint (or a longer backoff), everything else never. Each retry is reported so
/// it can be shown in the file's processing steps.
/// </summary>
public static class RetryPolicy
{
    /// <summary>
    /// Runs <paramref name="operation"/> through the pipeline so that every attempt, and every retry note, continues on
    /// the caller's scheduler. Grain code must: Polly otherwise resumes on the thread pool after a retry delay, where a
    /// grain cannot reach its runtime ("Activation access violation"), so the second attempt of a grain call always
    /// failed, and the notes raced the grain's own code.
    /// </summary>
    public static async ValueTask<T> ExecuteOnCallerSchedulerAsync<T>(this ResiliencePipeline pipeline, Func<CancellationToken, ValueTask<T>> operation, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(continueOnCapturedContext: true, cancellationToken);
        try
        {
            return await pipeline.ExecuteAsync(static (context, operation) => operation(context.CancellationToken), context, operation);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public static ResiliencePipeline Create(RetryOptions options, Action<RetryNote> onRetry, TimeProvider? clock = null)
    {
        var builder = new ResiliencePipelineBuilder();
        if (clock is not null)
        {
            builder.TimeProvider = clock;
        }

        return builder.AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(0, options.MaxAttempts - 1),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.BaseDelay,
            MaxDelay = options.MaxDelay,
            ShouldHandle = new PredicateBuilder().Handle<Exception>(error =>
                ErrorClassifier.Classify(error) is ErrorClass.Temporary or ErrorClass.RateLimit),
            DelayGenerator = arguments =>
            {
                if (arguments.Outcome.Exception is { } error && ErrorClassifier.Classify(error) == ErrorClass.RateLimit)
                {
                    var hinted = (error as OcrEngineException)?.RetryAfter;
                    var longer = TimeSpan.FromTicks(Math.Min(options.MaxDelay.Ticks * options.RateLimitBackoffFactor,
                        options.BaseDelay.Ticks * options.RateLimitBackoffFactor << arguments.AttemptNumber));
                    return ValueTask.FromResult<TimeSpan?>(hinted ?? longer);
                }

                return ValueTask.FromResult<TimeSpan?>(null);
            },
            OnRetry = arguments =>
            {
                var error = arguments.Outcome.Exception!;
                onRetry(new RetryNote(arguments.AttemptNumber + 1, ErrorClassifier.Classify(error), arguments.RetryDelay, error.GetType().Name));
                return ValueTask.CompletedTask;
            },
        }).Build();
    }
}
