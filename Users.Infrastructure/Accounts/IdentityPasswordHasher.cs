using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Users.Application.Accounts;
using Users.Domain.Users;

namespace Users.Infrastructure.Accounts;

/// <summary>
/// ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>: PBKDF2-HMAC-SHA512 with a random salt, its iteration
/// count stored in each hash, so raising <c>Accounts:PasswordHashIterations</c> upgrades old hashes at sign-in.
/// </summary>
public sealed class IdentityPasswordHasher : IPasswordHasher
{
    private readonly PasswordHasher<User> _hasher;
    private readonly Lazy<string> _dummyHash;

    public IdentityPasswordHasher(IOptions<AccountOptions> options)
    {
        _hasher = new PasswordHasher<User>(Options.Create(new PasswordHasherOptions
        {
            CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
            IterationCount = options.Value.PasswordHashIterations,
        }));

        // A hash at today's cost of a password nobody knows, so checking it takes as long as a real check.
        _dummyHash = new Lazy<string>(() => _hasher.HashPassword(null!, Guid.NewGuid().ToString()));
    }

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    public PasswordCheck Verify(string passwordHash, string password) =>
        _hasher.VerifyHashedPassword(null!, passwordHash, password) switch
        {
            PasswordVerificationResult.Success => PasswordCheck.Correct,
            PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.CorrectButRehash,
            _ => PasswordCheck.Wrong,
        };

    public void VerifyNothing(string password) => _hasher.VerifyHashedPassword(null!, _dummyHash.Value, password);
}
