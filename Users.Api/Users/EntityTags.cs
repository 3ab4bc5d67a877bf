using System.Globalization;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Users.Application.Common;

namespace Users.Api.Users;

/// <summary>Turns store versions into strong ETags and If-Match headers back into the versions they accept.</summary>
public static class EntityTags
{
    public const string Description = "The user's version; send it back in If-Match to make a change conditional.";

    public static string Format(uint version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// No header (or <c>*</c>) accepts any version. Otherwise only the strong tags listed match (RFC 9110 13.1.1):
    /// weak or malformed tags match nothing, so the write fails with 412 rather than going ahead unchecked.
    /// </summary>
    public static ExpectedVersion ParseIfMatch(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return ExpectedVersion.Any;
        }

        if (!EntityTagHeaderValue.TryParseList(new StringValues(header), out var tags))
        {
            return ExpectedVersion.OneOf([]);
        }

        if (tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any)))
        {
            return ExpectedVersion.Any;
        }

        var versions = tags
            .Where(tag => !tag.IsWeak)
            .Select(tag => uint.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                ? version
                : (uint?)null)
            .OfType<uint>();
        return ExpectedVersion.OneOf(versions);
    }
}
