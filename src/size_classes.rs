//! The browser build's memory allocator: blocks of power-of-two sizes, a
//! free list per size, new blocks cut from pages the module grows.
//!
//! Why not std's dlmalloc: its code is 2 KB of the bundle's gzip, this is a
//! tenth of that. What it gives up: a freed block is reused only by a block
//! of the same size class, and memory is never returned (wasm memory cannot
//! shrink anyway). Sizes round up to a power of two, which `Vec` and
//! `String` growth already do; the lab's heap stays a few megabytes.
//!
//! The browser build has one thread (see build/send_wrapper), so the state
//! needs no lock. The logic is plain Rust over a page source, so the native
//! tests run it on a buffer.

use core::alloc::Layout;
use core::ptr::null_mut;

/// Class `k` holds blocks of `1 << k` bytes; class 3 (8 bytes) is the
/// smallest, room for the free list's link.
const CLASSES: usize = usize::BITS as usize;
const MIN_CLASS: usize = 3;
/// wasm's page.
pub const PAGE: usize = 65536;
/// Pages asked for at least at once: memory.grow is slow, and every grow
/// makes wasm-bindgen renew its views of the memory.
const MIN_GROW_PAGES: usize = 16;

/// The size class a layout's block comes from: the smallest power of two
/// covering its size and alignment. None if there is none.
fn class_of(layout: Layout) -> Option<usize> {
    let size = layout.size().max(layout.align()).max(1 << MIN_CLASS);
    let class = (usize::BITS - (size - 1).leading_zeros()) as usize;
    (class < CLASSES).then_some(class)
}

pub struct SizeClasses {
    /// Head of each class's free list (0: empty); a free block's first word links to the next.
    free: [usize; CLASSES],
    /// Where the next new block may start, and the end of the pages grown so far.
    next: usize,
    end: usize,
}

impl SizeClasses {
    pub const fn new() -> SizeClasses {
        SizeClasses { free: [0; CLASSES], next: 0, end: 0 }
    }

    /// A block for `layout`, or null. `grow(pages)` adds pages of fresh
    /// memory and returns the address they start at.
    ///
    /// # Safety
    /// Addresses `grow` returns must be valid for reads and writes of the
    /// pages asked for, and belong to this allocator alone.
    pub unsafe fn alloc(&mut self, layout: Layout, grow: impl FnOnce(usize) -> Option<usize>) -> *mut u8 {
        let Some(class) = class_of(layout) else { return null_mut() };
        let head = self.free[class];
        if head != 0 {
            self.free[class] = *(head as *const usize);
            return head as *mut u8;
        }
        let size = 1usize << class;
        // Blocks start at a multiple of their size (up to a page), which satisfies any alignment up to it.
        let align = size.min(PAGE);
        let mut start = align_up(self.next, align);
        if start.checked_add(size).map_or(true, |end| end > self.end) {
            let Some(pages) = size.checked_add(align).map(|b| b.div_ceil(PAGE).max(MIN_GROW_PAGES)) else {
                return null_mut();
            };
            let Some(base) = grow(pages) else { return null_mut() };
            // (At the top of wasm32's 4 GiB the end would not fit a usize.)
            let Some(end) = pages.checked_mul(PAGE).and_then(|bytes| base.checked_add(bytes)) else {
                return null_mut();
            };
            if base != self.end {
                // Not contiguous with the last pages (the first grow): start afresh there.
                self.next = base;
            }
            self.end = end;
            start = align_up(self.next, align);
        }
        self.next = start + size;
        start as *mut u8
    }

    /// Returns a block to its class's free list.
    ///
    /// # Safety
    /// `ptr` must come from `alloc` (or `realloc`) with this `layout`, and not be used again.
    pub unsafe fn dealloc(&mut self, ptr: *mut u8, layout: Layout) {
        if let Some(class) = class_of(layout) {
            *(ptr as *mut usize) = self.free[class];
            self.free[class] = ptr as usize;
        }
    }

    /// The block resized: the same one while the size class stays.
    ///
    /// # Safety
    /// As `dealloc` for `ptr` and `layout`; `new_size` rounded up to `layout.align()` must not overflow.
    pub unsafe fn realloc(
        &mut self,
        ptr: *mut u8,
        layout: Layout,
        new_size: usize,
        grow: impl FnOnce(usize) -> Option<usize>,
    ) -> *mut u8 {
        let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
        if class_of(new_layout) == class_of(layout) {
            return ptr;
        }
        let moved = self.alloc(new_layout, grow);
        if !moved.is_null() {
            core::ptr::copy_nonoverlapping(ptr, moved, layout.size().min(new_size));
            self.dealloc(ptr, layout);
        }
        moved
    }
}

impl Default for SizeClasses {
    fn default() -> Self {
        Self::new()
    }
}

fn align_up(address: usize, align: usize) -> usize {
    (address + align - 1) & !(align - 1)
}

/// The global allocator of the browser build (src/main.rs).
#[cfg(target_arch = "wasm32")]
pub mod wasm {
    use super::{SizeClasses, PAGE};
    use core::alloc::{GlobalAlloc, Layout};
    use core::cell::UnsafeCell;

    pub struct Allocator(UnsafeCell<SizeClasses>);

