namespace Users.Application.Users;

/// <summary>A keyset page request the repository can run: users older than <see cref="Before"/>, newest first.</summary>
public sealed record UserListCriteria(Guid? Before, int Take, string? Search, bool? IsActive);
