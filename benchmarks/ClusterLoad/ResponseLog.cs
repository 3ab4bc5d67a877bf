using System.Globalization;

/// <summary>
/// Every answer as "unix-ms kind status" (status 0: no answer, with why), and every 201 of a create as "id email",
/// flushed at once, so what was acknowledged is on disk even if the run is killed.
/// </summary>
internal sealed class ResponseLog : IDisposable
{
    private readonly Lock _gate = new();
    private readonly StreamWriter _responses;
    private readonly StreamWriter _created;

    public ResponseLog(string directory)
    {
        Directory.CreateDirectory(directory);
        _responses = new StreamWriter(Path.Combine(directory, "responses.tsv")) { AutoFlush = true };
        _created = new StreamWriter(Path.Combine(directory, "created.tsv")) { AutoFlush = true };
    }

    public void Answer(string kind, int status, string? error = null)
    {
        var line = string.Create(
            CultureInfo.InvariantCulture, $"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}\t{kind}\t{status}\t{error ?? "-"}");
        lock (_gate)
        {
            _responses.WriteLine(line);
        }
    }

    public void Created(Guid id, string email)
    {
        lock (_gate)
        {
            _created.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{id}\t{email}"));
        }
    }

    public void Dispose()
    {
        _responses.Dispose();
        _created.Dispose();
    }
}
