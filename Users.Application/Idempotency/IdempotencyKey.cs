namespace Users.Application.Idempotency;

/// <summary>
/// An <c>Idempotency-Key</c> as its caller owns it: keys are unique per <paramref name="Scope"/> (the signed-in user, or
/// every anonymous caller together), so two users picking the same key never meet.
/// </summary>
/// <param name="Scope">Whose key it is: <c>user:</c> and the user's id, or <see cref="AnonymousScope"/>.</param>
/// <param name="Value">The key as the client sent it, unquoted: at most <see cref="MaxLength"/> printable ASCII characters.</param>
public sealed record IdempotencyKey(string Scope, string Value)
{
    public const int MaxLength = 255;

    public const int ScopeMaxLength = 64;

    /// <summary>The scope of callers without an access token (sign-up): their keys must be unique among all of them.</summary>
    public const string AnonymousScope = "anonymous";

    public static IdempotencyKey Of(Guid? userId, string value) =>
        new(userId is { } id ? $"user:{id}" : AnonymousScope, value);
}
