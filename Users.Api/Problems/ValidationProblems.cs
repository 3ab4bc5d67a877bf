using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Users.Api.Problems;

/// <summary>
/// Builds the 400 problem for requests that fail binding or validation, keyed by the camelCase field names
/// clients send (<c>email</c>, not <c>$.email</c> or <c>Email</c>); errors about the body as a whole go under <c>body</c>.
/// </summary>
public static class ValidationProblems
{
    public const string BodyKey = "body";
    public const string Detail = "See the errors for which fields are wrong and why.";

    public static IActionResult Create(ActionContext context)
    {
        var factory = context.HttpContext.RequestServices.GetRequiredService<ProblemDetailsFactory>();
        var problem = factory.CreateValidationProblemDetails(context.HttpContext, new ModelStateDictionary());
        var bodyType = context.ActionDescriptor.Parameters
            .FirstOrDefault(parameter => parameter.BindingInfo?.BindingSource == BindingSource.Body)?.ParameterType;
        foreach (var (key, entry) in context.ModelState)
        {
            if (entry.Errors.Count == 0)
            {
                continue;
            }

            var field = FieldName(key);
            var messages = entry.Errors.Select(error => Message(bodyType, field, error));
            problem.Errors[field] = problem.Errors.TryGetValue(field, out var existing)
                ? [.. existing, .. messages]
                : [.. messages];
        }

        problem.Detail = Detail;
        return new BadRequestObjectResult(problem) { ContentTypes = { ContentTypes.Problem, ContentTypes.Json } };
    }

    private static string FieldName(string key)
    {
        // "$.email" from the JSON reader, "Email" from a validator, "" or "request"/"$" for the body as a whole.
        var path = key.StartsWith('$') ? key.TrimStart('$').TrimStart('.') : key;
        if (path.Length == 0 || path.Equals("request", StringComparison.OrdinalIgnoreCase))
        {
            return BodyKey;
        }

        return string.Join('.', path.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
    }

    private static string Message(Type? bodyType, string field, ModelError error)
    {
        if (!string.IsNullOrEmpty(error.ErrorMessage))
        {
            return error.ErrorMessage;
        }

        if (field == BodyKey)
        {
            return "The request body is not a valid JSON object.";
        }

        // The JSON reader's own messages name .NET types, so they are not passed on; say the same thing in API terms.
        var properties = bodyType?.GetProperties(BindingFlags.Public | BindingFlags.Instance) ?? [];
        var property = properties.FirstOrDefault(property => JsonNamingPolicy.CamelCase.ConvertName(property.Name) == field);
        if (property is null)
        {
            var known = string.Join(", ", properties.Select(property => $"'{JsonNamingPolicy.CamelCase.ConvertName(property.Name)}'"));
            return $"'{field}' is not a field of this request; it takes {known}.";
        }

        if (error.Exception is JsonException json && json.Message.StartsWith("Duplicate", StringComparison.Ordinal))
        {
            return $"'{field}' is given more than once.";
        }

        return (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) switch
        {
            var type when type == typeof(string) => $"'{field}' must be a string.",
            var type when type == typeof(bool) => $"'{field}' must be true or false.",
            var type when type.IsEnum => $"'{field}' must be one of {string.Join(", ", Enum.GetNames(type).Select(name => $"'{JsonNamingPolicy.CamelCase.ConvertName(name)}'"))}.",
            _ => $"'{field}' is not valid JSON of the expected type.",
        };
    }
}
