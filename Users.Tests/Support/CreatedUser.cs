using Users.Application.Users;

namespace Users.Tests.Support;

public sealed record CreatedUser(UserResponse User, string ETag);
