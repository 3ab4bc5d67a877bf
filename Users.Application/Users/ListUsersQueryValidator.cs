using System.Globalization;
using System.Text;
using FluentValidation;
using Users.Application.Common;

namespace Users.Application.Users;

public sealed class ListUsersQueryValidator : AbstractValidator<ListUsersQuery>
{
    public ListUsersQueryValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(query => query.Limit).InclusiveBetween(1, ListUsersQuery.MaxLimit);
        RuleFor(query => query.Cursor)
            .Must(cursor => PageCursor.TryDecode(cursor, out _))
            .When(query => query.Cursor is not null)
            .WithMessage("'{PropertyName}' is not a cursor this service issued; use a page's nextCursor as it is.");
        RuleFor(query => query.Search)
            .PlainText()
            .MaxCharacters(ListUsersQuery.SearchMaxLength)
            .Must(HasSearchableRun)
            .When(query => query.Search is not null)
            .WithMessage($"'{{PropertyName}}' must hold at least {ListUsersQuery.SearchMinRun} letters or digits in a row, such as 'ada'; a term without such a run cannot use the search index.");
    }

    // What PostgreSQL's pg_trgm takes for word characters: letters (with their combining marks) and digits. Only a run of
    // three gives a trigram that narrows the search; "ab", "a.b" or "%%%" give none, or only ones most users share.
    private static bool HasSearchableRun(string? search)
    {
        var run = 0;
        foreach (var rune in (search ?? string.Empty).EnumerateRunes())
        {
            run = Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                ? run + 1
                : 0;
            if (run == ListUsersQuery.SearchMinRun)
            {
                return true;
            }
        }

        return false;
    }
}
