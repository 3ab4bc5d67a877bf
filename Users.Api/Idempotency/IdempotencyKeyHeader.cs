using System.Diagnostics.CodeAnalysis;
using System.Text;
using Microsoft.Extensions.Primitives;
using Users.Application.Idempotency;

namespace Users.Api.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> request header and the <c>Idempotent-Replayed</c> answer header. The draft makes the key a
/// structured-field string (<c>"8e03978e-40d5-43e8-bc93-6894a57f9324"</c>, quoted); most clients send it bare. Both are
/// taken, and a key quoted or bare is the same key.
/// </summary>
public static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";

    /// <summary>Set to <c>true</c> on an answer that is a kept one, sent again.</summary>
    public const string Replayed = "Idempotent-Replayed";

    /// <summary>
    /// The values <see cref="TryParse"/> takes, for the OpenAPI document: a bare key (printable ASCII, not starting with a
    /// quote) or a quoted one holding at least one character, with <c>\"</c> and <c>\\</c> escaped.
    /// </summary>
    public const string Pattern = @"^(?:[!#-~][ -~]*|""(?:[ !#-\[\]-~]|\\[""\\])+"")$";

    public static readonly string Rule =
        $"The {Name} header must be one value of 1 to {IdempotencyKey.MaxLength} printable ASCII characters, a key bare or in double quotes; a UUID is a good key.";

    /// <summary>The key the header holds, unquoted, or false when it is not one.</summary>
    public static bool TryParse(StringValues header, [NotNullWhen(true)] out string? key)
    {
        key = null;
        if (header.Count != 1 || header[0] is not { } raw)
        {
            return false;
        }

        // The limit is the header's, quotes included, so that the documented maxLength is the whole rule.
        var value = raw.Trim(' ', '\t');
        if (value.Length > IdempotencyKey.MaxLength || !value.All(IsPrintableAscii))
        {
            return false;
        }

        var candidate = value.StartsWith('"') ? Unquote(value) : value;
        if (string.IsNullOrEmpty(candidate))
        {
            return false;
        }

        key = candidate;
        return true;
    }

    /// <summary>An RFC 8941 string: printable ASCII between double quotes, with <c>\"</c> and <c>\\</c> escaped; null if not one.</summary>
    private static string? Unquote(string quoted)
    {
        if (quoted.Length < 2 || quoted[^1] != '"')
        {
            return null;
        }

        var unquoted = new StringBuilder(quoted.Length);
        for (var i = 1; i < quoted.Length - 1; i++)
        {
            var character = quoted[i];
            if (character == '\\')
            {
                if (++i == quoted.Length - 1 || quoted[i] is not ('"' or '\\'))
                {
                    return null;
                }

                character = quoted[i];
            }
            else if (character == '"')
            {
                return null;
            }

            unquoted.Append(character);
        }

        return unquoted.ToString();
    }

    private static bool IsPrintableAscii(char character) => character is >= ' ' and <= '~';
}
