//! The invariants of ARCHITECTURE.md that a reader could break without noticing, read
//! from the code as Rust (syn), not as text:
//! - the core uses no web crate, no clock, no file system, network or printing, and no
//!   floating point (money is integer cents): imports (`use` trees, grouped ones too),
//!   paths in expressions, types, attributes and macro bodies, and literals;
//! - no legal figure or legal date is written outside `src/law/rules.rs`, as a literal
//!   or in a doc comment (the statutory texts of `src/law/texts.rs` quote the law's own
//!   words, and their tests tie those figures to the table);
//! - every bilingual template (`fill`, `fill_both`, `say`, `error_with`...) has as many
//!   `{}` as the arguments it is given.
//!
//! The files are found from the crate's roots (`src/lib.rs` and the binaries) through
//! their `mod` declarations; items compiled only for tests (`#[cfg(test)]`, `#[test]`)
//! are left out (tests may use what they like). The shells (`src/widget`, `src/cli`,
//! `src/builder_page`, `src/main.rs`) are exempt from the first invariant only.
//! Ordinary `//` comments are not code and are not read.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use proc_macro2::{TokenStream, TokenTree};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::visit::{self, Visit};
use syn::{Attribute, Expr, ImplItem, Item, Lit, Meta, Token, UseTree};

use circo_don::law::rules::{self, Figure};

// Reading the crate.

/// Whether a `cfg` predicate holds only when compiling tests.
fn cfg_needs_test(meta: &Meta) -> bool {
    match meta {
        Meta::Path(p) => p.is_ident("test"),
        Meta::List(list) => {
            let args: Vec<Meta> = list.parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated).map(|a| a.into_iter().collect()).unwrap_or_default();
            if list.path.is_ident("all") {
                args.iter().any(cfg_needs_test)
            } else if list.path.is_ident("any") {
                !args.is_empty() && args.iter().all(cfg_needs_test)
            } else {
                false
            }
        }
        Meta::NameValue(_) => false,
    }
}

/// Whether an item with these attributes is compiled only for tests.
fn test_only(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|a| a.path().is_ident("test") || (a.path().is_ident("cfg") && a.parse_args::<Meta>().is_ok_and(|m| cfg_needs_test(&m))))
}

fn item_attrs(item: &Item) -> &[Attribute] {
    match item {
        Item::Const(i) => &i.attrs,
        Item::Enum(i) => &i.attrs,
        Item::ExternCrate(i) => &i.attrs,
        Item::Fn(i) => &i.attrs,
        Item::ForeignMod(i) => &i.attrs,
        Item::Impl(i) => &i.attrs,
        Item::Macro(i) => &i.attrs,
        Item::Mod(i) => &i.attrs,
        Item::Static(i) => &i.attrs,
        Item::Struct(i) => &i.attrs,
        Item::Trait(i) => &i.attrs,
        Item::TraitAlias(i) => &i.attrs,
        Item::Type(i) => &i.attrs,
        Item::Union(i) => &i.attrs,
        Item::Use(i) => &i.attrs,
        _ => &[],
    }
}

/// `items` without what is compiled only for tests, in inline modules and impl blocks too.
fn strip_tests(items: &mut Vec<Item>) {
    items.retain(|i| !test_only(item_attrs(i)));
    for item in items {
        match item {
            Item::Mod(m) => {
                if let Some((_, inner)) = &mut m.content {
                    strip_tests(inner);
                }
            }
            Item::Impl(i) => i.items.retain(|ii| match ii {
                ImplItem::Fn(f) => !test_only(&f.attrs),
                ImplItem::Const(c) => !test_only(&c.attrs),
                _ => true,
            }),
            _ => {}
        }
    }
}

/// A source file of the crate: its path under `src/` and its syntax without tests.
struct Source {
    rel: PathBuf,
    file: syn::File,
}

