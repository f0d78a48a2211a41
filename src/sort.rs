//! One sort for the whole crate. `slice::sort*` instantiates the whole of
//! driftsort/ipnsort (2–5 KB of wasm) per element type and comparator; here
//! the sorting itself is instantiated once (on indices, with a `dyn`
//! comparator) and each call site only adds a small permutation step.
//! Stable: equal elements keep their order (the comparators used are total
//! orders anyway, so results equal `sort_unstable_by`'s).

use std::cmp::Ordering;

#[inline(never)]
fn order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&a, &b| cmp(a, b));
    idx
}

/// Moves `v[idx[i]]` to `v[i]` in place by following cycles.
fn permute<T>(v: &mut [T], mut idx: Vec<usize>) {
    for i in 0..v.len() {
        if idx[i] == usize::MAX {
            continue;
        }
        let mut j = i;
        loop {
            let k = idx[j];
            idx[j] = usize::MAX;
            if k == i {
                break;
            }
            v.swap(j, k);
            j = k;
        }
    }
}

/// Short slices (the controllers sort a handful of ReplicaSets on every
/// sync) are sorted by insertion, in place, without allocating.
const INSERTION_SORT_MAX: usize = 16;

pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    if v.len() <= INSERTION_SORT_MAX {
        for i in 1..v.len() {
            let mut j = i;
            while j > 0 && cmp(&v[j - 1], &v[j]) == Ordering::Greater {
                v.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let idx = order(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    permute(v, idx);
}

pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

#[cfg(test)]
mod tests {
    #[test]
    fn sorts_stably() {
        let mut v: Vec<(u8, usize)> = [3u8, 1, 2, 1, 3, 0, 2].iter().copied().zip(0..).collect();
        super::sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(0, 5), (1, 1), (1, 3), (2, 2), (2, 6), (3, 0), (3, 4)]);
        let mut long: Vec<(u8, usize)> = (0..40).map(|i| ((i * 7 % 5) as u8, i)).collect();
        super::sort_by_key(&mut long, |p| p.0);
        assert!(
            long.windows(2)
                .all(|w| w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1)),
            "stable above the insertion-sort size too"
        );
        let mut w: Vec<u32> = (0..200u32)
            .map(|i| i.wrapping_mul(2654435761) % 97)
            .collect();
        let mut expected = w.clone();
        expected.sort();
        super::sort(&mut w);
        assert_eq!(w, expected);
    }
}
