using FluentValidation;
using Users.Domain.Common;

namespace Users.Application.Common;

/// <summary>Rules for free text that must survive storage and display unchanged.</summary>
public static class TextRules
{
    /// <summary>
    /// Rejects control characters (PostgreSQL cannot store U+0000) and broken UTF-16 surrogates, which cannot be
    /// encoded as UTF-8.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> PlainText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => text is null || IsPlainText(text))
            .WithMessage("'{PropertyName}' must not contain control characters or invalid Unicode.");

    /// <summary>At most <paramref name="max"/> characters, counted as <see cref="Characters"/> does (an emoji is one).</summary>
    public static IRuleBuilderOptions<T, string?> MaxCharacters<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.Must(text => text is null || Characters.Count(text) <= max)
            .WithMessage($"'{{PropertyName}}' must be at most {max} characters long.");

    public static IRuleBuilderOptions<T, string?> TrimmedLength<T>(this IRuleBuilder<T, string?> rule, int min, int max) =>
        rule.Must(text => text is null || Characters.Count(text.Trim()) is var length && length >= min && length <= max)
            .WithMessage($"'{{PropertyName}}' must be {min} to {max} characters long, not counting leading or trailing spaces.");

    private static bool IsPlainText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }
}
