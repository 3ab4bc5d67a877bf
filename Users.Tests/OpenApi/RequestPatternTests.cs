using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Users.Api.OpenApi;
using Users.Api.Problems;
using Users.Application.Accounts;
using Users.Application.Users;

namespace Users.Tests.OpenApi;

/// <summary>
/// The patterns the document gives take exactly what the validators take, so a generator that follows them builds
/// requests the service accepts, and one that breaks them builds requests it refuses.
/// </summary>
public sealed class RequestPatternTests
{
    private static readonly string[] Emails =
    [
        "ada@example.com", "  ada@example.com ", "ada.lovelace+tag@mail.example.co.uk", "o'brien@example.ie", "ünïcødé@exämple.de",
        "用户@例子.广告", "a@b.co", "x@example.c0m", "x@ex-ample.com", "x@1.example.com",
        $"{new string('a', 64)}@example.com", $"{new string('a', 65)}@example.com",
        $"x@{new string('a', 63)}.com", $"x@{new string('a', 64)}.com",
        "a..x@example.com", ".x@example.com", "x.@example.com", "(x)@example.com", "\"x\"@example.com", "[x]@example.com",
        "<script>x@x.yz", "x,;:@example.com", "a\\x@example.com", "x@example.123", "x@-example-.com", "x@example", "x",
        "a b@example.com", "a\u00A0b@example.com", "a\u3000b@example.com", "ada@exa mple.com", "@example.com", "ada@", "ada@@example.com",
        "ada@example..com", "ada@.example.com", "ada\u0085@example.com", "\tada@example.com", "ada@example.com\n",
        "\u00A0ada@example.com", "ada@example.com\u3000", "\uFEFFada@example.com", "\U0001F600abc@example.com", "ada@\U0001F600.com",
    ];

    private static readonly string[] Searches =
    [
        "ada", "Ada Love", "a.b.c", "ab", "a b c", "   ", "%%%", "123", "\u20DD\u20DD\u20DD", "e\u0301e\u0301e", "ナルト", "ab\u0001c", "ada\n",
        "\u2028abc", "\u2029abc", "\u00A0abc",
    ];

    private CreateUserRequestValidator _users = null!;
    private ListUsersQueryValidator _lists = null!;

    // A validator names its fields when it is built: the API's names first.
    [OneTimeSetUp]
    public void CreateValidators()
    {
        ValidationFieldNames.UseJsonNames();
        _users = new CreateUserRequestValidator(new PasswordPolicy(Options.Create(new AccountOptions())));
        _lists = new ListUsersQueryValidator();
    }

    [TestCaseSource(nameof(Emails))]
    public void The_email_pattern_takes_an_address_exactly_when_the_validator_does(string email)
    {
        var taken = !_users.Validate(new CreateUserRequest { Email = email, FullName = "Ada" }).Errors.Any(error => error.PropertyName == "email");

        Assert.That(Regex.IsMatch(email, RequestRulesSchemaTransformer.EmailPattern), Is.EqualTo(taken));
    }

    [TestCase("Ada Lovelace")]
    [TestCase("  Ada ")]
    [TestCase("   ")]
    [TestCase("")]
    [TestCase("Ada\n")]
    [TestCase("Ada\u0000Lovelace")]
    [TestCase("Ada\u009F")]
    [TestCase("\uFEFF")]
    [TestCase("\u00A0")]
    [TestCase("\u3000Ada")]
    public void The_full_name_pattern_takes_a_name_exactly_when_the_validator_does(string fullName)
    {
        var taken = !_users.Validate(new CreateUserRequest { Email = "ada@example.com", FullName = fullName }).Errors
            .Any(error => error.PropertyName == "fullName");

        Assert.That(Regex.IsMatch(fullName, RequestRulesSchemaTransformer.NotBlankPlainTextPattern), Is.EqualTo(taken));
    }

    [TestCase("ZXhhbXBsZS10b2tlbi1mcm9tLXRoZS1tYWls")]
    [TestCase(" ")]
    [TestCase("\uFEFF")]
    [TestCase("\u0085")]
    [TestCase("\u00A0\u2028")]
    [TestCase(" x ")]
    public void The_token_pattern_takes_a_token_exactly_when_the_validator_does(string token)
    {
        var taken = new RefreshTokenRequestValidator().Validate(new RefreshTokenRequest { RefreshToken = token }).IsValid;

        Assert.That(Regex.IsMatch(token, RequestRulesSchemaTransformer.NotBlankPattern), Is.EqualTo(taken));
    }

    [TestCaseSource(nameof(Searches))]
    public void The_search_pattern_takes_a_term_exactly_when_the_validator_does(string search)
    {
        var taken = _lists.Validate(new ListUsersQuery { Search = search }).IsValid;

        Assert.That(Regex.IsMatch(search, ListUsersQuery.SearchPattern), Is.EqualTo(taken));
    }
}
