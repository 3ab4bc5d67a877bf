using Microsoft.Extensions.Options;

namespace Users.Application.Accounts;

/// <summary>
/// NIST SP 800-63B's rules for new passwords: 12 to 128 characters of any kind, and not guessable, judged by zxcvbn
/// (Dropbox's estimator, whose dictionaries hold the most common passwords, names and words) with the account's own
/// email and name as extra words. No composition rules: they make passwords harder to remember, not to guess.
/// </summary>
public sealed class PasswordPolicy(IOptions<AccountOptions> options)
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    private static readonly char[] WordSeparators = [' ', '@', '.', '-', '_', '+'];

    /// <summary>Why <paramref name="password"/> may not be used by the account these words describe, or null if it may.</summary>
    public string? FindWeakness(string password, params string?[] accountWords)
    {
        // NIST counts characters as code points, so an emoji is one character, not two.
        var length = password.EnumerateRunes().Count();
        if (length is < MinLength or > MaxLength)
        {
            return $"must be {MinLength} to {MaxLength} characters long.";
        }

        var estimate = Zxcvbn.Zxcvbn.MatchPassword(password, Dictionary(accountWords));
        return estimate.Score < options.Value.MinPasswordScore
            ? $"is too easy to guess (time to crack it: {estimate.CrackTimeDisplay}). Use a longer phrase of unrelated words; " +
              "avoid common passwords, names, dates, keyboard patterns and parts of your email or name."
            : null;
    }

    // The whole email and name and each of their parts, so "ada.lovelace@example.com" forbids "lovelace" too.
    private static List<string> Dictionary(string?[] accountWords)
    {
        var words = new List<string>();
        foreach (var text in accountWords)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var trimmed = text.Trim().ToLowerInvariant();
            words.Add(trimmed);
            words.AddRange(trimmed.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries).Where(word => word.Length >= 3));
        }

        return words;
    }
}
