//! A value computed from the whole store and kept for a while (the organisation's figures):
//! served as it is until it is older than its age limit, then served once more while one
//! request's task computes the next, so that no page waits for a count of every case but the
//! very first.

use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

pub struct Snapshot<T> {
    current: Mutex<Option<Counted<T>>>,
    refreshing: AtomicBool,
}

struct Counted<T> {
    value: Arc<T>,
    made: Instant,
    /// When it was made, in seconds since 1970, to show on the page.
    made_at: i64,
}

impl<T> Default for Snapshot<T> {
    fn default() -> Self {
        Snapshot {
            current: Mutex::new(None),
            refreshing: AtomicBool::new(false),
        }
    }
}

/// What [`Snapshot::get`] found.
pub enum Found<T> {
    /// Young enough.
    Fresh(Arc<T>, i64),
    /// Too old: shown while the caller makes the next one (it must call [`Snapshot::put`] or
    /// [`Snapshot::give_up`]).
    StaleRefreshHere(Arc<T>, i64),
    /// Too old, and another task is making the next one already.
    Stale(Arc<T>, i64),
    /// Nothing yet: the caller makes it.
    Missing,
}

impl<T> Snapshot<T> {
    pub fn get(&self, max_age: Duration) -> Found<T> {
        let current = self.current.lock().expect("snapshot lock");
        match current.as_ref() {
            None => Found::Missing,
            Some(c) if c.made.elapsed() <= max_age => Found::Fresh(c.value.clone(), c.made_at),
            Some(c) => {
                if self.refreshing.swap(true, Ordering::AcqRel) {
                    Found::Stale(c.value.clone(), c.made_at)
                } else {
                    Found::StaleRefreshHere(c.value.clone(), c.made_at)
                }
            }
        }
    }

    pub fn put(&self, value: Arc<T>, made_at: i64) {
        *self.current.lock().expect("snapshot lock") = Some(Counted {
            value,
            made: Instant::now(),
            made_at,
        });
        self.refreshing.store(false, Ordering::Release);
    }

    /// After a failed refresh: the next request tries again.
    pub fn give_up(&self) {
        self.refreshing.store(false, Ordering::Release);
    }

    /// Forgets the value (a case was deleted: the next count leaves it out).
    pub fn clear(&self) {
        *self.current.lock().expect("snapshot lock") = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_then_stale_with_one_refresher() {
        let s: Snapshot<u32> = Snapshot::default();
        assert!(matches!(s.get(Duration::from_secs(60)), Found::Missing));
        s.put(Arc::new(7), 100);
        assert!(matches!(s.get(Duration::from_secs(60)), Found::Fresh(v, 100) if *v == 7));
        // Too old: the first caller refreshes, the next one is served the old value only.
        assert!(matches!(s.get(Duration::ZERO), Found::StaleRefreshHere(v, _) if *v == 7));
        assert!(matches!(s.get(Duration::ZERO), Found::Stale(v, _) if *v == 7));
        s.give_up();
        assert!(matches!(s.get(Duration::ZERO), Found::StaleRefreshHere(..)));
        s.put(Arc::new(8), 200);
        assert!(matches!(s.get(Duration::from_secs(60)), Found::Fresh(v, 200) if *v == 8));
        s.clear();
        assert!(matches!(s.get(Duration::from_secs(60)), Found::Missing));
    }
}
