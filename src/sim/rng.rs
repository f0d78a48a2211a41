//! The simulator's one source of randomness: a seeded SplitMix64.

/// SplitMix64 (Steele, Lea, Flood): tiny, fast, and the same on every platform.
#[derive(Clone, Debug)]
pub struct Rng(u64);

/// The alphabet of generated names (apimachinery `rand.String`): no vowels, no look-alikes.
pub const SAFE_ALPHABET: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// `rand.String(n)`: n characters of the safe alphabet.
    pub fn safe_string(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| SAFE_ALPHABET[(self.next_u64() % SAFE_ALPHABET.len() as u64) as usize] as char)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_names() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        let names_a: Vec<String> = (0..5).map(|_| a.safe_string(5)).collect();
        let names_b: Vec<String> = (0..5).map(|_| b.safe_string(5)).collect();
        assert_eq!(names_a, names_b);
        assert!(names_a
            .iter()
            .all(|n| n.len() == 5 && n.bytes().all(|c| SAFE_ALPHABET.contains(&c))));
        assert_ne!(Rng::new(8).safe_string(5), names_a[0]);
    }
}
