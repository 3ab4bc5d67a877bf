using System.Collections.Frozen;
using FluentValidation;

namespace Users.Api.Problems;

/// <summary>
/// The types that have a FluentValidation validator registered, read once from the service collection: the only ones
/// MVC's automatic validation needs to hand to FluentValidation (see <see cref="ValidatedTypesValidatorProvider"/>).
/// </summary>
public sealed class ValidatedTypes(IServiceCollection services)
{
    private readonly Lazy<FrozenSet<Type>> _types = new(() => services
        .Select(service => service.ServiceType)
        .Where(type => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IValidator<>))
        .Select(type => type.GenericTypeArguments[0])
        .ToFrozenSet());

    /// <summary>Whether values of this type have a validator (read on first use, when every layer has registered its own).</summary>
    public bool Contains(Type type) => _types.Value.Contains(type);
}
