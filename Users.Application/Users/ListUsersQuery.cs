using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Users.Application.Users;

/// <summary>What a client asks of the user list: a page size, where to go on from, and filters.</summary>
public sealed class ListUsersQuery
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    public const int SearchMaxLength = 200;

    /// <summary>
    /// The fewest letters or digits in a row a search must hold: the trigram indexes find a substring by its runs of three
    /// (see <c>UserSearchConfiguration</c>), and a term without one could only be answered by reading every user.
    /// </summary>
    public const int SearchMinRun = 3;

    /// <summary>
    /// The rule above, and no control characters (which the validator refuses too), for the OpenAPI document.
    /// </summary>
    public const string SearchPattern = @"^(?![\s\S]*[\u0000-\u001F\u007F-\u009F])(?=[\s\S]*[\p{L}\p{Mn}\p{Mc}\p{Nd}]{3})[^\u0000-\u001F\u007F-\u009F]*$";

    // The annotations describe the fields in the OpenAPI document; ListUsersQueryValidator is what enforces them.
    /// <summary>How many users a page holds: 1 to 100, 20 when left out.</summary>
    [Description("How many users a page holds: 1 to 100, 20 when left out.")]
    [Range(1, MaxLimit)]
    [DefaultValue(DefaultLimit)]
    public int? Limit { get; init; }

    /// <summary>The <c>nextCursor</c> of the previous page; left out for the first page.</summary>
    [Description("The nextCursor of the previous page; left out for the first page.")]
    public string? Cursor { get; init; }

    /// <summary>
    /// Keeps users whose email or full name contains this text, ignoring case. It must hold at least 3 letters or digits
    /// in a row (<c>ada</c>, <c>smith@</c>, <c>ada lo</c>; not <c>ad</c> or <c>a.b</c>).
    /// </summary>
    // Empty stays empty (not "absent"), so ?search= is refused like any other term too short to search for.
    [Description("Keeps users whose email or full name contains this text, ignoring case; at least 3 letters or digits in a row.")]
    [MinLength(SearchMinRun)]
    [MaxLength(SearchMaxLength)]
    [RegularExpression(SearchPattern)]
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? Search { get; init; }

    /// <summary>Keeps only active (true) or inactive (false) users.</summary>
    [Description("Keeps only active (true) or inactive (false) users; both when left out.")]
    public bool? IsActive { get; init; }
}
