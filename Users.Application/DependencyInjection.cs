using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Users.Application.Accounts;
using Users.Application.CleanUp;
using Users.Application.Idempotency;
using Users.Application.Imports;
using Users.Application.Jobs;
using Users.Application.Users;

namespace Users.Application;

public static class DependencyInjection
{
    /// <summary>Registers the application services, their settings, validators and mapping profiles.</summary>
    public static IServiceCollection AddUsersApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<AccountOptions>().Bind(configuration.GetSection(AccountOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccountOptions>, AccountOptionsValidator>();

        services.AddOptions<ImportOptions>().Bind(configuration.GetSection(ImportOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ImportOptions>, ImportOptionsValidator>();

        services.AddSingleton<PasswordPolicy>();
        services.AddSingleton<AccountMetrics>();
        services.AddSingleton<ImportMetrics>();
        services.AddScoped<UserService>();
        services.AddScoped<AccountService>();
        services.AddScoped<EmailVerificationService>();
        services.AddScoped<PasswordResetService>();
        services.AddScoped<MailedTokens>();
        services.AddSingleton<AccountMails>();
        services.AddOutboxHandler<VerificationMailRequested, VerificationMailJob>();
        services.AddOutboxHandler<PasswordResetRequested, PasswordResetMailJob>();
        services.AddScoped<ImportService>();
        services.AddScoped<ImportProcessor>();
        services.AddOptions<CleanUpOptions>().Bind(configuration.GetSection(CleanUpOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CleanUpOptions>, CleanUpOptionsValidator>();
        services.AddScoped<CleanUpService>();
        services.AddOptions<IdempotencyOptions>().Bind(configuration.GetSection(IdempotencyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IdempotencyOptions>, IdempotencyOptionsValidator>();
        services.AddSingleton<RequestFingerprints>();
        services.AddScoped<IdempotencyService>();
        services.AddOutboxHandler<ImportRequested, ImportJob>();
        services.AddValidatorsFromAssemblyContaining<UserService>(ServiceLifetime.Singleton);
        services.AddAutoMapper(typeof(UserMappingProfile));
        return services;
    }
}
