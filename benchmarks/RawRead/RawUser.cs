internal sealed record RawUser(
    Guid Id, string Email, string FullName, bool IsActive, bool EmailVerified, string Role, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
