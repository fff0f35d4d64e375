//! `circo-don communes REGISTRY --out DIR`: a registry that lists its communes, split
//! for all of France ([`crate::config::communes`]): `DIR/` gets the registry without its
//! communes, its `communes_url` naming `communes/`, and `DIR/communes/KEY.json`, one
//! file a search key, for a page to load only when a donor's search needs it (this
//! version of the widget does not read them yet: `docs/communes-widget.patch`).
//! Everything else in the registry is kept as written.

use std::path::{Path, PathBuf};

use clap::{ArgGroup, Args};

use super::Output;
use crate::builder::communes::{split, Refused, FOLDER};
use crate::builder::words::plural;
use crate::i18n::{Lang, Text};

pub(super) const COMMUNES_HELP: &str = "\
Writes, in the folder given by --out, the registry without its communes (its
communes_url set to communes/) and communes/KEY.json: each file holds the communes
a search starting with KEY (three letters or digits: sai, eti, 420) can find, so
that a donor's page need load only the few it needs (this version of the widget
does not read them yet: it searches such a registry by department and
circonscription, not by town). Publish the folder as it is, the registry and its
communes/ side by side. A registry with errors prints check's
report and exits 1, writing nothing. With --zip, the same files in one zip file,
the registry at its root (as the builder page gives them). The registry keeps its
file name when it is made of ASCII letters, digits, '-', '_' and '.' and ends in
.json; any other is written as registre.json (the name the page's snippet must use).

Examples:
  circo-don communes demo/registry.json --out target/communes-demo
  circo-don communes demo/registry.json --zip target/communes-demo.zip";

/// `circo-don communes`' arguments.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("to").required(true).args(["out", "zip"])))]
pub struct CommunesArgs {
    /// The registry, listing its circos' communes (`communes`, `circo.communes`).
    #[arg(value_name = "REGISTRY")]
    source: String,
    /// The folder to write (created if need be).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// The zip file to write instead (its folder created if need be): the registry at
    /// its root, beside communes/.
    #[arg(long, value_name = "FILE")]
    zip: Option<PathBuf>,
}

pub fn communes(args: &CommunesArgs) -> Output {
    let source = &args.source;
    let text = match super::check::read_source("communes", source) {
        Ok(text) => text,
        Err(unread) => return unread.output("communes", source),
    };
    // Named as the builder names it, from the last part of the path or address.
    let (_, name) = crate::builder::words::communes_names(source);
    let layout = match split(&text) {
        Ok(layout) => layout,
        Err(Refused::Errors(loaded)) => return Output::fail(1, super::check::text_report(source, &loaded)),
        Err(refused) => return Output::fail(2, format!("communes: {source} : {}\n", refused.why())),
    };
    let (count, files) = (layout.communes, layout.files.len());
    // clap requires exactly one of --out and --zip.
    let (written, at) = match (&args.zip, &args.out) {
        (Some(zip), _) => (write_zip(&layout, &name, zip), zip.display().to_string()),
        (None, Some(out)) => {
            let written = std::fs::create_dir_all(out.join(FOLDER)).and_then(|()| layout.paths(&name).try_for_each(|(path, text)| std::fs::write(out.join(path), text)));
            (written, out.display().to_string())
        }
        (None, None) => return Output::fail(2, "communes: --out DIR | --zip FILE\n".to_owned()),
    };
    match written {
        Ok(()) => Output::ok(format!(
            "{}\n",
            Text::new(
                format!("communes : {} en {} ({FOLDER}CLÉ.json), et {name} sans ses communes, dans {at}", plural(count, "commune", "communes", Lang::Fr), plural(files, "fichier", "fichiers", Lang::Fr)),
                format!("communes: {} in {} ({FOLDER}KEY.json), and {name} without its communes, in {at}", plural(count, "commune", "communes", Lang::En), plural(files, "file", "files", Lang::En)),
            )
        )),
        Err(e) => Output::fail(2, format!("communes: {at} : {}\n", Text::new(format!("écriture impossible : {e}"), format!("cannot write: {e}")))),
    }
}

/// Writes the layout's zip to `file`, creating its folder if need be.
fn write_zip(layout: &crate::builder::communes::Layout, name: &str, file: &Path) -> std::io::Result<()> {
    let bytes = crate::widget::zip::zip_layout(layout, name).map_err(|e| std::io::Error::other(e.to_string()))?;
    if let Some(parent) = file.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(file, bytes)
}
