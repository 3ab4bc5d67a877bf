using Microsoft.Extensions.Configuration;

namespace Users.Tests.Support;

/// <summary>
/// The smtp4dev the tests send to: from the <c>Smtp4dev</c> section of appsettings.Tests.json (what scripts/test.sh
/// starts) or the environment (<c>Smtp4dev__SmtpHost</c>, <c>Smtp4dev__SmtpPort</c>, <c>Smtp4dev__ApiUrl</c>).
/// </summary>
public static class TestMailServer
{
    private static readonly IConfigurationSection Section = TestConfiguration.Root.GetSection("Smtp4dev");

    public static string SmtpHost { get; } = Section["SmtpHost"] ?? throw Missing("SmtpHost");

    public static int SmtpPort { get; } = Section.GetValue<int?>("SmtpPort") ?? throw Missing("SmtpPort");

    /// <summary>Its web UI and HTTP API.</summary>
    public static Uri ApiUrl { get; } = new(Section["ApiUrl"] ?? throw Missing("ApiUrl"));

    /// <summary>The app's Mail settings that send to it: no TLS, no credentials.</summary>
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Mail:Host"] = SmtpHost,
        ["Mail:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Security"] = "None",
    };

    private static InvalidOperationException Missing(string key) => new($"Smtp4dev:{key} is not set (appsettings.Tests.json or Smtp4dev__{key}).");
}
