namespace Users.Domain.Imports;

/// <summary>Where a bulk import of users stands.</summary>
public enum ImportState
{
    /// <summary>The file is stored and waits for a worker.</summary>
    Queued,

    /// <summary>A worker has written at least one batch of it.</summary>
    Running,

    /// <summary>Every row was created, skipped or reported as failed.</summary>
    Succeeded,

    /// <summary>Processing gave up before the last row; rows written until then stay.</summary>
    Failed,
}
