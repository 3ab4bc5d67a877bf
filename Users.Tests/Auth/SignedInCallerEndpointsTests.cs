using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Users.Api.Auth;

namespace Users.Tests.Auth;

/// <summary>
/// The shortcut past the framework's authorization admits exactly what the default policy would admit on its own, and
/// leaves every other request (anonymous, roles, policies, schemes, anonymous-allowed) to the framework.
/// </summary>
public sealed class SignedInCallerEndpointsTests
{
    private static readonly ClaimsPrincipal SignedIn = new(new ClaimsIdentity([new Claim("sub", "1")], "Bearer"));
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    private readonly SignedInCallerEndpoints _endpoints = new(Options.Create(new AuthorizationOptions()));

    [Test]
    public void A_signed_in_caller_of_a_bare_Authorize_endpoint_is_admitted() =>
        Assert.That(_endpoints.Admit(Request(SignedIn, new AuthorizeAttribute())), Is.True);

    [Test]
    public void An_anonymous_caller_is_left_to_the_framework() =>
        Assert.That(_endpoints.Admit(Request(Anonymous, new AuthorizeAttribute())), Is.False);

    [Test]
    public void Endpoints_asking_for_more_than_a_signed_in_caller_are_left_to_the_framework()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_endpoints.Admit(Request(SignedIn, new AuthorizeAttribute { Roles = "admin" })), Is.False, "roles");
            Assert.That(_endpoints.Admit(Request(SignedIn, new AuthorizeAttribute("Admins"))), Is.False, "a named policy");
            Assert.That(_endpoints.Admit(Request(SignedIn, new AuthorizeAttribute { AuthenticationSchemes = "Cookies" })), Is.False, "a scheme");
            Assert.That(_endpoints.Admit(Request(SignedIn, new AuthorizeAttribute(), new AuthorizeAttribute { Roles = "admin" })), Is.False, "a second, narrower attribute");
            Assert.That(_endpoints.Admit(Request(SignedIn, new AuthorizeAttribute(), new AuthorizationPolicyBuilder().RequireRole("admin").Build())), Is.False, "a policy object");
        }
    }

    [Test]
    public void Endpoints_without_authorization_or_open_to_anyone_are_left_to_the_framework()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_endpoints.Admit(Request(SignedIn)), Is.False, "no [Authorize]");
            Assert.That(_endpoints.Admit(Request(SignedIn, new AuthorizeAttribute(), new AllowAnonymousAttribute())), Is.False, "[AllowAnonymous]");
            Assert.That(_endpoints.Admit(new DefaultHttpContext { User = SignedIn }), Is.False, "no endpoint");
        }
    }

    [Test]
    public void A_default_policy_that_asks_for_more_sends_every_request_to_the_framework()
    {
        var options = new AuthorizationOptions { DefaultPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim("scope").Build() };
        var endpoints = new SignedInCallerEndpoints(Options.Create(options));

        Assert.That(endpoints.Admit(Request(SignedIn, new AuthorizeAttribute())), Is.False);
    }

    private static DefaultHttpContext Request(ClaimsPrincipal user, params object[] metadata)
    {
        var context = new DefaultHttpContext { User = user };
        context.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(metadata), "test endpoint"));
        return context;
    }
}
