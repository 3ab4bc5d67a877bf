using System.Text.Json.Nodes;
using Users.Application.Accounts;
using Users.Application.Users;

namespace Users.Api.OpenApi;

/// <summary>
/// One valid body per request type, shown in the document (Scalar's "try it", generated clients' docs, fuzzers' seeds).
/// <c>RequestExampleTests</c> checks each against the service's own validators.
/// </summary>
public static class RequestExamples
{
    // A token as the mails carry them: the example is well-formed, not a token the service issued.
    private const string MailedToken = "ZXhhbXBsZS10b2tlbi1mcm9tLXRoZS1tYWls";

    public static readonly IReadOnlyDictionary<Type, JsonObject> ByType = new Dictionary<Type, JsonObject>
    {
        [typeof(CreateUserRequest)] = new() { ["email"] = "ada@example.com", ["fullName"] = "Ada Lovelace", ["isActive"] = true, ["role"] = "user" },
        [typeof(UpdateUserRequest)] = new() { ["fullName"] = "Ada King" },
        [typeof(UpdateMeRequest)] = new() { ["fullName"] = "Ada King" },
        [typeof(SignUpRequest)] = new() { ["email"] = "grace@example.com", ["fullName"] = "Grace Hopper", ["password"] = "violet-lantern-42-orbit-tundra" },
        [typeof(TokenRequest)] = new() { ["email"] = "grace@example.com", ["password"] = "violet-lantern-42-orbit-tundra" },
        [typeof(RefreshTokenRequest)] = new() { ["refreshToken"] = MailedToken },
        [typeof(ForgotPasswordRequest)] = new() { ["email"] = "grace@example.com" },
        [typeof(ResetPasswordRequest)] = new() { ["token"] = MailedToken, ["newPassword"] = "amber-quartz-77-meadow-falcon" },
        [typeof(VerifyEmailRequest)] = new() { ["token"] = MailedToken },
        [typeof(ChangePasswordRequest)] = new() { ["currentPassword"] = "violet-lantern-42-orbit-tundra", ["newPassword"] = "amber-quartz-77-meadow-falcon" },
    };
}