/// The `#[path = "…"]` of a module declaration, if any.
fn path_attr(attrs: &[Attribute]) -> Option<String> {
    attrs.iter().find(|a| a.path().is_ident("path")).and_then(|a| match &a.meta {
        Meta::NameValue(nv) => match &nv.value {
            Expr::Lit(l) => match &l.lit {
                Lit::Str(s) => Some(s.value()),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    })
}

/// The files the `mod name;` declarations of `items` name, found in `dir` (or beside
/// `here` for a `#[path]`), sorted into those compiled outside tests and test-only ones.
fn declared_modules(items: &[Item], dir: &Path, here: &Path, files: &mut Vec<PathBuf>, test_files: &mut Vec<PathBuf>) {
    for item in items {
        let Item::Mod(m) = item else { continue };
        let name = m.ident.to_string();
        match &m.content {
            Some((_, inner)) => declared_modules(inner, &dir.join(&name), here, files, test_files),
            None => {
                let file = match path_attr(&m.attrs) {
                    Some(p) => here.parent().unwrap().join(p),
                    None if dir.join(format!("{name}.rs")).exists() => dir.join(format!("{name}.rs")),
                    None => dir.join(&name).join("mod.rs"),
                };
                if test_only(&m.attrs) {
                    test_files.push(file);
                } else {
                    files.push(file);
                }
            }
        }
    }
}

/// Every file of the crate reached from its roots, and the files of test-only modules.
fn crate_sources() -> (Vec<Source>, Vec<PathBuf>) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut todo: Vec<PathBuf> = ["lib.rs", "main.rs", "builder_page/main.rs", "register_page/main.rs"].iter().map(|r| src.join(r)).collect();
    let (mut sources, mut test_files) = (Vec::new(), Vec::new());
    while let Some(path) = todo.pop() {
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut file = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let stem = path.file_stem().unwrap().to_str().unwrap();
        let dir = if ["lib", "main", "mod"].contains(&stem) { path.parent().unwrap().to_owned() } else { path.with_extension("") };
        declared_modules(&file.items, &dir, &path, &mut todo, &mut test_files);
        strip_tests(&mut file.items);
        sources.push(Source { rel: path.strip_prefix(&src).unwrap().to_owned(), file });
    }
    sources.sort_by(|a, b| a.rel.cmp(&b.rel));
    (sources, test_files)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn is_shell(rel: &Path) -> bool {
    rel.starts_with("widget") || rel.starts_with("cli") || rel.starts_with("builder_page") || rel.starts_with("register_page") || rel == Path::new("main.rs")
}

/// Where the law may write its own figures: the table, and the statutory texts it quotes.
fn may_state_the_law(rel: &Path) -> bool {
    rel == Path::new("law/rules.rs") || rel == Path::new("law/texts.rs")
}

// The legal figures.

/// The rules table's distinctive figures: integers as code writes them (in euros and in
/// cents), and the words a text writes them with (`4 600`, `4,600`, `66`, `1,26`, `7UF`,
/// `2025-10-09`, `2018`...). Figures that are also everyday numbers (20 %, 60 %, 5 years,
/// the 6th month, 7, 10, 14 or 18, one cent, 0,15 €, and the 15 000 € party cap, which
/// does not apply to candidates) would match loop bounds, lengths, timeouts and dates:
/// they are left to review and to the table's own tests. So are amounts in cents under
/// 1 000 € (`15_000` is also 15 s) except where code builds `Cents` from them.
#[derive(Debug, Default)]
struct Figures {
    integers: BTreeSet<u128>,
    /// Amounts in cents that are figures only as an argument of `Cents::…(…)`.
    cents: BTreeSet<u128>,
    words: BTreeSet<String>,
}

impl Figures {
    fn of_the_table() -> Figures {
        let mut f = Figures::default();
        for rule in rules::rules().iter().filter(|r| r.id != rules::RuleId::PartyCapNotApplicable) {
            match rule.figure {
                Figure::Percent(p) if p.0 % 10 != 0 => f.number(p.0 as u128),
                Figure::Amount(c) | Figure::AmountPerInhabitant(c) | Figure::Penalty { fine: c, .. } if c.get() >= 100 => f.amount(c.get() as u128),
                Figure::Ratio { num, den } => {
                    f.integers.insert(num as u128);
                    let (whole, part) = (num / den, num % den);
                    let digits = den.to_string().len() - 1;
                    for mark in [',', '.'] {
                        f.words.insert(format!("{whole}{mark}{part:0digits$}"));
                    }
                }
                Figure::TaxBox(b) => {
                    f.words.insert(b.to_owned());
                }
                _ => {}
            }
            if let Some(since) = rule.since {
                f.date(since);
            }
        }
        f.date(rules::IN_FORCE_ON);
        f.date(rules::VERIFICATION_OF_PAYEE_SINCE);
        f
    }

    /// An integer, and its writings: plain, and grouped by three with each mark people
    /// and rustfmt use.
    fn number(&mut self, n: u128) {
        self.integers.insert(n);
        let plain = n.to_string();
        self.words.insert(plain.clone());
        if plain.len() > 3 {
            for mark in [" ", "\u{A0}", "\u{202F}", ",", ".", "_"] {
                let mut grouped = String::new();
                for (i, d) in plain.chars().enumerate() {
                    if i > 0 && (plain.len() - i).is_multiple_of(3) {
                        grouped.push_str(mark);
                    }
                    grouped.push(d);
                }
                self.words.insert(grouped);
            }
        }
    }

    /// An amount in cents: in whole euros and in cents.
    fn amount(&mut self, cents: u128) {
        if cents.is_multiple_of(100) {
            self.number(cents / 100);
        }
        if cents >= 100_000 {
            self.number(cents);
        } else {
            self.cents.insert(cents);
        }
    }

    /// A date of the table (`2025-10-09`, or a year): the date, and the year of a rule's
    /// start, which is how sentences write it (`depuis octobre 2025`). The table's own
    /// check date ([`rules::IN_FORCE_ON`]) counts as a whole date only.
    fn date(&mut self, date: &str) {
        self.words.insert(date.to_owned());
        if date != rules::IN_FORCE_ON {
            if let Some(year) = date.get(..4).and_then(|y| y.parse::<u128>().ok()) {
                self.number(year);
            }
        }
    }

    /// The figures `text` writes as numbers of their own (not inside a longer number).
    fn in_text(&self, text: &str) -> Vec<&str> {
        let joins = |c: char| matches!(c, ' ' | '\u{A0}' | '\u{202F}' | ',' | '.' | '_');
        self.words
            .iter()
            .filter(|w| {
                text.match_indices(w.as_str()).any(|(i, _)| {
                    let mut before = text[..i].chars().rev();
                    let mut after = text[i + w.len()..].chars();
                    let (b, bb) = (before.next(), before.next());
                    let (a, aa) = (after.next(), after.next());
                    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
                    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
                    let inside_a_number = (b.is_some_and(joins) && digit(bb)) || (a.is_some_and(joins) && digit(aa));
                    !(word(b) || word(a) || inside_a_number)
                })
            })
            .map(String::as_str)
            .collect()
    }
}

// The checks.

/// Paths the core must not name: the browser and the web crates belong to the widget
/// shell, files, network, clock, processes and printing to the shells.
const FORBIDDEN_ROOTS: &[&[&str]] = &[
    &["web_sys"],
    &["js_sys"],
    &["wasm_bindgen"],
    &["wasm_bindgen_futures"],
    &["yew"],
    &["gloo"],
    &["gloo_timers"],
    &["tokio"],
    &["std", "fs"],
    &["std", "io"],
    &["std", "net"],
    &["std", "time"],
    &["std", "process"],
    &["std", "env"],
    &["std", "thread"],
];

/// Names the core must not use wherever they stand: floating point (money is integer
/// cents) and the clock's types.
const FORBIDDEN_NAMES: &[&str] = &["f64", "f32", "SystemTime", "Instant"];

/// Macros that write to the process's output.
const PRINTING_MACROS: &[&str] = &["print", "println", "eprint", "eprintln", "dbg"];

/// The functions that fill a template's `{}` with their last argument, a slice, and
/// the places of their templates among their arguments.
const FILLERS: &[(&str, &[usize])] = &[("fill", &[0]), ("fill_both", &[0, 1]), ("say", &[1, 2]), ("error_with", &[2, 3]), ("warning_with", &[2, 3])];

fn filler(name: &syn::Ident) -> Option<&'static [usize]> {
    FILLERS.iter().find(|(f, _)| name == f).map(|(_, at)| *at)
}

struct Checker<'a> {
    rel: String,
    core: bool,
    /// `None` where the law states its figures.
    figures: Option<&'a Figures>,
    breaches: BTreeSet<String>,
    templates: usize,
}

