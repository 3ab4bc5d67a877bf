namespace Users.Application.Users;

/// <summary>A user with the version its representation was read at, for ETag and If-Match.</summary>
public sealed class VersionedUser
{
    public required UserResponse User { get; init; }

    public required uint Version { get; init; }
}
