//! Raw deflate (RFC 1951) for share links, small rather than fast.
//!
//! The encoder: LZ77 over a 32 KB window with hash chains and one-step lazy
//! matching, written with the fixed Huffman codes. A link's JSON is a few
//! kilobytes at most, so the dynamic-code tables of a full encoder
//! (miniz_oxide's, 10 KB of the web bundle) buy a few percent of link length
//! at most. The decoder reads any deflate stream (stored, fixed and dynamic
//! blocks: links written by other encoders too), after zlib's `puff.c`: a
//! symbol decoded a bit at a time, a few kilobytes of the bundle where
//! miniz_oxide's table-driven inflate took three times that.

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

/// Why a deflate stream could not be inflated.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum InflateError {
    /// It inflates to more than the limit.
    TooLarge,
    /// It is not a deflate stream, or it is cut short.
    Corrupt,
}

/// The bytes a raw deflate stream (no zlib header) inflates to, at most
/// `limit` of them. Bytes after the final block are ignored.
pub fn inflate(data: &[u8], limit: usize) -> Result<Vec<u8>, InflateError> {
    let mut input = BitReader { data, at: 0, acc: 0, count: 0 };
    let mut out = Vec::new();
    // Built at the first fixed block (a stream may hold many small ones).
    let mut fixed = None;
    loop {
        let last = input.bits(1)? == 1;
        match input.bits(2)? {
            0 => input.stored(&mut out, limit)?,
            1 => {
                let (lengths, distances) = fixed.get_or_insert_with(fixed_codes);
                codes(&mut input, &mut out, limit, lengths, distances)?;
            }
            2 => {
                let (lengths, distances) = dynamic_codes(&mut input)?;
                codes(&mut input, &mut out, limit, &lengths, &distances)?;
            }
            _ => return Err(InflateError::Corrupt),
        }
        if last {
            return Ok(out);
        }
    }
}

struct BitReader<'a> {
    data: &'a [u8],
    at: usize,
    acc: u32,
    count: u32,
}

impl BitReader<'_> {
    /// The next `n` (at most 16) bits, least significant first.
    fn bits(&mut self, n: u32) -> Result<u32, InflateError> {
        while self.count < n {
            let byte = *self.data.get(self.at).ok_or(InflateError::Corrupt)?;
            self.at += 1;
            self.acc |= (byte as u32) << self.count;
            self.count += 8;
        }
        let value = self.acc & ((1 << n) - 1);
        self.acc >>= n;
        self.count -= n;
        Ok(value)
    }

    /// A stored block: byte-aligned LEN, its complement, then the bytes.
    fn stored(&mut self, out: &mut Vec<u8>, limit: usize) -> Result<(), InflateError> {
        self.acc = 0;
        self.count = 0;
        let header = self.data.get(self.at..self.at + 4).ok_or(InflateError::Corrupt)?;
        let len = u16::from_le_bytes([header[0], header[1]]);
        if len != !u16::from_le_bytes([header[2], header[3]]) {
            return Err(InflateError::Corrupt);
        }
        self.at += 4;
        let bytes = self.data.get(self.at..self.at + len as usize).ok_or(InflateError::Corrupt)?;
        if out.len() + bytes.len() > limit {
            return Err(InflateError::TooLarge);
        }
        out.extend_from_slice(bytes);
        self.at += len as usize;
        Ok(())
    }
}

const MAX_BITS: usize = 15;

/// A canonical Huffman code: how many codes have each length, and the
/// symbols in code order.
struct Huffman {
    count: [u16; MAX_BITS + 1],
    symbols: Vec<u16>,
    /// Every code of every length is used.
    complete: bool,
}

impl Huffman {
    /// The code with these code lengths (0: the symbol is not used). An
    /// over-subscribed set is corrupt; an incomplete one is built (reading
    /// one of its missing codes is corrupt), and `complete` tells.
    fn new(lengths: &[u8]) -> Result<Huffman, InflateError> {
        let mut count = [0u16; MAX_BITS + 1];
        for &len in lengths {
            count[len as usize] += 1;
        }
        let mut left: i32 = 1;
        for &n in &count[1..] {
            left = (left << 1) - n as i32;
            if left < 0 {
                return Err(InflateError::Corrupt);
            }
        }
        let complete = left == 0;
        let mut offsets = [0u16; MAX_BITS + 2];
        for len in 1..=MAX_BITS {
            offsets[len + 1] = offsets[len] + count[len];
        }
        let mut symbols = vec![0u16; lengths.len()];
        for (symbol, &len) in lengths.iter().enumerate() {
            if len != 0 {
                symbols[offsets[len as usize] as usize] = symbol as u16;
                offsets[len as usize] += 1;
            }
        }
        Ok(Huffman { count, symbols, complete })
    }

