using Microsoft.Extensions.Options;

namespace Users.Api.Auth;

/// <summary>
/// The keys of <c>Jwt:Keys</c>: every one verifies tokens and is published at <c>/.well-known/jwks.json</c>; the one
/// named by <c>Jwt:SigningKeyId</c> signs new tokens. In Development with no keys configured, a key is generated on
/// first run and kept in an ignored file, so tokens survive restarts.
/// </summary>
public sealed class JwtKeyRing
{
    public const string DevelopmentKeyId = "development";

    private JwtKeyRing(IReadOnlyList<SigningKey> keys, SigningKey signer)
    {
        Keys = keys;
        Signer = signer;
    }

    public IReadOnlyList<SigningKey> Keys { get; }

    public SigningKey Signer { get; }

    public static JwtKeyRing Create(IOptions<JwtOptions> options, IHostEnvironment environment) =>
        TryCreate(options.Value, environment, out var errors) ?? throw new OptionsValidationException(JwtOptions.Section, typeof(JwtOptions), errors);

    /// <summary>Loads the configured keys, or says in <paramref name="errors"/> which setting is wrong and why.</summary>
    public static JwtKeyRing? TryCreate(JwtOptions options, IHostEnvironment environment, out List<string> errors)
    {
        errors = [];
        var configured = options.Keys;
        var settingOf = (int i) => $"{JwtOptions.Section}:Keys:{i}";
        if (configured.Count == 0 && environment.IsDevelopment())
        {
            var path = Path.Combine(environment.ContentRootPath, options.DevelopmentKeyFile);
            configured = [new JwtKeyOptions { Id = DevelopmentKeyId, PemFile = DevelopmentKey(path) }];
            settingOf = _ => $"The development key {path} ({JwtOptions.Section}:DevelopmentKeyFile; delete the file to make a new one)";
        }

        if (configured.Count == 0)
        {
            errors.Add($"{JwtOptions.Section}:Keys is not set: configure an ES256 (P-256) private key as {JwtOptions.Section}:Keys:0:Id and " +
                $"{JwtOptions.Section}:Keys:0:PemFile (or :Pem); the README shows how to make one.");
            return null;
        }

        var keys = new List<SigningKey>();
        for (var i = 0; i < configured.Count; i++)
        {
            if (Load(configured[i], settingOf(i), environment.ContentRootPath, errors) is { } key)
            {
                keys.Add(key);
            }
        }

        foreach (var duplicate in keys.GroupBy(key => key.Id, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            errors.Add($"{JwtOptions.Section}:Keys gives the id '{duplicate.Key}' more than once; every key needs its own id.");
        }

        var signer = ChooseSigner(options, keys, errors);
        return errors.Count == 0 && signer is not null ? new JwtKeyRing(keys, signer) : null;
    }

    private static SigningKey? Load(JwtKeyOptions options, string setting, string contentRoot, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(options.Id))
        {
            errors.Add($"{setting}:Id is not set: every key needs the id its tokens carry as 'kid'.");
            return null;
        }

        string pem;
        if (!string.IsNullOrWhiteSpace(options.Pem))
        {
            pem = options.Pem;
        }
        else if (!string.IsNullOrWhiteSpace(options.PemFile))
        {
            // Relative to the content root, like every other file the service's settings name.
            var path = Path.Combine(contentRoot, options.PemFile);
            if (!File.Exists(path))
            {
                errors.Add($"{setting}:PemFile names a file that does not exist: {path}");
                return null;
            }

            pem = File.ReadAllText(path);
        }
        else
        {
            errors.Add($"{setting} has neither Pem nor PemFile.");
            return null;
        }

        var key = SigningKey.TryLoad(options.Id, pem, out var error);
        if (key is null)
        {
            errors.Add($"{setting} {error}");
        }

        return key;
    }

    private static SigningKey? ChooseSigner(JwtOptions options, List<SigningKey> keys, List<string> errors)
    {
        var setting = $"{JwtOptions.Section}:SigningKeyId";
        if (options.SigningKeyId is { Length: > 0 } id)
        {
            var named = keys.FirstOrDefault(key => key.Id == id);
            if (named is not { CanSign: true })
            {
                errors.Add(named is null
                    ? $"{setting} names '{id}', which is not one of {JwtOptions.Section}:Keys."
                    : $"{setting} names '{id}', which is a public key: the signing key needs its private part.");
            }

            return named;
        }

        var signers = keys.Where(key => key.CanSign).ToList();
        if (signers.Count == 1)
        {
            return signers[0];
        }

        errors.Add(signers.Count == 0
            ? $"{JwtOptions.Section}:Keys holds no private key, so no key can sign tokens."
            : $"{setting} is not set and {JwtOptions.Section}:Keys holds {signers.Count} private keys: name the one that signs.");
        return null;
    }

    /// <summary>The development key's file, made with a new key unless it exists; returns its path.</summary>
    private static string DevelopmentKey(string path)
    {
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var file = new StreamWriter(path, options);
            file.Write(SigningKey.CreatePrivatePem());
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance starting at the same moment made it first; both use that one.
        }

        return path;
    }
}
