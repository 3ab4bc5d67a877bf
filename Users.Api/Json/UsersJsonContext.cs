using System.Text.Json;
using System.Text.Json.Serialization;
using Users.Application.Accounts;
using Users.Application.Imports;
using Users.Application.Users;

namespace Users.Api.Json;

/// <summary>Source-generated JSON for the API's bodies: no reflection on the hot path.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(UserResponse))]
[JsonSerializable(typeof(UserPage))]
[JsonSerializable(typeof(CreateUserRequest))]
[JsonSerializable(typeof(UpdateUserRequest))]
[JsonSerializable(typeof(UpdateMeRequest))]
[JsonSerializable(typeof(SignUpRequest))]
[JsonSerializable(typeof(TokenRequest))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(RefreshTokenRequest))]
[JsonSerializable(typeof(ChangePasswordRequest))]
[JsonSerializable(typeof(VerifyEmailRequest))]
[JsonSerializable(typeof(ForgotPasswordRequest))]
[JsonSerializable(typeof(ResetPasswordRequest))]
[JsonSerializable(typeof(JsonWebKeySet))]
[JsonSerializable(typeof(ImportReport))]
public sealed partial class UsersJsonContext : JsonSerializerContext;
