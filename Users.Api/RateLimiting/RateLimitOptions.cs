namespace Users.Api.RateLimiting;

/// <summary>
/// The <c>RateLimits</c> settings for sign-in, sign-up and refresh: a budget per client address for each of them, and
/// one per email shared by sign-ins and sign-ups that name it, whether or not it has an account; and where the budgets
/// are counted: in each node's memory, or in Redis, shared by every node.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public FixedWindowLimit PerClientIp { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    public FixedWindowLimit PerEmail { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(5) };

    /// <summary>
    /// A StackExchange.Redis configuration string (<c>127.0.0.1:6379</c>, options after commas): when set, every node
    /// counts the budgets there, so a client has one budget however its requests are spread; unset, each node counts
    /// its own (also when it is empty).
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>Whether the budgets are counted in Redis.</summary>
    public bool IsShared => !string.IsNullOrWhiteSpace(Redis);
}
