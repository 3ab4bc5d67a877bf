namespace Users.Application.Mail;

/// <summary>Addresses of the pages that mailed links lead to, under the public base URL from the settings.</summary>
public interface IPublicLinks
{
    /// <summary>
    /// <paramref name="page"/> (e.g. <c>verify-email</c>) under the public base URL, with the token in the fragment: a
    /// fragment never reaches a server, so the token stays out of access logs and <c>Referer</c> headers; the page
    /// reads it and posts it to the API.
    /// </summary>
    Uri WithToken(string page, string token);
}
