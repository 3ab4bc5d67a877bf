using System.Text.RegularExpressions;

namespace Users.Application.Users;

/// <summary>
/// The address forms the service accepts: what mail systems deliver to in practice. A dot-atom local part of at most
/// 64 characters (RFC 5321), non-ASCII allowed (RFC 6531) within the Basic Multilingual Plane (no emoji: the OpenAPI
/// document's pattern can say exactly that in every regular-expression dialect), and a domain of two or more labels of letters, digits and
/// inner hyphens, up to 63 characters each, whose last label is not all digits. Quoted local parts, comments and IP
/// literals are refused: legal in RFC 5322, but no sign-up form needs them and they are how markup gets in.
/// </summary>
public static partial class EmailSyntax
{
    public const int LocalPartMaxLength = 64;

    private const string AtomCharacter = @"[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-\u0080-\uD7FF\uE000-\uFFFF-[\s]]";
    private const string LabelEnd = @"[A-Za-z0-9\u0080-\uD7FF\uE000-\uFFFF-[\s]]";
    private const string LabelInner = @"[A-Za-z0-9\-\u0080-\uD7FF\uE000-\uFFFF-[\s]]";
    private const string Label = $"{LabelEnd}(?:{LabelInner}{{0,61}}{LabelEnd})?";
    private const string Pattern = $@"^{AtomCharacter}+(?:\.{AtomCharacter}+)*@{Label}(?:\.{Label})+(?<!\.[0-9]+)$";

    /// <summary>Whether <paramref name="email"/> (already trimmed) has a form the service accepts.</summary>
    public static bool IsValid(string email) =>
        email.IndexOf('@', StringComparison.Ordinal) is > 0 and <= LocalPartMaxLength && Address().IsMatch(email);

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Address();
}
