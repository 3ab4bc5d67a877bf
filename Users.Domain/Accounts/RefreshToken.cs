namespace Users.Domain.Accounts;

/// <summary>
/// One refresh token of a sign-in. Only its hash is kept. Each use replaces it with a new token of the same family;
/// a token used twice means it was stolen, so the whole family (every token descended from that sign-in) is revoked.
/// </summary>
public sealed class RefreshToken
{
    // For the persistence layer.
    private RefreshToken()
    {
        TokenHash = [];
    }

    private RefreshToken(Guid userId, Guid familyId, byte[] tokenHash, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        Id = Guid.CreateVersion7(now);
        UserId = userId;
        FamilyId = familyId;
        TokenHash = tokenHash;
        CreatedAt = now;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    /// <summary>The id of the sign-in this token descends from.</summary>
    public Guid FamilyId { get; private set; }

    public byte[] TokenHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The family's absolute end: rotation does not extend a sign-in.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Changes on every write; two requests racing to use one token cannot both succeed.</summary>
    public uint Version { get; private set; }

    /// <summary>The first token of a new sign-in, which starts a family.</summary>
    public static RefreshToken StartFamily(Guid userId, byte[] tokenHash, DateTimeOffset now, TimeSpan lifetime)
    {
        var familyId = Guid.CreateVersion7(now);
        return new RefreshToken(userId, familyId, tokenHash, now, now + lifetime);
    }

    /// <summary>Whether the token can be exchanged now: never used, not revoked, not expired.</summary>
    public bool IsRedeemable(DateTimeOffset now) => UsedAt is null && RevokedAt is null && now < ExpiresAt;

    /// <summary>A token presented after it was used or revoked: the signal of a stolen token.</summary>
    public bool IsSpent => UsedAt is not null || RevokedAt is not null;

    /// <summary>Uses this token up and returns its successor in the same family, expiring when the family does.</summary>
    public RefreshToken Rotate(byte[] successorHash, DateTimeOffset now)
    {
        if (!IsRedeemable(now))
        {
            throw new InvalidOperationException("Only a redeemable token can be rotated.");
        }

        UsedAt = now;
        return new RefreshToken(UserId, FamilyId, successorHash, now, ExpiresAt);
    }
}
