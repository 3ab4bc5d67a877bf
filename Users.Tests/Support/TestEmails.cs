namespace Users.Tests.Support;

/// <summary>Valid email addresses of a chosen length, made long by the domain (the local part stops at 64).</summary>
public static class TestEmails
{
    private const string Local = "ada@";
    private const string TopLevel = ".com";
    private const int LabelMaxLength = 63;

    public static string OfLength(int length)
    {
        // k labels of at most 63 characters and the k - 1 dots between them fill the rest of the domain.
        var body = length - Local.Length - TopLevel.Length;
        var labels = (body + LabelMaxLength) / (LabelMaxLength + 1);
        var letters = body - (labels - 1);
        var parts = Enumerable.Range(0, labels).Select(i => new string('d', (letters / labels) + (i < letters % labels ? 1 : 0)));
        return Local + string.Join('.', parts) + TopLevel;
    }
}
