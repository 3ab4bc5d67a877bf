using Users.Application.Accounts;

namespace Users.Application.Idempotency;

/// <summary>
/// Turns a request's digest into the fingerprint kept with its key, and tells whether a retry's digest matches it. A
/// body without secrets is kept as its SHA-256. A body that may hold a password is kept as a salted PBKDF2 hash of that
/// digest, like the password itself: a plain SHA-256 of a sign-up would be a fast, unsalted hash of its password, and
/// a copy of the table would let anyone test guesses against it at billions a second.
/// </summary>
public sealed class RequestFingerprints(IPasswordHasher hasher)
{
    private const string Digest = "sha256:";
    private const string SlowHash = "pbkdf2:";

    public string Create(byte[] digest, bool bodyHoldsSecrets)
    {
        var hex = Convert.ToHexString(digest);
        return bodyHoldsSecrets ? SlowHash + hasher.Hash(hex) : Digest + hex;
    }

    public bool Matches(string fingerprint, byte[] digest)
    {
        var hex = Convert.ToHexString(digest);
        return fingerprint.StartsWith(SlowHash, StringComparison.Ordinal)
            ? hasher.Verify(fingerprint[SlowHash.Length..], hex) != PasswordCheck.Wrong
            : string.Equals(fingerprint, Digest + hex, StringComparison.Ordinal);
    }
}
