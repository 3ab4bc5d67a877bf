using FluentValidation.TestHelper;
using Users.Api.Problems;
using Users.Application.Users;
using Users.Tests.Support;

namespace Users.Tests.Users;

public sealed class UpdateUserRequestValidatorTests
{
    // Lone surrogates cannot go in [TestCase]: attribute strings are stored as UTF-8, which turns them into U+FFFD.
    private static readonly string[] EmailsWithLoneSurrogates = ["ada\uD800@example.com", "ada@example.com\uDC00"];

    private static readonly string[] FullNamesWithLoneSurrogates = ["Ada \uDC00", "\uD800Ada"];

    private UpdateUserRequestValidator _validator = null!;

    // Messages name fields as the API does ('search', not 'Search'), whichever test built the app first, if any.
    [OneTimeSetUp]
    public void NameFieldsAsTheApiDoes() => ValidationFieldNames.UseJsonNames();

    [SetUp]
    public void CreateValidator() => _validator = new UpdateUserRequestValidator();

    [Test]
    public void Request_with_every_field_passes()
    {
        var result = _validator.TestValidate(
            new UpdateUserRequest { Email = "ada@example.com", FullName = "Ada Lovelace", IsActive = false });

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Test]
    public void Request_with_no_fields_fails_on_body()
    {
        var result = _validator.TestValidate(new UpdateUserRequest());

        result.ShouldHaveValidationErrorFor("body");
    }

    [Test]
    public void Request_with_only_is_active_passes()
    {
        var result = _validator.TestValidate(new UpdateUserRequest { IsActive = false });

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Test]
    public void Request_with_only_email_passes()
    {
        var result = _validator.TestValidate(new UpdateUserRequest { Email = "ada@example.com" });

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Test]
    public void Request_with_only_full_name_passes()
    {
        var result = _validator.TestValidate(new UpdateUserRequest { FullName = "Ada Lovelace" });

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Test]
    public void Left_out_email_and_full_name_are_not_errors()
    {
        var result = _validator.TestValidate(new UpdateUserRequest { IsActive = true });

        using (Assert.EnterMultipleScope())
        {
            result.ShouldNotHaveValidationErrorFor(request => request.Email);
            result.ShouldNotHaveValidationErrorFor(request => request.FullName);
        }
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("ada.example.com")]
    [TestCase("ada lovelace@example.com")]
    [TestCase("ada\u0000@example.com")]
    public void Invalid_email_fails(string email)
    {
        var result = _validator.TestValidate(new UpdateUserRequest { Email = email });

        result.ShouldHaveValidationErrorFor(request => request.Email);
    }

    [TestCaseSource(nameof(EmailsWithLoneSurrogates))]
    public void Email_with_a_lone_surrogate_fails(string email)
    {
        var result = _validator.TestValidate(new UpdateUserRequest { Email = email });

        result.ShouldHaveValidationErrorFor(request => request.Email);
    }

    [Test]
    public void Email_of_254_characters_passes_and_255_fails()
    {
        var atLimit = _validator.TestValidate(new UpdateUserRequest { Email = TestEmails.OfLength(254) });
        var overLimit = _validator.TestValidate(new UpdateUserRequest { Email = TestEmails.OfLength(255) });

        using (Assert.EnterMultipleScope())
        {
            atLimit.ShouldNotHaveValidationErrorFor(request => request.Email);
            overLimit.ShouldHaveValidationErrorFor(request => request.Email);
        }
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("Ada\u0000Lovelace")]
    public void Invalid_full_name_fails(string fullName)
    {
        var result = _validator.TestValidate(new UpdateUserRequest { FullName = fullName });

        result.ShouldHaveValidationErrorFor(request => request.FullName);
    }

    [TestCaseSource(nameof(FullNamesWithLoneSurrogates))]
    public void Full_name_with_a_lone_surrogate_fails(string fullName)
    {
        var result = _validator.TestValidate(new UpdateUserRequest { FullName = fullName });

        result.ShouldHaveValidationErrorFor(request => request.FullName);
    }

    [Test]
    public void Full_name_of_200_characters_passes_even_with_surrounding_spaces()
    {
        var result = _validator.TestValidate(new UpdateUserRequest { FullName = $"  {new string('a', 200)}  " });

        result.ShouldNotHaveValidationErrorFor(request => request.FullName);
    }

    [Test]
    public void Full_name_of_201_characters_fails()
    {
        var result = _validator.TestValidate(new UpdateUserRequest { FullName = new string('a', 201) });

        result.ShouldHaveValidationErrorFor(request => request.FullName);
    }

    [Test]
    public void Invalid_field_does_not_fail_on_body()
    {
        var result = _validator.TestValidate(new UpdateUserRequest { Email = "nope" });

        result.ShouldNotHaveValidationErrorFor("body");
    }
}
