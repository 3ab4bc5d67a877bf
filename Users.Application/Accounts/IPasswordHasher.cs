namespace Users.Application.Accounts;

/// <summary>Salted slow hashes of passwords; the only code that sees a password besides the request that carries it.</summary>
public interface IPasswordHasher
{
    string Hash(string password);

    PasswordCheck Verify(string passwordHash, string password);

    /// <summary>Spends the time of a real check without a stored hash, so unknown emails answer as slowly as known ones.</summary>
    void VerifyNothing(string password);
}
