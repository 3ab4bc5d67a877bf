internal sealed record RawUser(Guid Id, string Email, string FullName, bool IsActive, string Role, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