impl Checker<'_> {
    fn breach(&mut self, span: proc_macro2::Span, what: String) {
        self.breaches.insert(format!("{}:{}: {what}", self.rel, span.start().line));
    }

    fn path(&mut self, segments: &[String], span: proc_macro2::Span) {
        if !self.core {
            return;
        }
        for root in FORBIDDEN_ROOTS {
            if segments.len() >= root.len() && segments.iter().zip(root.iter()).all(|(s, r)| s == r) {
                self.breach(span, format!("the core names `{}`", segments.join("::")));
            }
        }
        for s in segments.iter().filter(|s| FORBIDDEN_NAMES.contains(&s.as_str())) {
            self.breach(span, format!("the core names `{s}`"));
        }
    }

    fn literal(&mut self, lit: &Lit, doc: bool) {
        let span = lit.span();
        match lit {
            Lit::Float(_) if self.core => self.breach(span, "a floating-point literal in the core".into()),
            Lit::Int(i) => {
                if self.core && ["f32", "f64"].contains(&i.suffix()) {
                    self.breach(span, format!("a floating-point literal in the core: {i}"));
                }
                if let (Some(figures), Ok(n)) = (self.figures, i.base10_parse::<u128>()) {
                    if figures.integers.contains(&n) {
                        self.breach(span, format!("the legal figure {n} (write the rules table's constant)"));
                    }
                }
            }
            Lit::Str(s) => {
                if let Some(figures) = self.figures {
                    let found = figures.in_text(&s.value()).join(", ");
                    if !found.is_empty() {
                        let place = if doc { "a doc comment" } else { "a string" };
                        self.breach(span, format!("{place} writes the legal figure {found} (read it from the rules table)"));
                    }
                }
            }
            _ => {}
        }
    }

    /// Tokens syn leaves unparsed (macro bodies, attribute arguments): their paths and
    /// literals.
    fn tokens(&mut self, tokens: TokenStream) {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let mut i = 0;
        while i < trees.len() {
            match &trees[i] {
                TokenTree::Group(g) => self.tokens(g.stream()),
                TokenTree::Literal(l) => self.literal(&Lit::new(l.clone()), false),
                TokenTree::Ident(first) => {
                    let mut segments = vec![first.to_string()];
                    while let (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b)), Some(TokenTree::Ident(next))) = (trees.get(i + 1), trees.get(i + 2), trees.get(i + 3)) {
                        if a.as_char() != ':' || b.as_char() != ':' {
                            break;
                        }
                        segments.push(next.to_string());
                        i += 3;
                    }
                    if PRINTING_MACROS.contains(&segments[0].as_str()) && matches!(trees.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == '!') && self.core {
                        self.breach(first.span(), format!("the core prints (`{}!`)", segments[0]));
                    }
                    self.path(&segments, first.span());
                }
                TokenTree::Punct(_) => {}
            }
            i += 1;
        }
    }

    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &UseTree) {
        match tree {
            UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_tree(prefix, &p.tree);
                prefix.pop();
            }
            UseTree::Name(n) => self.used(prefix, &n.ident.to_string(), n.ident.span()),
            UseTree::Rename(r) => self.used(prefix, &r.ident.to_string(), r.ident.span()),
            UseTree::Glob(g) => self.used(prefix, "*", g.span()),
            UseTree::Group(g) => g.items.iter().for_each(|t| self.use_tree(prefix, t)),
        }
    }

    fn used(&mut self, prefix: &[String], last: &str, span: proc_macro2::Span) {
        let mut full = prefix.to_vec();
        if last != "self" {
            full.push(last.to_owned());
        }
        self.path(&full, span);
    }

    /// A template and its arguments: each literal template (or `lang.pick(fr, en)`) has
    /// as many `{}` as the literal slice given last.
    fn filled(&mut self, span: proc_macro2::Span, at: &[usize], args: &[&Expr]) {
        let Some(last) = args.last() else { return };
        let given = match last {
            Expr::Reference(r) => match &*r.expr {
                Expr::Array(a) => a.elems.len(),
                _ => return,
            },
            _ => return,
        };
        let literal = |e: &Expr| match e {
            Expr::Lit(l) => match &l.lit {
                Lit::Str(s) => Some(s.value()),
                _ => None,
            },
            _ => None,
        };
        let mut templates = Vec::new();
        for arg in at.iter().filter_map(|&i| args.get(i)) {
            match arg {
                Expr::MethodCall(m) if m.method == "pick" => templates.extend(m.args.iter().filter_map(literal)),
                other => templates.extend(literal(other)),
            }
        }
        for t in templates {
            self.templates += 1;
            let wanted = t.matches("{}").count();
            if wanted != given {
                self.breach(span, format!("the template {t:?} has {wanted} `{{}}` but {given} argument(s)"));
            }
        }
    }
}