    impl Allocator {
        pub const fn new() -> Allocator {
            Allocator(UnsafeCell::new(SizeClasses::new()))
        }
    }

    // SAFETY: the browser build has one thread (build/send_wrapper refuses a build with atomics).
    unsafe impl Sync for Allocator {}

    fn grow(pages: usize) -> Option<usize> {
        let old = core::arch::wasm32::memory_grow(0, pages);
        (old != usize::MAX).then(|| old * PAGE)
    }

    unsafe impl GlobalAlloc for Allocator {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            (*self.0.get()).alloc(layout, grow)
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            (*self.0.get()).dealloc(ptr, layout)
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            (*self.0.get()).realloc(ptr, layout, new_size, grow)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page source over a buffer, as memory.grow is over the wasm memory.
    struct Pages {
        buffer: Vec<u8>,
        used: usize,
    }

    impl Pages {
        fn new(pages: usize) -> Pages {
            Pages { buffer: vec![0; (pages + 1) * PAGE], used: 0 }
        }

        fn grow(&mut self) -> impl FnOnce(usize) -> Option<usize> + '_ {
            move |pages| {
                let first = align_up(self.buffer.as_ptr() as usize, PAGE) + self.used * PAGE;
                if first + pages * PAGE > self.buffer.as_ptr() as usize + self.buffer.len() {
                    return None;
                }
                self.used += pages;
                Some(first)
            }
        }
    }

    #[test]
    fn blocks_are_apart_aligned_and_keep_their_bytes_through_frees_and_reallocs() {
        let mut pages = Pages::new(1024);
        let mut heap = SizeClasses::new();
        // (address, layout, fill byte) of the live blocks.
        let mut live: Vec<(usize, Layout, u8)> = Vec::new();
        let mut seed = 7u64;
        let mut random = move |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        for step in 0..20_000 {
            let fill = step as u8;
            match random(3) {
                0 | 1 => {
                    let layout = Layout::from_size_align(1 + random(3000), 1 << random(7)).unwrap();
                    let p = unsafe { heap.alloc(layout, pages.grow()) };
                    assert!(!p.is_null());
                    assert_eq!(p as usize % layout.align(), 0);
                    unsafe { p.write_bytes(fill, layout.size()) };
                    live.push((p as usize, layout, fill));
                }
                _ if !live.is_empty() => {
                    let (p, layout, old_fill) = live.swap_remove(random(live.len()));
                    let bytes = unsafe { std::slice::from_raw_parts(p as *const u8, layout.size()) };
                    assert!(bytes.iter().all(|&b| b == old_fill), "a block's bytes changed under it");
                    if random(2) == 0 {
                        unsafe { heap.dealloc(p as *mut u8, layout) };
                    } else {
                        let new_size = 1 + random(5000);
                        let q = unsafe { heap.realloc(p as *mut u8, layout, new_size, pages.grow()) };
                        let kept = unsafe { std::slice::from_raw_parts(q as *const u8, layout.size().min(new_size)) };
                        assert!(kept.iter().all(|&b| b == old_fill), "realloc lost bytes");
                        unsafe { q.write_bytes(fill, new_size) };
                        live.push((q as usize, Layout::from_size_align(new_size, layout.align()).unwrap(), fill));
                    }
                }
                _ => {}
            }
        }
        let mut spans: Vec<(usize, usize)> = live.iter().map(|&(p, l, _)| (p, p + l.size())).collect();
        spans.sort();
        assert!(spans.windows(2).all(|w| w[0].1 <= w[1].0), "live blocks overlap");
        for (p, layout, fill) in live {
            let bytes = unsafe { std::slice::from_raw_parts(p as *const u8, layout.size()) };
            assert!(bytes.iter().all(|&b| b == fill));
        }
    }

    #[test]
    fn a_freed_block_is_reused_by_its_class_and_realloc_within_the_class_stays_put() {
        let mut pages = Pages::new(64);
        let mut heap = SizeClasses::new();
        let small = Layout::from_size_align(20, 4).unwrap();
        let a = unsafe { heap.alloc(small, pages.grow()) };
        unsafe { heap.dealloc(a, small) };
        let b = unsafe { heap.alloc(Layout::from_size_align(32, 8).unwrap(), pages.grow()) };
        assert_eq!(a, b, "20 and 32 bytes are both the 32-byte class");
        let grown = unsafe { heap.realloc(b, Layout::from_size_align(32, 8).unwrap(), 30, pages.grow()) };
        assert_eq!(grown, b);
        let moved = unsafe { heap.realloc(b, Layout::from_size_align(30, 8).unwrap(), 33, pages.grow()) };
        assert_ne!(moved, b);
    }

    #[test]
    fn what_the_pages_cannot_hold_is_refused_with_null() {
        let mut pages = Pages::new(32);
        let mut heap = SizeClasses::new();
        let huge = Layout::from_size_align(64 * PAGE, 8).unwrap();
        assert!(unsafe { heap.alloc(huge, pages.grow()) }.is_null());
        let beyond = Layout::from_size_align(isize::MAX as usize - 1, 1).unwrap();
        assert!(unsafe { heap.alloc(beyond, pages.grow()) }.is_null());
        assert!(!unsafe { heap.alloc(Layout::from_size_align(100, 8).unwrap(), pages.grow()) }.is_null());
    }
}
