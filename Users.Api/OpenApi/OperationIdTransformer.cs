using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Users.Api.OpenApi;

/// <summary>
/// Every operation gets an <c>operationId</c>, <c>{Controller}_{Action}</c> (<c>Users_Create</c>, <c>Auth_SignUp</c>):
/// stable names for generated clients (NSwag splits them into a client per controller) instead of names made from the
/// method and the path. An operation whose XML docs have no remarks is described by its summary, which documentation
/// tools show in place of a description.
/// </summary>
public sealed class OperationIdTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor is ControllerActionDescriptor action)
        {
            operation.OperationId = $"{action.ControllerName}_{action.ActionName}";
        }

        if (string.IsNullOrWhiteSpace(operation.Description) && !string.IsNullOrWhiteSpace(operation.Summary))
        {
            operation.Description = operation.Summary;
        }

        return Task.CompletedTask;
    }
}
