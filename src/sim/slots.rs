//! `Slots`: an ordered map for the pod store and the due queue, where
//! `BTreeMap` was used before.
//!
//! Why not `BTreeMap`: each instantiation brings its own node code (4 to 5 KB
//! of wasm each). Why not a plain sorted
//! `Vec`: these maps hold thousands of entries, and removals land anywhere
//! (scale-down picks its victims by readiness and a random tie-break).
//!
//! So: a `VecDeque` in key order, where a removed entry leaves a tombstone
//! (its key stays, for the binary search) and tombstones are swept out once
//! they are half of the entries: removal is amortised O(1) after an
//! O(log n) search. Inserting shifts the shorter side of the deque, so keys
//! must mostly arrive at the ends: pods get increasing ids, and queue
//! entries come due later than those queued before. (The readiness index in
//! `pods.rs` is not a `Slots`: pods Ready at the same moment enter it in
//! random tie-break order, which made 20,000 replicas 2.5 times slower here.
//! It appends and sorts that instant's entries when it is next read.)

use std::collections::VecDeque;

#[derive(Clone, Debug)]
pub struct Slots<K, V> {
    entries: VecDeque<(K, Option<V>)>,
    dead: usize,
}

impl<K, V> Default for Slots<K, V> {
    fn default() -> Self {
        Slots { entries: VecDeque::new(), dead: 0 }
    }
}

/// Below this many tombstones, sweeping is not worth a pass.
const SWEEP_MIN: usize = 32;

impl<K: Ord, V> Slots<K, V> {
    pub fn len(&self) -> usize {
        self.entries.len() - self.dead
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The index of the first entry (live or not) whose key is not less than `key`.
    fn lower_bound(&self, key: &K) -> usize {
        self.entries.partition_point(|(k, _)| k < key)
    }

    fn position(&self, key: &K) -> Option<usize> {
        let i = self.lower_bound(key);
        (i < self.entries.len() && self.entries[i].0 == *key).then_some(i)
    }

    pub fn get(&self, key: &K) -> Option<&V> {
        self.position(key).and_then(|i| self.entries[i].1.as_ref())
    }

    pub fn get_mut(&mut self, key: &K) -> Option<&mut V> {
        let i = self.position(key)?;
        self.entries[i].1.as_mut()
    }

    pub fn contains_key(&self, key: &K) -> bool {
        self.get(key).is_some()
    }

    /// Inserts or replaces; returns the value replaced.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        let i = self.lower_bound(&key);
        if i < self.entries.len() && self.entries[i].0 == key {
            let old = self.entries[i].1.replace(value);
            if old.is_none() {
                self.dead -= 1;
            }
            return old;
        }
        self.entries.insert(i, (key, Some(value)));
        None
    }

    pub fn remove(&mut self, key: &K) -> Option<V> {
        let i = self.position(key)?;
        let value = self.entries[i].1.take()?;
        self.dead += 1;
        self.trim();
        Some(value)
    }

    /// Drops tombstones at both ends, and all of them once they are half.
    fn trim(&mut self) {
        while self.entries.front().is_some_and(|(_, v)| v.is_none()) {
            self.entries.pop_front();
            self.dead -= 1;
        }
        while self.entries.back().is_some_and(|(_, v)| v.is_none()) {
            self.entries.pop_back();
            self.dead -= 1;
        }
        if self.dead >= SWEEP_MIN && self.dead * 2 >= self.entries.len() {
            self.entries.retain(|(_, v)| v.is_some());
            self.dead = 0;
        }
    }

    /// The live entries in key order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> {
        self.entries.iter().filter_map(|(k, v)| v.as_ref().map(|v| (k, v)))
    }

    /// The live entries from `key` on (inclusive).
    pub fn iter_from(&self, key: &K) -> impl Iterator<Item = (&K, &V)> {
        let start = self.lower_bound(key);
        self.entries.range(start..).filter_map(|(k, v)| v.as_ref().map(|v| (k, v)))
    }

    /// The live entries after `key` (exclusive).
    pub fn iter_after(&self, key: &K) -> impl Iterator<Item = (&K, &V)> {
        let start = self.entries.partition_point(|(k, _)| k <= key);
        self.entries.range(start..).filter_map(|(k, v)| v.as_ref().map(|v| (k, v)))
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> {
        self.entries.iter().filter_map(|(_, v)| v.as_ref())
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.entries.iter_mut().filter_map(|(_, v)| v.as_mut())
    }

    /// The first live entry (the ends never hold tombstones).
    pub fn first(&self) -> Option<(&K, &V)> {
        self.iter().next()
    }

    pub fn first_mut(&mut self) -> Option<(&K, &mut V)> {
        self.entries.front_mut().and_then(|(k, v)| v.as_mut().map(|v| (&*k, v)))
    }

    /// Removes the first live entry.
    pub fn pop_first(&mut self) -> Option<(K, V)> {
        let (key, value) = self.entries.pop_front()?;
        let value = value.expect("the ends never hold tombstones");
        self.trim();
        Some((key, value))
    }

    /// The value for `key`, inserted with `make` if missing.
    pub fn get_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        let i = self.lower_bound(&key);
        if i < self.entries.len() && self.entries[i].0 == key {
            if self.entries[i].1.is_none() {
                self.dead -= 1;
            }
        } else {
            self.entries.insert(i, (key, None));
        }
        self.entries[i].1.get_or_insert_with(make)
    }
}

#[cfg(test)]
mod tests {
    use super::Slots;
    use std::collections::BTreeMap;

    /// Random operations agree with a `BTreeMap` (a small LCG keeps it deterministic).
    #[test]
    fn agrees_with_a_btree_map() {
        let mut ours: Slots<u32, u32> = Slots::default();
        let mut theirs: BTreeMap<u32, u32> = BTreeMap::new();
        let mut x: u64 = 7;
        let mut next = |n: u32| {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((x >> 33) % n as u64) as u32
        };
        for step in 0..20_000 {
            let key = next(300);
            match next(5) {
                0 | 1 => assert_eq!(ours.insert(key, step), theirs.insert(key, step)),
                2 | 3 => assert_eq!(ours.remove(&key), theirs.remove(&key)),
                _ => {
                    let a = ours.pop_first();
                    let b = theirs.pop_first();
                    assert_eq!(a, b);
                }
            }
            assert_eq!(ours.len(), theirs.len());
            assert_eq!(ours.get(&key), theirs.get(&key));
            if step % 97 == 0 {
                let a: Vec<(&u32, &u32)> = ours.iter().collect();
                let b: Vec<(&u32, &u32)> = theirs.iter().collect();
                assert_eq!(a, b);
                let a: Vec<(&u32, &u32)> = ours.iter_from(&key).collect();
                let b: Vec<(&u32, &u32)> = theirs.range(key..).collect();
                assert_eq!(a, b);
                let a: Vec<(&u32, &u32)> = ours.iter_after(&key).collect();
                let b: Vec<(&u32, &u32)> = theirs.range(key + 1..).collect();
                assert_eq!(a, b);
            }
        }
    }
}