impl<'ast> Visit<'ast> for Checker<'_> {
    fn visit_path(&mut self, p: &'ast syn::Path) {
        let segments: Vec<String> = p.segments.iter().map(|s| s.ident.to_string()).collect();
        self.path(&segments, p.span());
        visit::visit_path(self, p);
    }

    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        self.use_tree(&mut Vec::new(), &u.tree);
    }

    fn visit_item_extern_crate(&mut self, c: &'ast syn::ItemExternCrate) {
        self.path(&[c.ident.to_string()], c.ident.span());
    }

    fn visit_lit(&mut self, lit: &'ast Lit) {
        self.literal(lit, false);
    }

    fn visit_attribute(&mut self, attr: &'ast Attribute) {
        match &attr.meta {
            Meta::NameValue(nv) if attr.path().is_ident("doc") => {
                if let Expr::Lit(l) = &nv.value {
                    self.literal(&l.lit, true);
                }
            }
            Meta::List(list) => {
                self.visit_path(&list.path);
                self.tokens(list.tokens.clone());
            }
            _ => visit::visit_attribute(self, attr),
        }
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        let name = mac.path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default();
        if self.core && PRINTING_MACROS.contains(&name.as_str()) {
            self.breach(mac.path.span(), format!("the core prints (`{name}!`)"));
        }
        self.visit_path(&mac.path);
        // A body of expressions (`format!`, `vec!`, `assert!`...) is read as Rust, so that
        // the templates it holds are checked too; every body's tokens are read as well.
        if let Ok(exprs) = mac.parse_body_with(Punctuated::<Expr, Token![,]>::parse_terminated) {
            let mut inner = Checker { rel: self.rel.clone(), core: false, figures: None, breaches: BTreeSet::new(), templates: 0 };
            for e in &exprs {
                inner.visit_expr(e);
            }
            self.templates += inner.templates;
            self.breaches.extend(inner.breaches);
        }
        self.tokens(mac.tokens.clone());
    }

    fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
        if let (Expr::Path(p), Some(figures)) = (&*call.func, self.figures) {
            if p.path.segments.iter().any(|s| s.ident == "Cents") {
                for arg in &call.args {
                    if let Expr::Lit(syn::ExprLit { lit: Lit::Int(i), .. }) = arg {
                        if i.base10_parse::<u128>().is_ok_and(|n| figures.cents.contains(&n)) {
                            self.breach(i.span(), format!("the legal figure {i} cents (write the rules table's constant)"));
                        }
                    }
                }
            }
        }
        if let Expr::Path(p) = &*call.func {
            if let Some(at) = p.path.segments.last().and_then(|s| filler(&s.ident)) {
                self.filled(call.span(), at, &call.args.iter().collect::<Vec<_>>());
            }
        }
        visit::visit_expr_call(self, call);
    }

    fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
        if let Some(at) = filler(&call.method) {
            self.filled(call.span(), at, &call.args.iter().collect::<Vec<_>>());
        }
        visit::visit_expr_method_call(self, call);
    }
}

