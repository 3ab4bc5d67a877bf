using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;
using Users.Api.Idempotency;

namespace Users.Tests.Idempotency;

/// <summary>The header's key, bare as most clients send it or quoted as the draft writes it.</summary>
public sealed class IdempotencyKeyHeaderTests
{
    [TestCase("8e03978e-40d5-43e8-bc93-6894a57f9324", "8e03978e-40d5-43e8-bc93-6894a57f9324")]
    [TestCase("\"8e03978e-40d5-43e8-bc93-6894a57f9324\"", "8e03978e-40d5-43e8-bc93-6894a57f9324")]
    [TestCase("  padded\t", "padded")]
    [TestCase("\"say \\\"hi\\\" \\\\o/\"", "say \"hi\" \\o/")]
    [TestCase("with inner spaces", "with inner spaces")]
    public void A_well_formed_header_holds_its_key(string header, string key)
    {
        var parsed = IdempotencyKeyHeader.TryParse(new StringValues(header), out var value);

        Assert.That(parsed ? value : null, Is.EqualTo(key));
    }

    [TestCase("")]
    [TestCase("\"\"")]
    [TestCase("\"open")]
    [TestCase("\"in\"side\"")]
    [TestCase("\"trailing\\\"")]
    [TestCase("caf\u00e9")]
    [TestCase("line\nbreak")]
    public void A_malformed_header_holds_no_key(string header) =>
        Assert.That(IdempotencyKeyHeader.TryParse(new StringValues(header), out _), Is.False);

    [TestCase("8e03978e-40d5-43e8-bc93-6894a57f9324")]
    [TestCase("\"8e03978e\"")]
    [TestCase("\"say \\\"hi\\\" \\\\o/\"")]
    [TestCase("with inner spaces")]
    [TestCase("a\"b")]
    [TestCase("\\")]
    [TestCase("!")]
    [TestCase("")]
    [TestCase("\"\"")]
    [TestCase("\"")]
    [TestCase("\"open")]
    [TestCase("\"in\"side\"")]
    [TestCase("\"trailing\\\"")]
    [TestCase("\"bad \\x escape\"")]
    [TestCase("caf\u00e9")]
    [TestCase("\"caf\u00e9\"")]
    [TestCase("line\nbreak")]
    public void The_documented_pattern_takes_exactly_the_keys_the_service_takes(string header) =>
        Assert.That(
            Regex.IsMatch(header, IdempotencyKeyHeader.Pattern),
            Is.EqualTo(IdempotencyKeyHeader.TryParse(new StringValues(header), out _)));
}
