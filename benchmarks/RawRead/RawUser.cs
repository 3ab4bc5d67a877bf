internal sealed record RawUser(Guid Id, string Email, string FullName, bool IsActive, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
