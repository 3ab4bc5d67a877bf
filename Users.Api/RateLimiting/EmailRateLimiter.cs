using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Users.Api.RateLimiting;

/// <summary>
/// One budget per email address, shared by sign-ins and sign-ups that name it, so guessing one account's password
/// from many addresses is limited too. Keyed by the address as given, whether or not an account has it, so the answer
/// says nothing about which emails exist; the key is a hash of the address, so the store (memory, Redis) holds none.
/// </summary>
public sealed class EmailRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public EmailRateLimiter(IOptions<RateLimitOptions> options, RateLimitPartitions partitions)
    {
        var perEmail = options.Value.PerEmail;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => partitions.FixedWindow(key, perEmail));
    }

    public ValueTask<RateLimitLease> AcquireAsync(string email, CancellationToken cancellationToken) =>
        _limiter.AcquireAsync(KeyOf(email), permitCount: 1, cancellationToken);

    public void Dispose() => _limiter.Dispose();

    /// <summary>The same key for every spelling of one address: case and surrounding spaces do not matter.</summary>
    private static string KeyOf(string email) =>
        "email:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())));
}
