//! A small raw-deflate encoder (RFC 1951) for share links: LZ77 over a
//! 32 KB window with hash chains and one-step lazy matching, written with
//! the fixed Huffman codes. A link's JSON is a few kilobytes at most, so the
//! dynamic-code tables of a full encoder (miniz_oxide's, 10 KB of the web
//! bundle) buy a few percent of link length at most. Decoding stays with
//! miniz_oxide's inflate, which reads any deflate stream.

/// Raw deflate of `data` (no zlib header), in fixed-Huffman blocks.
pub fn deflate(data: &[u8]) -> Vec<u8> {
    let mut out = BitWriter::default();
    out.bits(1, 1); // BFINAL: one block
    out.bits(1, 2); // BTYPE 01: fixed Huffman codes
    let mut matcher = Matcher::new(data.len());
    let mut at = 0;
    while at < data.len() {
        let here = matcher.longest(data, at);
        matcher.insert(data, at);
        // Lazy by one: a longer match at the next byte wins over this one.
        if let Some((len, _)) = here {
            if let Some((next_len, _)) = matcher.longest(data, at + 1) {
                if next_len > len {
                    out.literal(data[at]);
                    at += 1;
                    continue;
                }
            }
        }
        match here {
            Some((len, dist)) => {
                out.length(len);
                out.distance(dist);
                for i in at + 1..at + len {
                    matcher.insert(data, i);
                }
                at += len;
            }
            None => {
                out.literal(data[at]);
                at += 1;
            }
        }
    }
    out.symbol(256); // end of block
    out.finish()
}

const WINDOW: usize = 32 * 1024;
const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = 258;
const HASH_BITS: u32 = 15;
/// Candidates tried per position (enough for a few-KB JSON document).
const MAX_CHAIN: usize = 128;

/// Hash chains: `head[hash]` is the latest position with that 3-byte hash,
/// `prev[pos]` the one before it.
struct Matcher {
    head: Vec<usize>,
    prev: Vec<usize>,
}

const NONE: usize = usize::MAX;

impl Matcher {
    fn new(len: usize) -> Matcher {
        Matcher {
            head: vec![NONE; 1 << HASH_BITS],
            prev: vec![NONE; len],
        }
    }

    fn hash(data: &[u8], at: usize) -> Option<usize> {
        let b = data.get(at..at + MIN_MATCH)?;
        let v = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        Some((v.wrapping_mul(0x9E37_79B1) >> (32 - HASH_BITS)) as usize)
    }

    fn insert(&mut self, data: &[u8], at: usize) {
        if let Some(h) = Matcher::hash(data, at) {
            self.prev[at] = self.head[h];
            self.head[h] = at;
        }
    }

    /// The longest earlier match for `data[at..]`: (length, distance).
    fn longest(&self, data: &[u8], at: usize) -> Option<(usize, usize)> {
        let h = Matcher::hash(data, at)?;
        let limit = (data.len() - at).min(MAX_MATCH);
        let mut best: Option<(usize, usize)> = None;
        let mut candidate = self.head[h];
        for _ in 0..MAX_CHAIN {
            if candidate == NONE || at - candidate > WINDOW {
                break;
            }
            let len = data[candidate..]
                .iter()
                .zip(&data[at..at + limit])
                .take_while(|(a, b)| a == b)
                .count();
            if len >= MIN_MATCH && best.is_none_or(|(l, _)| len > l) {
                best = Some((len, at - candidate));
                if len == limit {
                    break;
                }
            }
            candidate = self.prev[candidate];
        }
        best
    }
}

/// Length codes 257..=285: (first length, extra bits).
const LENGTHS: [(u16, u8); 29] = [
    (3, 0), (4, 0), (5, 0), (6, 0), (7, 0), (8, 0), (9, 0), (10, 0), (11, 1), (13, 1), (15, 1), (17, 1),
    (19, 2), (23, 2), (27, 2), (31, 2), (35, 3), (43, 3), (51, 3), (59, 3), (67, 4), (83, 4), (99, 4),
    (115, 4), (131, 5), (163, 5), (195, 5), (227, 5), (258, 0),
];

/// Distance codes 0..=29: (first distance, extra bits).
const DISTANCES: [(u16, u8); 30] = [
    (1, 0), (2, 0), (3, 0), (4, 0), (5, 1), (7, 1), (9, 2), (13, 2), (17, 3), (25, 3), (33, 4), (49, 4),
    (65, 5), (97, 5), (129, 6), (193, 6), (257, 7), (385, 7), (513, 8), (769, 8), (1025, 9), (1537, 9),
    (2049, 10), (3073, 10), (4097, 11), (6145, 11), (8193, 12), (12289, 12), (16385, 13), (24577, 13),
];

/// The code (first, extra bits) whose range holds `value`.
fn code_for(table: &[(u16, u8)], value: usize) -> (usize, u16, u8) {
    let i = table.iter().rposition(|(first, _)| *first as usize <= value).unwrap_or(0);
    (i, table[i].0, table[i].1)
}

#[derive(Default)]
struct BitWriter {
    bytes: Vec<u8>,
    acc: u64,
    count: u32,
}

impl BitWriter {
    /// `n` bits of `value`, least significant first (deflate's bit order).
    fn bits(&mut self, value: u32, n: u32) {
        self.acc |= (value as u64) << self.count;
        self.count += n;
        while self.count >= 8 {
            self.bytes.push(self.acc as u8);
            self.acc >>= 8;
            self.count -= 8;
        }
    }

    /// A Huffman code: written most significant bit first.
    fn code(&mut self, code: u32, len: u32) {
        let reversed = code.reverse_bits() >> (32 - len);
        self.bits(reversed, len);
    }

    /// A literal/length symbol in the fixed code (RFC 1951 3.2.6).
    fn symbol(&mut self, sym: u16) {
        let sym = sym as u32;
        match sym {
            0..=143 => self.code(0x30 + sym, 8),
            144..=255 => self.code(0x190 + sym - 144, 9),
            256..=279 => self.code(sym - 256, 7),
            _ => self.code(0xC0 + sym - 280, 8),
        }
    }

    fn literal(&mut self, byte: u8) {
        self.symbol(byte as u16);
    }

    fn length(&mut self, len: usize) {
        let (i, first, extra) = code_for(&LENGTHS, len);
        self.symbol(257 + i as u16);
        self.bits((len - first as usize) as u32, extra as u32);
    }

    fn distance(&mut self, dist: usize) {
        let (i, first, extra) = code_for(&DISTANCES, dist);
        self.code(i as u32, 5);
        self.bits((dist - first as usize) as u32, extra as u32);
    }

    fn finish(mut self) -> Vec<u8> {
        if self.count > 0 {
            self.bytes.push(self.acc as u8);
        }
        self.bytes
    }
}
