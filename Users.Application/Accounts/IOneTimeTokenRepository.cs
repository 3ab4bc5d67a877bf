using Users.Domain.Accounts;

namespace Users.Application.Accounts;

/// <summary>Every query the service makes of the one-time tokens it mails (address verification, password reset).</summary>
public interface IOneTimeTokenRepository
{
    /// <summary>The token a job made for an outbox message before, if a crash or a failed send made it run again.</summary>
    Task<OneTimeToken?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Loads the token with this hash and purpose, locking its row to redeem it.</summary>
    Task<OneTimeToken?> FindForUpdateAsync(OneTimeTokenPurpose purpose, byte[] tokenHash, CancellationToken cancellationToken);

    void Add(OneTimeToken token);

    /// <summary>Uses up every unused token of this purpose of a user, in the current transaction if there is one.</summary>
    Task RedeemAllOfUserAsync(Guid userId, OneTimeTokenPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken);
}
