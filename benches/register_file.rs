//! Speed of the register file (src/register/file.rs), measured natively: opening and
//! saving a register each derive its key with Argon2id at `KdfParams::CURRENT`, slow by
//! design (64 MiB, three passes). Run with `make bench`. The page runs the same code in
//! wasm, about two to three times slower, once per opening and once per save.

use std::hint::black_box;
use std::time::Instant;

use circo_don::register::file::{self, KdfParams};

fn main() {
    let p = KdfParams::CURRENT;
    println!("circo-don register file (native, release, one core)\n");
    println!("Argon2id: {} KiB, {} passes, {} lanes", p.memory_kib, p.iterations, p.lanes);
    // A register of 2 000 gifts is about 1 MB of JSON: the cipher's share is small.
    let plain = vec![b'x'; 1 << 20];
    let runs = 5u32;
    let start = Instant::now();
    let mut sealed = Vec::new();
    for i in 0..runs {
        sealed = file::seal(black_box(&plain), "cheval agrafe batterie correcte", [i as u8; 16], [7; 24]);
    }
    let seal_ms = start.elapsed().as_millis() / u128::from(runs);
    let start = Instant::now();
    for _ in 0..runs {
        black_box(file::open(black_box(&sealed), "cheval agrafe batterie correcte").map(|p| p.len()).unwrap_or(0));
    }
    let open_ms = start.elapsed().as_millis() / u128::from(runs);
    println!("{:<44} {seal_ms:>6} ms/call  ({runs} calls)", "seal a 1 MiB register");
    println!("{:<44} {open_ms:>6} ms/call  ({runs} calls)", "open a 1 MiB register");
}
