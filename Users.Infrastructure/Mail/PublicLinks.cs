using Microsoft.Extensions.Options;
using Users.Application.Mail;

namespace Users.Infrastructure.Mail;

/// <summary>Links under <c>Mail:PublicBaseUrl</c>, which the start-up validation has checked is an absolute http(s) URL.</summary>
public sealed class PublicLinks(IOptions<MailOptions> options) : IPublicLinks
{
    public Uri WithToken(string page, string token)
    {
        var baseUrl = options.Value.PublicBaseUrl!.TrimEnd('/');
        return new Uri($"{baseUrl}/{Uri.EscapeDataString(page)}#token={Uri.EscapeDataString(token)}");
    }
}
