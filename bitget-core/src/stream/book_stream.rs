//! A `books` subscription kept as a local [`OrderBook`]: pushes applied as they come,
//! coalesced (a consumer that reads slowly sees the latest book, not every step), and a book
//! that cannot be vouched for resubscribed and reported, never handed out.

use super::Channel;
use super::book::{Action, BookData, OrderBook, OutOfSync};
use super::conn::{Event, Streams, Subscription};
use crate::Error;

/// What happened to a [`BookStream`]'s book.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BookEvent {
    /// The book changed (one push or several, applied).
    Updated,
    /// The book went out of sync (a lost push, a checksum mismatch, dropped pushes, a lost
    /// connection): it is empty, and the channel was asked again.
    OutOfSync(OutOfSync),
    /// A fresh snapshot arrived after the book was out of sync: it is right again.
    Resynced,
}

/// A local order book fed by a `books` channel.
#[derive(Debug)]
pub struct BookStream {
    sub: Subscription<BookData>,
    book: OrderBook,
    /// Out of sync since the last snapshot (so the next snapshot is a resync).
    broken: bool,
}

impl Streams {
    /// Subscribes to a book channel and keeps its book: `books` (a snapshot, then updates,
    /// checked by `seq`/`pseq` and the checksum), or a shallow one (`books1`, `books5`, ...,
    /// each push a snapshot).
    pub async fn book<C: Channel<Push = BookData>>(&self, channel: C) -> Result<BookStream, Error> {
        let sub = self.subscribe(channel).await?;
        Ok(BookStream {
            sub,
            book: OrderBook::new(),
            broken: false,
        })
    }
}

impl BookStream {
    /// The book as it stands: empty while out of sync ([`OrderBook::is_synced`]).
    pub fn book(&self) -> &OrderBook {
        &self.book
    }

    /// Waits for the book to change, then applies every push already waiting (coalescing);
    /// `None` once the connection task has ended.
    pub async fn next(&mut self) -> Option<Result<BookEvent, Error>> {
        let first = self.sub.next().await?;
        let mut event = self.take(first);
        // Apply what else is waiting, so a slow reader gets the latest book in one step; an
        // out-of-sync or resync event is reported at once.
        while matches!(event, Ok(BookEvent::Updated)) {
            match self.sub.try_next() {
                Some(next) => event = self.take(next),
                None => break,
            }
        }
        Some(event)
    }

    fn take(&mut self, event: Result<Event<BookData>, Error>) -> Result<BookEvent, Error> {
        match event? {
            Event::Push(push) => {
                let mut resynced = false;
                for data in push.data {
                    let was_broken = self.broken;
                    if let Err(reason) = self.book.apply_owned(push.action, data) {
                        return Ok(self.lost(reason));
                    }
                    if push.action == Action::Snapshot && was_broken {
                        self.broken = false;
                        resynced = true;
                    }
                }
                Ok(if resynced {
                    BookEvent::Resynced
                } else {
                    BookEvent::Updated
                })
            }
            Event::Lagged(n) => Ok(self.lost(OutOfSync::Dropped(n))),
            Event::Reconnecting => {
                // Nothing pushed while down is replayed: the book waits for the fresh snapshot
                // the resubscription brings.
                self.book.reset();
                self.broken = true;
                Ok(BookEvent::OutOfSync(OutOfSync::Disconnected))
            }
            Event::Resubscribed => Ok(BookEvent::Updated),
        }
    }

    fn lost(&mut self, reason: OutOfSync) -> BookEvent {
        tracing::debug!(arg = %self.sub.arg(), %reason, "book out of sync: resubscribing");
        self.book.reset();
        self.broken = true;
        self.sub.resubscribe();
        BookEvent::OutOfSync(reason)
    }
}
