namespace Users.Api.Problems;

/// <summary>Gives the problems the framework writes itself (routing, media type, method) a detail that says why.</summary>
public static class ProblemDefaults
{
    public static void Customize(ProblemDetailsContext context)
    {
        context.ProblemDetails.Detail ??= context.ProblemDetails.Status switch
        {
            StatusCodes.Status404NotFound => "Nothing is at this address. User ids are UUIDs, e.g. /api/v1/users/{id}.",
            StatusCodes.Status405MethodNotAllowed => "This address does not accept the request's method.",
            StatusCodes.Status406NotAcceptable => "The API answers in application/json and application/problem+json only.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json.",
            StatusCodes.Status400BadRequest => "The request could not be read.",
            _ => null,
        };
    }
}
