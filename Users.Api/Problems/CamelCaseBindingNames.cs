using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Users.Api.Problems;

/// <summary>
/// Binds the properties of the application's request types under their camelCase names, so query parameters,
/// validation keys and the OpenAPI document all say <c>limit</c> where the C# type says <c>Limit</c>.
/// </summary>
public sealed class CamelCaseBindingNames : IBindingMetadataProvider, IDisplayMetadataProvider
{
    private static readonly System.Reflection.Assembly ApplicationAssembly = typeof(Application.Users.UserService).Assembly;

    public void CreateBindingMetadata(BindingMetadataProviderContext context)
    {
        if (context.Key.MetadataKind == ModelMetadataKind.Property &&
            context.Key.ContainerType?.Assembly == ApplicationAssembly &&
            context.BindingMetadata.BinderModelName is null &&
            context.Key.Name is { } name)
        {
            context.BindingMetadata.BinderModelName = JsonNamingPolicy.CamelCase.ConvertName(name);
        }
    }

    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        // Binding messages ("The value 'abc' is not valid for limit.") then name the field as clients spell it.
        if (context.Key.MetadataKind == ModelMetadataKind.Property &&
            context.Key.ContainerType?.Assembly == ApplicationAssembly &&
            context.Key.Name is { } name)
        {
            var camelCase = JsonNamingPolicy.CamelCase.ConvertName(name);
            context.DisplayMetadata.DisplayName = () => camelCase;
        }
    }
}
