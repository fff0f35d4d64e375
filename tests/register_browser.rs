//! The register file's core in wasm32, in headless Chromium (wasm-bindgen-test): the
//! page derives keys and seals there, so the documented vector (schema/register-file.md,
//! computed outside circo-don) must open there too, and the real parameters must fit in
//! a tab's memory. Run by `tools/test.sh browser`, with the `register` feature.
#![cfg(all(target_arch = "wasm32", feature = "register"))]

use circo_don::register::file::{self, FileError, KdfParams};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PASS: &str = "cheval agrafe batterie correcte";
const VECTOR: &str = "434952434f524547000100000040000000010000000101010101010101010101010101010101020202020202020202020202020202020202020202020202256a07dd2f8d311aef4e9636279a0ae22ec083ad04b2cf22";

fn bytes(hex: &str) -> Vec<u8> {
    (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()).collect()
}

#[wasm_bindgen_test]
fn the_documented_vector_opens_and_is_written_again_in_wasm() {
    let vector = bytes(VECTOR);
    assert_eq!(file::open(&vector, PASS).unwrap(), b"register");
    assert_eq!(file::open(&vector, "cheval"), Err(FileError::WrongPassphrase));
    let small = KdfParams { memory_kib: 64, iterations: 1, lanes: 1 };
    assert_eq!(file::seal_with(small, b"register", PASS, [1; 16], [2; 24]).unwrap(), vector);
}

#[wasm_bindgen_test]
fn the_real_parameters_fit_in_a_tab() {
    let sealed = file::seal(b"register", PASS, [5; 16], [6; 24]);
    assert_eq!(file::header(&sealed).unwrap().params, KdfParams::CURRENT);
    assert_eq!(file::open(&sealed, PASS).unwrap(), b"register");
}
