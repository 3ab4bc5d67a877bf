using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.Options;

namespace Users.Api.Auth;

/// <summary>
/// Decides, without the framework's per-request policy evaluation, the one case that is most of the traffic: an
/// endpoint that asks only for a signed-in caller (a bare <c>[Authorize]</c> under the default policy) and a caller
/// who is signed in. Every other request (anonymous callers, roles, named policies, schemes, a changed default
/// policy) goes to ASP.NET Core's authorization middleware unchanged, so every challenge and denial stays the
/// framework's. Evaluating the default policy costs a scoped evaluator, a handler context and an AppContext switch
/// read under a global lock on every request; this costs a dictionary lookup.
/// </summary>
public sealed class SignedInCallerEndpoints
{
    private readonly bool _defaultPolicyIsSignedInCaller;
    private readonly ConcurrentDictionary<Endpoint, bool> _endpoints = new();

    public SignedInCallerEndpoints(IOptions<AuthorizationOptions> options)
    {
        var policy = options.Value.DefaultPolicy;
        _defaultPolicyIsSignedInCaller =
            policy.AuthenticationSchemes.Count == 0 && policy.Requirements is [DenyAnonymousAuthorizationRequirement];
    }

    /// <summary>Whether the framework would let this request through on the default policy alone.</summary>
    public bool Admit(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true } &&
        context.GetEndpoint() is { } endpoint &&
        _endpoints.GetOrAdd(endpoint, AsksOnlyForSignedInCaller);

    private bool AsksOnlyForSignedInCaller(Endpoint endpoint)
    {
        var metadata = endpoint.Metadata;
        var authorize = metadata.GetOrderedMetadata<IAuthorizeData>();
        return _defaultPolicyIsSignedInCaller &&
            authorize.Count > 0 &&
            authorize.All(data => string.IsNullOrEmpty(data.Policy) && string.IsNullOrEmpty(data.Roles) && string.IsNullOrEmpty(data.AuthenticationSchemes)) &&
            metadata.GetMetadata<IAllowAnonymous>() is null &&
            metadata.GetMetadata<AuthorizationPolicy>() is null &&
            metadata.GetMetadata<IAuthorizationRequirementData>() is null;
    }
}
