namespace Users.Domain.Accounts;

/// <summary>
/// A single-use, expiring token mailed to a user: it verifies an address or resets a password. Only its hash is kept.
/// Its id is the id of the outbox message that asked for the mail, so a retried job finds the token it made before.
/// </summary>
public sealed class OneTimeToken
{
    // For the persistence layer.
    private OneTimeToken()
    {
        TokenHash = [];
        Email = string.Empty;
    }

    private OneTimeToken(Guid id, Guid userId, OneTimeTokenPurpose purpose, string email, byte[] tokenHash, DateTimeOffset now, TimeSpan lifetime)
    {
        Id = id;
        UserId = userId;
        Purpose = purpose;
        Email = email;
        TokenHash = tokenHash;
        CreatedAt = now;
        ExpiresAt = now + lifetime;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public OneTimeTokenPurpose Purpose { get; private set; }

    /// <summary>The address the token was mailed to: a verification proves this address and no later one.</summary>
    public string Email { get; private set; }

    public byte[] TokenHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public static OneTimeToken Issue(
        Guid id, Guid userId, OneTimeTokenPurpose purpose, string email, byte[] tokenHash, DateTimeOffset now, TimeSpan lifetime) =>
        new(id, userId, purpose, email, tokenHash, now, lifetime);

    public bool IsRedeemable(DateTimeOffset now) => UsedAt is null && now < ExpiresAt;

    /// <summary>
    /// A new secret for a token whose mail was never confirmed sent: a retried job cannot know the secret it drew before
    /// (only the hash is kept), so it draws another and the earlier one, if it ever went out, stops working.
    /// </summary>
    public void Reissue(byte[] tokenHash, DateTimeOffset now, TimeSpan lifetime)
    {
        TokenHash = tokenHash;
        ExpiresAt = now + lifetime;
    }

    public void Redeem(DateTimeOffset now) => UsedAt = now;
}