/// What the checks find in one file (its path under `src/` decides which apply), and
/// how many templates they compared with their arguments.
fn check(rel: &Path, file: &syn::File, figures: &Figures) -> (Vec<String>, usize) {
    let mut checker = Checker {
        rel: rel.display().to_string(),
        core: !is_shell(rel),
        figures: (!may_state_the_law(rel)).then_some(figures),
        breaches: BTreeSet::new(),
        templates: 0,
    };
    checker.visit_file(file);
    (checker.breaches.into_iter().collect(), checker.templates)
}

/// [`check`] on a piece of source, as if it were the file `rel`.
fn check_text(rel: &str, text: &str) -> Vec<String> {
    let mut file = syn::parse_file(text).unwrap_or_else(|e| panic!("{text}: {e}"));
    strip_tests(&mut file.items);
    check(Path::new(rel), &file, &Figures::of_the_table()).0
}

// The invariants, on the crate.

#[test]
fn every_source_file_is_reached_from_the_crate_roots() {
    let (sources, test_files) = crate_sources();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut on_disk = Vec::new();
    rust_files(&src, &mut on_disk);
    let reached: BTreeSet<PathBuf> = sources.iter().map(|s| src.join(&s.rel)).chain(test_files).collect();
    let missed: Vec<_> = on_disk.iter().filter(|p| !reached.contains(*p)).collect();
    assert!(missed.is_empty(), "files no `mod` declaration reaches: {missed:?}");
    // The core is what ARCHITECTURE.md says it is: every one of its modules is read.
    for module in ["money.rs", "date.rs", "i18n.rs", "text_safety.rs", "embed.rs", "law/mod.rs", "config/mod.rs", "payment/mod.rs", "donation/mod.rs", "builder/mod.rs", "register/mod.rs"] {
        let s = sources.iter().find(|s| s.rel == Path::new(module)).unwrap_or_else(|| panic!("{module} is not reached"));
        assert!(!is_shell(&s.rel), "{module}");
    }
    assert!(sources.iter().filter(|s| !is_shell(&s.rel)).count() >= 30, "the core's files");
}

