using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Users.Api.RateLimiting;

/// <summary>
/// One budget per email address, shared by sign-ins and sign-ups that name it, so guessing one account's password
/// from many addresses is limited too. Keyed by the address as given, whether or not an account has it, so the answer
/// says nothing about which emails exist.
/// </summary>
public sealed class EmailRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public EmailRateLimiter(IOptions<RateLimitOptions> options)
    {
        var perEmail = options.Value.PerEmail;
        _limiter = PartitionedRateLimiter.Create<string, string>(email => RateLimitPartition.GetFixedWindowLimiter(email, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perEmail.PermitLimit,
            Window = perEmail.Window,
            QueueLimit = 0,
        }));
    }

    public RateLimitLease Acquire(string email) => _limiter.AttemptAcquire(email.Trim().ToUpperInvariant());

    public void Dispose() => _limiter.Dispose();
}
