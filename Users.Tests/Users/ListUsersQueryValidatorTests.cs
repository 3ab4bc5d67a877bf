using FluentValidation.TestHelper;
using Users.Api.Problems;
using Users.Application.Users;

namespace Users.Tests.Users;

public sealed class ListUsersQueryValidatorTests
{
    // Lone surrogates cannot go in [TestCase]: attribute strings are stored as UTF-8, which turns them into U+FFFD.
    private static readonly string[] SearchesWithLoneSurrogates = ["ada\uD800", "\uDC00ada"];

    private ListUsersQueryValidator _validator = null!;

    // Messages name fields as the API does ('search', not 'Search'), whichever test built the app first, if any.
    [OneTimeSetUp]
    public void NameFieldsAsTheApiDoes() => ValidationFieldNames.UseJsonNames();

    [SetUp]
    public void CreateValidator() => _validator = new ListUsersQueryValidator();

    [Test]
    public void Query_with_nothing_set_passes()
    {
        var result = _validator.TestValidate(new ListUsersQuery());

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Test]
    public void A_search_is_counted_in_characters_a_letter_beyond_the_BMP_being_one()
    {
        var longest = string.Concat(Enumerable.Repeat("\U0001D49C", ListUsersQuery.SearchMaxLength));

        var taken = _validator.TestValidate(new ListUsersQuery { Search = longest });
        var refused = _validator.TestValidate(new ListUsersQuery { Search = longest + "\U0001D49C" });

        taken.ShouldNotHaveValidationErrorFor(query => query.Search);
        refused.ShouldHaveValidationErrorFor(query => query.Search);
    }

    [Test]
    public void Query_with_every_field_set_passes()
    {
        var query = new ListUsersQuery
        {
            Limit = 50,
            Cursor = PageCursor.Encode(Guid.CreateVersion7()),
            Search = "ada",
            IsActive = true,
        };

        var result = _validator.TestValidate(query);

        result.ShouldNotHaveAnyValidationErrors();
    }

    [TestCase(1)]
    [TestCase(20)]
    [TestCase(100)]
    public void Limit_within_1_to_100_passes(int limit)
    {
        var result = _validator.TestValidate(new ListUsersQuery { Limit = limit });

        result.ShouldNotHaveValidationErrorFor(query => query.Limit);
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(101)]
    [TestCase(int.MaxValue)]
    [TestCase(int.MinValue)]
    public void Limit_outside_1_to_100_fails(int limit)
    {
        var result = _validator.TestValidate(new ListUsersQuery { Limit = limit });

        result.ShouldHaveValidationErrorFor(query => query.Limit);
    }

    [Test]
    public void Cursor_issued_by_the_service_passes()
    {
        var result = _validator.TestValidate(new ListUsersQuery { Cursor = PageCursor.Encode(Guid.CreateVersion7()) });

        result.ShouldNotHaveValidationErrorFor(query => query.Cursor);
    }

    [TestCase("")]
    [TestCase("not a cursor")]
    [TestCase("garbage!!")]
    [TestCase("AAAAAAAAAAAAAAAAAAAA")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [TestCase("00000000-0000-0000-0000-000000000000")]
    public void Cursor_not_issued_by_the_service_fails(string cursor)
    {
        var result = _validator.TestValidate(new ListUsersQuery { Cursor = cursor });

        result.ShouldHaveValidationErrorFor(query => query.Cursor);
    }

    [Test]
    public void Search_of_200_characters_passes()
    {
        var result = _validator.TestValidate(new ListUsersQuery { Search = new string('a', 200) });

        result.ShouldNotHaveValidationErrorFor(query => query.Search);
    }

    [Test]
    public void Search_of_201_characters_fails()
    {
        var result = _validator.TestValidate(new ListUsersQuery { Search = new string('a', 201) });

        result.ShouldHaveValidationErrorFor(query => query.Search);
    }

    [TestCase("ada\u0000")]
    [TestCase("ada\u001B[31m")]
    public void Search_with_control_characters_fails(string search)
    {
        var result = _validator.TestValidate(new ListUsersQuery { Search = search });

        result.ShouldHaveValidationErrorFor(query => query.Search);
    }

    [TestCaseSource(nameof(SearchesWithLoneSurrogates))]
    public void Search_with_a_lone_surrogate_fails(string search)
    {
        var result = _validator.TestValidate(new ListUsersQuery { Search = search });

        result.ShouldHaveValidationErrorFor(query => query.Search);
    }

    [TestCase("ada%")]
    [TestCase("_ada")]
    [TestCase("ada lovelace")]
    public void Search_with_like_wildcards_or_spaces_passes(string search)
    {
        var result = _validator.TestValidate(new ListUsersQuery { Search = search });

        result.ShouldNotHaveValidationErrorFor(query => query.Search);
    }

    [TestCase("ada")]
    [TestCase("007")]
    [TestCase("ab1")]
    [TestCase("a.smith")]
    [TestCase("  ada  ")]
    [TestCase("Zoë")]
    [TestCase("王小明")]
    [TestCase("प्रिया")]
    public void Search_with_3_letters_or_digits_in_a_row_passes(string search)
    {
        var result = _validator.TestValidate(new ListUsersQuery { Search = search });

        result.ShouldNotHaveValidationErrorFor(query => query.Search);
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("a")]
    [TestCase("ab")]
    [TestCase("a.b")]
    [TestCase("a b c")]
    [TestCase("ab-cd")]
    [TestCase("%%%")]
    [TestCase("@.-_")]
    public void Search_without_3_letters_or_digits_in_a_row_fails_saying_the_minimum(string search)
    {
        var result = _validator.TestValidate(new ListUsersQuery { Search = search });

        result.ShouldHaveValidationErrorFor(query => query.Search)
            .WithErrorMessage("'search' must hold at least 3 letters or digits in a row, such as 'ada'; a term without such a run cannot use the search index.");
    }
}
