using System.Text.Json;
using FluentValidation;

namespace Users.Api.Problems;

/// <summary>
/// Makes FluentValidation name a field as clients spell it (<c>'search' must ...</c>, key <c>search</c>), not as the C#
/// property is (<c>Search</c>). Its resolvers are process-wide, so whatever runs the validators outside the app (their
/// unit tests) applies the same naming through this one place.
/// </summary>
public static class ValidationFieldNames
{
    public static void UseJsonNames()
    {
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = ValidatorOptions.Global.PropertyNameResolver;
    }
}