/// What the checks find in the whole crate, sorted by invariant, and how many templates
/// were compared with their arguments.
fn crate_breaches() -> (Vec<String>, usize) {
    let figures = Figures::of_the_table();
    let (sources, _) = crate_sources();
    let (mut breaches, mut templates) = (Vec::new(), 0);
    for s in &sources {
        let (found, checked) = check(&s.rel, &s.file, &figures);
        breaches.extend(found);
        templates += checked;
    }
    (breaches, templates)
}

fn only(breaches: &[String], kind: impl Fn(&str) -> bool) -> String {
    breaches.iter().filter(|b| kind(b)).cloned().collect::<Vec<_>>().join("\n")
}

fn is_figure(breach: &str) -> bool {
    breach.contains("legal figure")
}

fn is_template(breach: &str) -> bool {
    breach.contains("the template")
}

#[test]
fn the_core_depends_on_nothing_web_no_clock_no_io_no_float() {
    let (breaches, _) = crate_breaches();
    let found = only(&breaches, |b| !is_figure(b) && !is_template(b));
    assert!(found.is_empty(), "the core must stay pure (ARCHITECTURE.md):\n{found}");
}

#[test]
fn no_legal_figure_outside_the_rules_table() {
    let figures = Figures::of_the_table();
    assert!(["4600", "4\u{202F}600", "460_000", "150", "66", "7UF", "1,26", "2025-10-09", "2025"].iter().all(|w| figures.words.contains(*w)), "{figures:?}");
    let (breaches, _) = crate_breaches();
    let found = only(&breaches, is_figure);
    assert!(found.is_empty(), "legal figures and dates belong to src/law/rules.rs (ARCHITECTURE.md):\n{found}");
}

