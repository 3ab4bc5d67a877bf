using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Users.Api.Problems;

/// <summary>
/// Query values are taken as the OpenAPI document types them: a parameter given twice (<c>?limit=5&amp;limit=50</c>)
/// is refused rather than read as its first value, and an empty one of a non-text type (<c>?limit=</c>,
/// <c>?isActive=</c>) is refused rather than read as absent, and so is an integer written other than in digits
/// (<c>?limit=+5</c>, <c>?limit=%205</c>) or a boolean other than <c>true</c> or <c>false</c> (<c>?isActive=True</c>).
/// Each gets a 400 naming the parameter, like any other
/// ill-formed value. The errors go into the model state before binding, so [ApiController]'s check answers them with
/// the same problem as a binding or validation error (<see cref="ValidationProblems"/>).
/// </summary>
public sealed class StrictQueryValues(IModelMetadataProvider metadata) : IResourceFilter
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, (string Name, Type Type)>> _parametersByAction = new();

    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var query = context.HttpContext.Request.Query;
        if (query.Count == 0)
        {
            return;
        }

        var parameters = _parametersByAction.GetOrAdd(context.ActionDescriptor.Id, _ => QueryParameters(context.ActionDescriptor));
        foreach (var (name, values) in query)
        {
            if (!parameters.TryGetValue(name, out var parameter))
            {
                continue;
            }

            var (field, type) = parameter;
            if (values.Count > 1)
            {
                context.ModelState.AddModelError(field, $"'{field}' was given {values.Count} times; give it once.");
            }
            else if (string.IsNullOrEmpty(values[0]) && type != typeof(string))
            {
                context.ModelState.AddModelError(field, $"'{field}' is empty; give a value or leave it out.");
            }
            else if (type == typeof(int) && !IsPlainInteger(values[0]!))
            {
                // The number binder would take "+5" and " 5"; the document's integer is digits, with a minus at most.
                context.ModelState.AddModelError(field, $"The value '{values[0]}' is not valid for {field}: give a whole number in digits, such as 20.");
            }
            else if (type == typeof(bool) && values[0] is not ("true" or "false"))
            {
                // The boolean binder would take "True" and " true"; the document's boolean is written true or false.
                context.ModelState.AddModelError(field, $"The value '{values[0]}' is not valid for {field}: give true or false.");
            }
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }

    private static bool IsPlainInteger(string value)
    {
        var digits = value.StartsWith('-') ? value.AsSpan(1) : value.AsSpan();
        return !digits.IsEmpty && !digits.ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>The action's query parameters by name (any case), with their types: simple ones and a bound class's properties.</summary>
    private Dictionary<string, (string Name, Type Type)> QueryParameters(ActionDescriptor action)
    {
        var parameters = new Dictionary<string, (string Name, Type Type)>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in action.Parameters.Where(parameter => parameter.BindingInfo?.BindingSource == BindingSource.Query))
        {
            var model = metadata.GetMetadataForType(parameter.ParameterType);
            if (model.IsComplexType)
            {
                foreach (var property in model.Properties)
                {
                    var name = property.BinderModelName ?? property.Name!;
                    parameters[name] = (name, property.UnderlyingOrModelType);
                }
            }
            else
            {
                var name = parameter.BindingInfo?.BinderModelName ?? parameter.Name;
                parameters[name] = (name, model.UnderlyingOrModelType);
            }
        }

        return parameters;
    }
}
