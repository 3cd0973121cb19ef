package org.pyconcurrent.multiprocessing;

/** The job of one {@code imap} or {@code imap_unordered}: hands each chunk to the iterator. */
final class ImapJob<R> implements Job {
    final IMapIterator<R> iterator;

    ImapJob(IMapIterator<R> iterator) {
        this.iterator = iterator;
    }

    @Override
    public void taskDone(int index, Object value) {
        iterator.chunkArrived(index, value);
    }

    @Override
    public void taskFailed(int index, Throwable failure) {
        iterator.chunkArrived(index, new IMapIterator.Failure(failure));
    }
}