#[test]
fn every_template_has_one_placeholder_per_argument() {
    let (breaches, templates) = crate_breaches();
    let found = only(&breaches, is_template);
    assert!(found.is_empty(), "i18n::fill leaves a `{{}}` without its argument empty in the widget:\n{found}");
    // The check reads the crate's messages, not nothing.
    assert!(templates >= 100, "only {templates} templates were compared with their arguments");
}

// The checker itself: each forbidden thing, in a core file, is found.

#[test]
fn each_forbidden_path_in_the_core_is_found_and_allowed_in_a_shell() {
    let cases = [
        "use std::fs;",
        "use std::{fs, io};",
        "use std::{collections::BTreeMap, io::Write};",
        "use std::net::TcpStream;",
        "use std::time::SystemTime;",
        "use ::std::time;",
        "use std::process::Command;",
        "use std::env;",
        "use web_sys::Window;",
        "use yew::prelude::*;",
        "use yew as y;",
        "extern crate yew;",
        "fn f() { let _ = std::fs::read(\"x\"); }",
        "fn f() { let _ = std::io::stdout(); }",
        "fn f() -> std::time::Duration { todo!() }",
        "fn f(w: &web_sys::Window) { let _ = w; }",
        "struct S { w: Option<web_sys::Element> }",
        "#[yew::function_component] fn F() -> Html { todo!() }",
        "#[derive(yew::Properties, PartialEq)] struct P;",
        "#[cfg_attr(feature = \"x\", derive(yew::Properties))] struct P;",
        "fn f(x: f64) -> i64 { x as i64 }",
        "fn f() -> i64 { (3 as f32) as i64 }",
        "fn f() -> i64 { 2.5 as i64 }",
        "const X: i64 = 1f64 as i64;",
        "fn f() -> String { format!(\"{}\", std::fs::read_to_string(\"x\").unwrap()) }",
        "fn f() -> Vec<f64> { vec![] }",
        "fn f() { println!(\"x\"); }",
        "fn f() { eprintln!(\"x\"); }",
        "fn f() { let _ = std::time::Instant::now(); }",
        "macro_rules! m { () => { std::fs::read(\"x\") }; }",
        "impl S { fn now() -> std::time::SystemTime { todo!() } }",
        "mod inner { use std::net::UdpSocket; }",
        "#[cfg(not(test))] use std::fs;",
    ];
    for source in cases {
        assert!(!check_text("money.rs", source).is_empty(), "not found in the core: {source}");
        assert!(!check_text("law/rules.rs", source).is_empty(), "not found in the rules table: {source}");
        assert_eq!(check_text("widget/app.rs", source), Vec::<String>::new(), "a shell may: {source}");
    }
    // The found line is the line of the breach.
    assert_eq!(check_text("money.rs", "use std::fmt;\n\nuse std::{fs, io};\n"), ["money.rs:3: the core names `std::fs`", "money.rs:3: the core names `std::io`"]);
}

#[test]
fn each_legal_figure_outside_the_table_is_found() {
    let cases = [
        "const CAP: i64 = 4600;",
        "const CAP: i64 = 4_600;",
        "const CAP: i64 = 460_000;",
        "fn cash() -> i64 { 150 }",
        "const CASH: Cents = Cents::new(15_000);",
        "fn cash() -> Cents { crate::money::Cents::new(15000) }",
        "const RATE: i64 = 66;",
        "const FINE: i64 = 45_000;",
        "const BASE: i64 = 38_000;",
        "const INDEX: (i64, i64) = (126, 100);",
        "const YEAR: i32 = 2025;",
        "/// At most 4 600 € per donor.\nfn f() {}",
        "/// At most 4\u{202F}600\u{A0}€ per donor.\nfn f() {}",
        "/// At most €4,600 per donor.\nfn f() {}",
        "/// Above 150 €, no cash.\nstruct S;",
        "struct S {\n    /// Each from 1 to 4600.\n    presets: Vec<i64>,\n}",
        "//! 66 % of the gift comes back.",
        "/// Multiplied by 1,26.\nfn f() {}",
        "/// Since 9 October 2025, banks verify the payee.\nfn f() {}",
        "/// In force since 2018.\nfn f() {}",
        "fn b() -> &'static str { \"box 7UF\" }",
        "const D: &str = \"2025-10-09\";",
        "const D: &str = \"2026-11-23\";",
        "fn f() -> String { format!(\"{} au-delà de 150 €\", 1) }",
        "fn f() -> Text { fill_both(\"depuis octobre 2025 {}\", \"since October 2025 {}\", &[\"x\"]) }",
        "enum E {\n    /// 4600 € at most.\n    A,\n}",
        "impl S {\n    /// 460000 cents.\n    fn f() {}\n}",
    ];
    for source in cases {
        assert!(!check_text("config/format.rs", source).is_empty(), "not found: {source}");
        assert!(!check_text("widget/form.rs", source).is_empty(), "not found in a shell: {source}");
        assert_eq!(check_text("law/rules.rs", source), Vec::<String>::new(), "the table may: {source}");
    }
}

