namespace VNexsus.Jobs;

/// <summary>
/// Told the job as it stands after every state write of an <see cref="IJobGrain"/> it subscribed to (live progress for
/// the web app's Server-Sent Events). One-way: a slow or vanished observer never holds the job up; a subscription
/// expires unless renewed, and is lost when the job deactivates, so subscribers renew it periodically.
/// </summary>
public interface IJobObserver : IGrainObserver
{
    [Orleans.Concurrency.OneWay]
    Task JobChanged(JobSnapshot job);
}
