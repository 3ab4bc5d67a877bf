using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace Users.Api.Problems;

/// <summary>
/// FluentValidation's validator provider for MVC, asked only about the types that have a validator. FluentValidation's
/// own provider answers every bound value and property with a validator that MVC cannot cache, which then looks a
/// validator up, by reflection, on every request; here a type without one gets none, once, and MVC skips it.
/// </summary>
public sealed class ValidatedTypesValidatorProvider(ValidatedTypes validatedTypes)
    : FluentValidationModelValidatorProvider(implicitValidationEnabled: false), IMetadataBasedModelValidatorProvider
{
    public override void CreateValidators(ModelValidatorProviderContext context)
    {
        if (validatedTypes.Contains(context.ModelMetadata.ModelType))
        {
            base.CreateValidators(context);
        }
    }

    public bool HasValidators(Type modelType, IList<object> validatorMetadata) => validatedTypes.Contains(modelType);
}
