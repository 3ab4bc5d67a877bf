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
    /// No header accepts any version, and so does exactly <c>*</c>. Otherwise only the strong tags listed match
    /// (RFC 9110 13.1.1): an empty header, weak or malformed tags, or a <c>*</c> mixed into anything else match nothing,
    /// so the write fails with 412 rather than going ahead unchecked.
    /// </summary>
    public static ExpectedVersion ParseIfMatch(StringValues header)
    {
        if (header.Count == 0)
        {
            return ExpectedVersion.Any;
        }

        if (header is [{ } only] && only.Trim() == "*")
        {
            return ExpectedVersion.Any;
        }

        if (!EntityTagHeaderValue.TryParseStrictList(header, out var tags) || tags.Count == 0 ||
            tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any)))
        {
            return ExpectedVersion.OneOf([]);
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
