using Users.Domain.Common;

namespace Users.Domain.Users;

/// <summary>A user account. Its invariants hold whatever stores or transports it.</summary>
public sealed class User
{
    public const int EmailMaxLength = 254;
    public const int FullNameMaxLength = 200;

    // For the persistence layer, which materialises users without running the rules again.
    private User()
    {
        Email = string.Empty;
        FullName = string.Empty;
    }

    private User(Guid id, string email, string fullName, bool isActive, UserRole role, DateTimeOffset now)
    {
        Id = id;
        Email = NormalizeEmail(email);
        FullName = NormalizeFullName(fullName);
        IsActive = isActive;
        Role = role;
        CreatedAt = ToStoredPrecision(now);
        UpdatedAt = CreatedAt;
    }

    /// <summary>A UUIDv7, so ids sort by creation time and keyset pages follow insertion order.</summary>
    public Guid Id { get; private set; }

    public string Email { get; private set; }

    public string FullName { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>Whether the owner of <see cref="Email"/> proved it by following a link mailed there; a new address is unproven.</summary>
    public bool EmailVerified { get; private set; }

    public UserRole Role { get; private set; }

    /// <summary>The salted slow hash of the password, or null for an account that has none yet.</summary>
    public string? PasswordHash { get; private set; }

    /// <summary>An active admin: the kind of account of which at least one must remain.</summary>
    public bool IsActiveAdmin => IsActive && Role == UserRole.Admin;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Changes on every write; the store maintains it and checks it for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    public static User Create(string email, string fullName, bool isActive, UserRole role, DateTimeOffset now) =>
        new(UuidV7.Create(now), email, fullName, isActive, role, now);

    /// <summary>Whether <paramref name="email"/> is this account's address, as the unique index compares them.</summary>
    public bool HasEmail(string email) => string.Equals(Email, email.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Changes the address; another address than the current one is unverified until its owner proves it.</summary>
    public void ChangeEmail(string email, DateTimeOffset now)
    {
        var normalized = NormalizeEmail(email);
        if (!HasEmail(normalized))
        {
            EmailVerified = false;
        }

        Email = normalized;
        UpdatedAt = ToStoredPrecision(now);
    }

    public void MarkEmailVerified(DateTimeOffset now)
    {
        EmailVerified = true;
        UpdatedAt = ToStoredPrecision(now);
    }

    public void Rename(string fullName, DateTimeOffset now)
    {
        FullName = NormalizeFullName(fullName);
        UpdatedAt = ToStoredPrecision(now);
    }

    public void SetActive(bool isActive, DateTimeOffset now)
    {
        IsActive = isActive;
        UpdatedAt = ToStoredPrecision(now);
    }

    public void ChangeRole(UserRole role, DateTimeOffset now)
    {
        Role = role;
        UpdatedAt = ToStoredPrecision(now);
    }

    /// <summary>Stores a new password hash; the domain never sees the password itself.</summary>
    public void SetPasswordHash(string passwordHash, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        PasswordHash = passwordHash;
        UpdatedAt = ToStoredPrecision(now);
    }

    /// <summary>The same password under a stronger hash: not a change the user made, so <see cref="UpdatedAt"/> stays.</summary>
    public void UpgradePasswordHash(string passwordHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        PasswordHash = passwordHash;
    }

    // Stores keep microseconds; truncating here makes a write's response equal to a later read.
    private static DateTimeOffset ToStoredPrecision(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % 10), TimeSpan.Zero);

    private static string NormalizeEmail(string email)
    {
        var trimmed = email.Trim();
        if (Characters.Count(trimmed) is 0 or > EmailMaxLength || !trimmed.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException($"An email is 1 to {EmailMaxLength} characters and holds an '@'.", nameof(email));
        }

        return trimmed;
    }

    private static string NormalizeFullName(string fullName)
    {
        var trimmed = fullName.Trim();
        if (Characters.Count(trimmed) is 0 or > FullNameMaxLength)
        {
            throw new ArgumentException($"A full name is 1 to {FullNameMaxLength} characters after trimming.", nameof(fullName));
        }

        return trimmed;
    }
}
