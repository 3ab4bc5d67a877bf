namespace Users.Api.Hosting;

/// <summary>
/// Where the service reads its <c>appsettings*.json</c> and resolves relative paths (<c>Jwt:Keys:N:PemFile</c>, the
/// development key). ASP.NET Core's default is the current directory, so <c>dotnet /srv/users/Users.Api.dll</c> started
/// from anywhere else silently ran without its settings files. The default here is the folder the service's files are
/// in; a content root given explicitly still wins.
/// </summary>
public static class ContentRoot
{
    /// <summary>
    /// The app's own folder, or null when the command line (<c>--contentRoot</c>) or the environment
    /// (<c>ASPNETCORE_CONTENTROOT</c>, <c>DOTNET_CONTENTROOT</c>) names one, which the host then uses as it would.
    /// </summary>
    public static string? Default(string[] args)
    {
        // The same sources the host reads its content root from, read the same way.
        var named = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args)
            .Build()[HostDefaults.ContentRootKey];
        return string.IsNullOrEmpty(named) ? AppContext.BaseDirectory : null;
    }
}
