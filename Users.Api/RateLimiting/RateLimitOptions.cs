namespace Users.Api.RateLimiting;

/// <summary>
/// The <c>RateLimits</c> settings for sign-in, sign-up and refresh: a budget per client address for each of them, and
/// one per email shared by sign-ins and sign-ups that name it, whether or not it has an account.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public FixedWindowLimit PerClientIp { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    public FixedWindowLimit PerEmail { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(5) };
}
