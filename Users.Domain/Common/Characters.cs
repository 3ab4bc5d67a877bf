namespace Users.Domain.Common;

/// <summary>
/// Text length as people, JSON Schema's <c>maxLength</c> and PostgreSQL's <c>varchar(n)</c> count it: in characters (code
/// points), so an emoji is one character, not the two UTF-16 units <see cref="string.Length"/> counts.
/// </summary>
public static class Characters
{
    public static int Count(string text) => text.EnumerateRunes().Count();
}
