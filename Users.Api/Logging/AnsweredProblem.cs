using Microsoft.AspNetCore.Mvc;

namespace Users.Api.Logging;

/// <summary>
/// The problem a request is answered with, kept on the request (as a feature) when it is made, so the request log can
/// say why a 4xx was given. Validation errors are added to the same object afterwards, and so are seen too.
/// </summary>
public sealed class AnsweredProblem(ProblemDetails details)
{
    public ProblemDetails Details { get; } = details;

    /// <summary>The fields a validation problem names; never their values, which may be secrets.</summary>
    public string? Fields => Details is HttpValidationProblemDetails { Errors.Count: > 0 } validation ? string.Join(", ", validation.Errors.Keys) : null;
}
