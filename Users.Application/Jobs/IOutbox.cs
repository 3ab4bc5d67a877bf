namespace Users.Application.Jobs;

/// <summary>
/// Work that belongs to a database change (a mail to send, an import to run): staged on the request's unit of work, so
/// it is committed with the change by <see cref="Common.IUnitOfWork.SaveChangesAsync"/> or not at all, and handed to a
/// background job only after the commit. Delivery is at least once; see <see cref="IOutboxMessageHandler{TMessage}"/>.
/// </summary>
public interface IOutbox
{
    /// <summary>
    /// Stages <paramref name="message"/> (a plain record, stored as JSON) with the unit of work's other changes. Its type
    /// needs a handler registered with <see cref="OutboxRegistration.AddOutboxHandler{TMessage, THandler}"/>.
    /// </summary>
    void Add<TMessage>(TMessage message)
        where TMessage : class;
}
