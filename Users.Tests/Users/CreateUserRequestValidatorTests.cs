using FluentValidation.TestHelper;
using Microsoft.Extensions.Options;
using Users.Api.Problems;
using Users.Application.Accounts;
using Users.Application.Users;
using Users.Tests.Support;

namespace Users.Tests.Users;

public sealed class CreateUserRequestValidatorTests
{
    private const string ValidEmail = "ada@example.com";
    private const string ValidName = "Ada Lovelace";

    // Lone surrogates cannot go in [TestCase]: attribute strings are stored as UTF-8, which turns them into U+FFFD.
    private static readonly string[] EmailsWithLoneSurrogates =
        ["ada\uD800@example.com", "ada\uDC00@example.com", "ada@example.com\uD83D", "ada\uDE00\uD83D@example.com"];

    private static readonly string[] FullNamesWithLoneSurrogates = ["Ada \uDC00", "Ada \uD800 Lovelace"];

    private CreateUserRequestValidator _validator = null!;

    // Messages name fields as the API does ('search', not 'Search'), whichever test built the app first, if any.
    [OneTimeSetUp]
    public void NameFieldsAsTheApiDoes() => ValidationFieldNames.UseJsonNames();

    [SetUp]
    public void CreateValidator() => _validator = new CreateUserRequestValidator(new PasswordPolicy(Options.Create(new AccountOptions())));

    [Test]
    public void Valid_request_passes()
    {
        var result = _validator.TestValidate(new CreateUserRequest { Email = ValidEmail, FullName = ValidName, IsActive = false });

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Test]
    public void A_full_name_is_counted_in_characters_an_emoji_being_one()
    {
        var longest = string.Concat(Enumerable.Repeat("\U0001F600", 200));

        var taken = _validator.TestValidate(new CreateUserRequest { Email = ValidEmail, FullName = longest });
        var refused = _validator.TestValidate(new CreateUserRequest { Email = ValidEmail, FullName = longest + "\U0001F600" });

        taken.ShouldNotHaveValidationErrorFor(request => request.FullName);
        refused.ShouldHaveValidationErrorFor(request => request.FullName);
    }

    [Test]
    public void Request_without_is_active_passes()
    {
        var result = _validator.TestValidate(new CreateUserRequest { Email = ValidEmail, FullName = ValidName });

        result.ShouldNotHaveAnyValidationErrors();
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Email_is_required(string? email)
    {
        var result = _validator.TestValidate(Request(email: email));

        result.ShouldHaveValidationErrorFor(request => request.Email);
    }

    [Test]
    public void Email_of_254_characters_passes()
    {
        var result = _validator.TestValidate(Request(email: TestEmails.OfLength(254)));

        result.ShouldNotHaveValidationErrorFor(request => request.Email);
    }

    [Test]
    public void Email_of_254_characters_passes_when_surrounded_by_spaces()
    {
        var result = _validator.TestValidate(Request(email: $"  {TestEmails.OfLength(254)}  "));

        result.ShouldNotHaveValidationErrorFor(request => request.Email);
    }

    [Test]
    public void Email_of_255_characters_fails()
    {
        var result = _validator.TestValidate(Request(email: TestEmails.OfLength(255)));

        result.ShouldHaveValidationErrorFor(request => request.Email);
    }

    [TestCase("ada.example.com")]
    [TestCase("@example.com")]
    [TestCase("ada@")]
    public void Email_without_an_address_shape_fails(string email)
    {
        var result = _validator.TestValidate(Request(email: email));

        result.ShouldHaveValidationErrorFor(request => request.Email);
    }

    [TestCase("ada lovelace@example.com")]
    [TestCase("ada@example .com")]
    [TestCase("ada\u00A0@example.com")]
    public void Email_with_inner_spaces_fails(string email)
    {
        var result = _validator.TestValidate(Request(email: email));

        result.ShouldHaveValidationErrorFor(request => request.Email);
    }

    [TestCase("ada\u0000@example.com")]
    [TestCase("ada\u0007@example.com")]
    [TestCase("ada@example.com\u007F")]
    public void Email_with_control_characters_fails(string email)
    {
        var result = _validator.TestValidate(Request(email: email));

        result.ShouldHaveValidationErrorFor(request => request.Email);
    }

    [TestCaseSource(nameof(EmailsWithLoneSurrogates))]
    public void Email_with_a_lone_surrogate_fails(string email)
    {
        var result = _validator.TestValidate(Request(email: email));

        result.ShouldHaveValidationErrorFor(request => request.Email);
    }

    [Test]
    public void Email_with_a_character_beyond_the_Basic_Multilingual_Plane_fails_as_the_document_says()
    {
        var result = _validator.TestValidate(Request(email: "ada\U0001F600@example.com"));

        result.ShouldHaveValidationErrorFor(request => request.Email);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Full_name_is_required(string? fullName)
    {
        var result = _validator.TestValidate(Request(fullName: fullName));

        result.ShouldHaveValidationErrorFor(request => request.FullName);
    }

    [Test]
    public void Full_name_of_200_characters_passes()
    {
        var result = _validator.TestValidate(Request(fullName: new string('a', 200)));

        result.ShouldNotHaveValidationErrorFor(request => request.FullName);
    }

    [Test]
    public void Full_name_of_201_characters_fails()
    {
        var result = _validator.TestValidate(Request(fullName: new string('a', 201)));

        result.ShouldHaveValidationErrorFor(request => request.FullName);
    }

    [Test]
    public void Full_name_is_measured_after_trimming()
    {
        var result = _validator.TestValidate(Request(fullName: $"   {new string('a', 200)}   "));

        result.ShouldNotHaveValidationErrorFor(request => request.FullName);
    }

    [TestCase("Ada\u0000Lovelace")]
    [TestCase("Ada\nLovelace")]
    [TestCase("Ada\u0085Lovelace")]
    public void Full_name_with_control_characters_fails(string fullName)
    {
        var result = _validator.TestValidate(Request(fullName: fullName));

        result.ShouldHaveValidationErrorFor(request => request.FullName);
    }

    [TestCaseSource(nameof(FullNamesWithLoneSurrogates))]
    public void Full_name_with_a_lone_surrogate_fails(string fullName)
    {
        var result = _validator.TestValidate(Request(fullName: fullName));

        result.ShouldHaveValidationErrorFor(request => request.FullName);
    }

    [Test]
    public void Full_name_with_a_surrogate_pair_passes()
    {
        var result = _validator.TestValidate(Request(fullName: "Ada \U0001F600"));

        result.ShouldNotHaveValidationErrorFor(request => request.FullName);
    }

    [Test]
    public void Invalid_email_does_not_fail_the_full_name()
    {
        var result = _validator.TestValidate(Request(email: "nope"));

        result.ShouldNotHaveValidationErrorFor(request => request.FullName);
    }

    private static CreateUserRequest Request(string? email = ValidEmail, string? fullName = ValidName) =>
        new() { Email = email, FullName = fullName };

}
