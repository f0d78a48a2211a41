//! pod-template-hash (`controller.ComputeHash`): FNV-1a over a canonical dump
//! of the template, plus the collision count, written with the safe alphabet.
//! Stable per template; not byte-identical to Kubernetes' go-spew dump.

use super::rng::SAFE_ALPHABET;
use crate::api::PodTemplateSpec;

fn fnv1a32(bytes: impl IntoIterator<Item = u8>, mut hash: u32) -> u32 {
    for b in bytes {
        hash ^= b as u32;
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash
}

/// ComputeHash(template, collisionCount).
pub fn compute_hash(template: &PodTemplateSpec, collision_count: Option<i32>) -> String {
    // Struct fields in declaration order, maps sorted: canonical.
    let dump = crate::api::to_json(template);
    let mut hash = fnv1a32(dump.bytes(), 0x811C_9DC5);
    if let Some(count) = collision_count {
        let mut buf = [0u8; 8];
        buf[..4].copy_from_slice(&(count as u32).to_le_bytes());
        hash = fnv1a32(buf, hash);
    }
    // SafeEncodeString over the decimal digits, as upstream does.
    hash.to_string()
        .bytes()
        .map(|b| SAFE_ALPHABET[b as usize % SAFE_ALPHABET.len()] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_stable_per_template_and_changes_with_it() {
        let mut t = PodTemplateSpec::default();
        t.metadata.labels.insert("app".into(), "web".into());
        let h1 = compute_hash(&t, None);
        assert_eq!(h1, compute_hash(&t.clone(), None));
        assert!(h1.bytes().all(|c| b"456789bcdf".contains(&c)), "{h1}");
        t.metadata.labels.insert("tier".into(), "x".into());
        assert_ne!(h1, compute_hash(&t, None));
        assert_ne!(compute_hash(&t, None), compute_hash(&t, Some(1)));
    }
}
