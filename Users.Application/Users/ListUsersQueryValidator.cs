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
        RuleFor(query => query.Search).PlainText().MaximumLength(ListUsersQuery.SearchMaxLength);
    }
}