    /// A dynamic block's literal/length or distance code may be incomplete
    /// only when it is a single code of length 1 (as zlib and puff.c read it).
    fn check_incomplete(self) -> Result<Huffman, InflateError> {
        let codes: u16 = self.count[1..].iter().sum();
        if self.complete || codes == self.count[1] && codes <= 1 {
            Ok(self)
        } else {
            Err(InflateError::Corrupt)
        }
    }

    /// The next symbol, its code read a bit at a time (most significant first).
    fn decode(&self, input: &mut BitReader) -> Result<u16, InflateError> {
        let (mut code, mut first, mut index) = (0i32, 0i32, 0i32);
        for &count in &self.count[1..] {
            code |= input.bits(1)? as i32;
            let count = count as i32;
            if code - first < count {
                return Ok(self.symbols[(index + code - first) as usize]);
            }
            index += count;
            first = (first + count) << 1;
            code <<= 1;
        }
        Err(InflateError::Corrupt)
    }
}

/// The fixed codes of RFC 1951 3.2.6.
fn fixed_codes() -> (Huffman, Huffman) {
    let mut lengths = [8u8; 288];
    lengths[144..256].fill(9);
    lengths[256..280].fill(7);
    let lengths = Huffman::new(&lengths).expect("the fixed literal/length code is complete");
    let distances = Huffman::new(&[5u8; 30]).expect("the fixed distance code is not over-subscribed");
    (lengths, distances)
}

/// A dynamic block's codes, read from its header (RFC 1951 3.2.7).
fn dynamic_codes(input: &mut BitReader) -> Result<(Huffman, Huffman), InflateError> {
    const ORDER: [usize; 19] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
    let literals = input.bits(5)? as usize + 257;
    let distances = input.bits(5)? as usize + 1;
    let code_lengths = input.bits(4)? as usize + 4;
    if literals > 286 || distances > 30 {
        return Err(InflateError::Corrupt);
    }
    let mut lengths = [0u8; 19];
    for &symbol in &ORDER[..code_lengths] {
        lengths[symbol] = input.bits(3)? as u8;
    }
    let length_code = Huffman::new(&lengths)?;
    if !length_code.complete {
        return Err(InflateError::Corrupt);
    }
    let mut lengths = vec![0u8; literals + distances];
    let mut i = 0;
    while i < lengths.len() {
        let (value, repeat) = match length_code.decode(input)? {
            len @ 0..=15 => (len as u8, 1),
            16 => (*lengths[..i].last().ok_or(InflateError::Corrupt)?, 3 + input.bits(2)?),
            17 => (0, 3 + input.bits(3)?),
            _ => (0, 11 + input.bits(7)?),
        };
        let end = i + repeat as usize;
        lengths.get_mut(i..end).ok_or(InflateError::Corrupt)?.fill(value);
        i = end;
    }
    if lengths[256] == 0 {
        return Err(InflateError::Corrupt); // no end-of-block code
    }
    Ok((
        Huffman::new(&lengths[..literals])?.check_incomplete()?,
        Huffman::new(&lengths[literals..])?.check_incomplete()?,
    ))
}

/// A compressed block's symbols, up to its end-of-block code.
fn codes(
    input: &mut BitReader,
    out: &mut Vec<u8>,
    limit: usize,
    lengths: &Huffman,
    distances: &Huffman,
) -> Result<(), InflateError> {
    loop {
        let symbol = lengths.decode(input)? as usize;
        if symbol < 256 {
            if out.len() >= limit {
                return Err(InflateError::TooLarge);
            }
            out.push(symbol as u8);
            continue;
        }
        if symbol == 256 {
            return Ok(());
        }
        let (first, extra) = *LENGTHS.get(symbol - 257).ok_or(InflateError::Corrupt)?;
        let len = first as usize + input.bits(extra as u32)? as usize;
        let symbol = distances.decode(input)? as usize;
        let (first, extra) = *DISTANCES.get(symbol).ok_or(InflateError::Corrupt)?;
        let dist = first as usize + input.bits(extra as u32)? as usize;
        if dist > out.len() {
            return Err(InflateError::Corrupt);
        }
        if out.len() + len > limit {
            return Err(InflateError::TooLarge);
        }
        // Byte by byte: a match may overlap what it copies (dist < len).
        let from = out.len() - dist;
        for k in 0..len {
            out.push(out[from + k]);
        }
    }
}