#[test]
fn what_is_allowed_passes() {
    for source in [
        "use std::fmt::{self, Write};\nuse crate::law::rules::DONOR_CAP;\nfn f() -> i64 { DONOR_CAP.get() / 100 }",
        "/// At most the cap per donor ([`DONOR_CAP`]), 8 presets, 20 % of the ceiling.\nfn f() {}",
        "/// A French IBAN has 27 characters; 1 150 and 14 600 are other amounts.\nfn f() {}",
        "const TIMEOUT: i64 = 1500; const LEN: usize = 4601; const Y: i32 = 2027;",
        "pub const FETCH_TIMEOUT_MS: u32 = 15_000;",
        "fn f() -> String { fill(\"{} et {}\", &[\"un\", \"deux\"]) }",
        "fn f(lang: Lang) -> String { say(lang, \"{} jours\", \"{} days\", &[Arg::N(3)]) }",
        "impl V { fn f(&mut self) { self.error_with(\"presets\", CheckId::X, \"« {} »\", \"“{}”\", &[&a]); } }",
        // Tests may use what they like.
        "#[cfg(test)]\nmod tests {\n    use std::fs;\n    const CAP: i64 = 4600;\n    fn f() -> f64 { 1.5 }\n}",
        "#[cfg(all(test, not(target_arch = \"wasm32\")))]\nmod tests { use std::io; }",
        "#[test]\nfn t() { let _ = std::fs::read(\"x\"); }",
        "impl S {\n    #[cfg(test)]\n    fn now() -> std::time::SystemTime { todo!() }\n}",
    ] {
        assert_eq!(check_text("config/validate.rs", source), Vec::<String>::new(), "{source}");
    }
}

#[test]
fn a_template_and_its_arguments_that_differ_are_found() {
    for source in [
        "fn f() -> String { fill(\"{} et {}\", &[\"un\"]) }",
        "fn f() -> String { fill(\"sans marque\", &[\"x\"]) }",
        "fn f() -> Text { fill_both(\"« {} »\", \"“{}” {}\", &[\"x\"]) }",
        "fn f(lang: Lang) -> String { say(lang, \"{} et {}\", \"{} and {}\", &[Arg::N(1)]) }",
        "fn f(lang: Lang) -> String { fill(lang.pick(\"{}\", \"\"), &[\"x\"]) }",
        "impl V { fn f(&mut self) { self.error_with(\"a\", CheckId::X, \"« {} »\", \"“{}”\", &[]); } }",
        "impl V { fn f(&mut self) { self.warning_with(\"a\", CheckId::X, \"{}\", \"{}\", &[&a, &b]); } }",
        "impl V { fn f(&mut self) { self.error_with(\"presets\", CheckId::X, \"{} {}\", \"{} {}\", &[&a]); } }",
        "fn f() -> Vec<String> { vec![fill(\"{}{}\", &[\"x\"])] }",
    ] {
        let found = check_text("widget/app.rs", source);
        assert!(found.iter().any(|b| b.contains("the template")), "not found: {source}: {found:?}");
    }
}
