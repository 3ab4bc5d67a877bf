using System.Globalization;

/// <summary>What to drive and how hard, from <c>--name value</c> pairs; the admin's password from the environment.</summary>
internal sealed record LoadOptions(
    Uri BaseAddress, string AdminEmail, string AdminPassword, string OutputDirectory, int Workers, int Accounts, TimeSpan SignInInterval)
{
    public const string Usage =
        "usage: ClusterLoad --base <url> --admin-email <email> --out <dir> [--workers 6] [--accounts 8] " +
        "[--sign-in-interval-ms 500]  (the admin's password in CLUSTER_LOAD_ADMIN_PASSWORD)";

    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        string Required(string name) =>
            values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"{name} is missing; {Usage}");
        int Number(string name, int fallback) =>
            values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

        var password = Environment.GetEnvironmentVariable("CLUSTER_LOAD_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            throw new ArgumentException($"CLUSTER_LOAD_ADMIN_PASSWORD is not set; {Usage}");
        }

        return new LoadOptions(
            new Uri(Required("--base")), Required("--admin-email"), password, Required("--out"),
            Number("--workers", 6), Number("--accounts", 8), TimeSpan.FromMilliseconds(Number("--sign-in-interval-ms", 500)));
    }
}
