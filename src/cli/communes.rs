//! `circo-don communes REGISTRY --out DIR`: a registry that lists its communes, split
//! for all of France ([`crate::config::communes`]): `DIR/` gets the registry without its
//! communes, its `communes_url` naming `communes/`, and `DIR/communes/KEY.json`, one
//! file a search key, which the widget loads only when a donor's search needs it.
//! Everything else in the registry is kept as written.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use clap::Args;
use serde_json::{json, Value};

use super::Output;
use crate::config::communes::commune_keys;
use crate::config::{self, Config, COMMUNES_FORMAT};
use crate::i18n::Text;

pub(super) const COMMUNES_HELP: &str = "\
Writes, in the folder given by --out, the registry without its communes (its
communes_url set to communes/) and communes/KEY.json: each file holds the communes
a search starting with KEY (three letters or digits: sai, eti, 420) can find, so
that a donor's page loads only the few it needs. Publish the folder as it is, the
registry and its communes/ side by side. A registry with errors prints check's
report and exits 1, writing nothing.

Example:
  circo-don communes demo/registry.json --out target/communes-demo";

/// `circo-don communes`' arguments.
#[derive(Debug, Args)]
pub struct CommunesArgs {
    /// The registry, listing its circos' communes (`communes`, `circo.communes`).
    #[arg(value_name = "REGISTRY")]
    source: String,
    /// The folder to write (created if need be).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
}

/// The folder's name for the commune files, beside the registry.
const FOLDER: &str = "communes/";

pub fn communes(args: &CommunesArgs) -> Output {
    let source = &args.source;
    let text = match super::check::read_source("communes", source) {
        Ok(text) => text,
        Err(unread) => return unread.output("communes", source),
    };
    // The registry to split may be over a page's limit: that is why it is split.
    let loaded = config::load_within(&text, u64::MAX);
    if loaded.has_errors() {
        return Output::fail(1, super::check::text_report(source, &loaded));
    }
    let Some(Config::Registry(registry)) = &loaded.config else {
        let not = Text::new("n’est pas un registre : seul un registre a des fichiers de communes", "is not a registry: only a registry has commune files");
        return Output::fail(2, format!("communes: {source} {not}\n"));
    };
    let Ok(mut document) = serde_json::from_str::<Value>(text.strip_prefix('\u{feff}').unwrap_or(&text)) else {
        // `load` read it already: a file it accepted is JSON serde reads too.
        let unread = Text::new("JSON illisible : vérifiez-le avec circo-don check", "unreadable JSON: check it with circo-don check");
        return Output::fail(2, format!("communes: {source} : {unread}\n"));
    };
    // Each key's file: circo by circo in the registry's order, each commune as written.
    let mut files: BTreeMap<String, Vec<(String, Vec<Value>)>> = BTreeMap::new();
    let mut count = 0;
    for entry in &registry.entries {
        for commune in &entry.communes {
            count += 1;
            let value = json!({ "name": commune.name, "insee": commune.insee, "postal_codes": commune.postal_codes });
            for key in commune_keys(commune) {
                let circos = files.entry(key).or_default();
                match circos.last_mut() {
                    Some((slug, communes)) if *slug == entry.slug => communes.push(value.clone()),
                    _ => circos.push((entry.slug.clone(), vec![value.clone()])),
                }
            }
        }
    }
    if let Some(circos) = document.get_mut("circos").and_then(Value::as_array_mut) {
        for circo in circos.iter_mut() {
            if let Some(o) = circo.as_object_mut() {
                o.remove("communes");
            }
            if let Some(o) = circo.get_mut("circo").and_then(Value::as_object_mut) {
                o.remove("communes");
            }
        }
    }
    document["communes_url"] = FOLDER.into();
    let name = Path::new(source).file_name().map_or_else(|| "registry.json".into(), |n| n.to_string_lossy().into_owned());
    let dir = args.out.join(FOLDER);
    let written = std::fs::create_dir_all(&dir).and_then(|()| {
        for (key, circos) in &files {
            let circos: Vec<Value> = circos.iter().map(|(slug, communes)| json!({ "circo": slug, "communes": communes })).collect();
            let file = json!({ "format": COMMUNES_FORMAT, "key": key, "circos": circos });
            std::fs::write(dir.join(format!("{key}.json")), format!("{file}\n"))?;
        }
        let mut registry = serde_json::to_string_pretty(&document).unwrap_or_default();
        registry.push('\n');
        if registry.len() as u64 > crate::embed::MAX_CONFIG_BYTES {
            let (size, limit) = (registry.len(), crate::embed::MAX_CONFIG_BYTES);
            let too = Text::new(format!("le registre écrit fait {size} octets, plus que les {limit} qu’une page charge : mettez les comptes en ligne dans des fichiers liés"), format!("the registry written is {size} bytes, more than the {limit} a page loads: move inline accounts to linked files"));
            return Err(std::io::Error::other(too.to_string()));
        }
        std::fs::write(args.out.join(&name), registry)
    });
    let out = args.out.display();
    match written {
        Ok(()) => Output::ok(format!(
            "{}\n",
            Text::new(
                format!("communes : {count} communes en {} fichiers dans {out}/{FOLDER}, et {out}/{name} sans ses communes", files.len()),
                format!("communes: {count} communes in {} files in {out}/{FOLDER}, and {out}/{name} without its communes", files.len()),
            )
        )),
        Err(e) => Output::fail(2, format!("communes: {out} : {}\n", Text::new(format!("écriture impossible : {e}"), format!("cannot write: {e}")))),
    }
}
