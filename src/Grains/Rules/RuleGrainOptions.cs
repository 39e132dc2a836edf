namespace VNexsus.Rules;

/// <summary>The <c>VNexsus:Rules</c> configuration section: how the <see cref="RuleGrain"/> keeps analyses.</summary>
public sealed class RuleGrainOptions
{
    /// <summary>
    /// How long an analysis is reused for the same inputs (the plan's one-hour <c>rule:{hash}</c> cache). Past it, the
    /// next request runs the rules again, so a changed policy file or a new day reaches cached inputs too.
    /// </summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromHours(1);
}
