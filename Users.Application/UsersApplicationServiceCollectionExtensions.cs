using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Users.Application.Users;

namespace Users.Application;

public static class UsersApplicationServiceCollectionExtensions
{
    /// <summary>Registers the application services, their validators and mapping profiles.</summary>
    public static IServiceCollection AddUsersApplication(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<UserService>();
        services.AddValidatorsFromAssemblyContaining<UserService>(ServiceLifetime.Singleton);
        services.AddAutoMapper(typeof(UserMappingProfile));
        return services;
    }
}
