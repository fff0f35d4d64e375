//! A registry's commune files as one zip (`builder::communes::Layout`), for the builder
//! page and `circo-don communes --zip`: a shell, since the zip crate writes through
//! `std::io` (here only into memory). Not in the donor's wasm build.

use std::io::{Cursor, Write};

use crate::builder::communes::Layout;
use crate::i18n::Text;

/// `layout` as one zip file (each file deflated, dated 1 January 1980 as zip's format
/// dates an undated file: the same registry always gives the same bytes), the registry
/// at its root as `registry_name`.
pub fn zip_layout(layout: &Layout, registry_name: &str) -> Result<Vec<u8>, Text> {
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let written: zip::result::ZipResult<()> = layout.paths(registry_name).try_for_each(|(path, text)| {
        out.start_file(path, options)?;
        out.write_all(text.as_bytes())?;
        Ok(())
    });
    let zipped = written.and_then(|()| out.finish()).map(Cursor::into_inner);
    zipped.map_err(|e| Text::new(format!("Le fichier zip n’a pas pu être écrit : {e}"), format!("The zip file could not be written: {e}")))
}
