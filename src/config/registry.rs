//! A movement's registry of circos (`"format": "circo-don-registry/1"`): up to all
//! 577 circos and more, each an inline account or a link to its file; stable slugs
//! and an accent-insensitive search for the widget's circo picker, by the circo's
//! name, department and number, or by the towns and postal codes of its communes.

use std::rc::Rc;

use super::format::{AccountFile, LinkFile, ACCOUNT_FORMAT};
use super::json::{self, fields, Error, Node, Read, Reader};
use super::model::{slug, Goal, ValidAccount};
use super::problem::{join, CheckId, Problem};
use super::text::normalize;
use super::communes::{Added, NONE_ADDED};
use super::validate::{check_circo_key, check_communes, check_goal, iban_field, shorten, validate_account, Checker, MAX_TITLE_CHARS, MAX_URL_CHARS};
use super::{type_problem, type_problem_unplaced, Config};
use crate::text_safety;
use crate::i18n::{fill_both, Text};

/// A validated registry. Entries whose department or number is unusable are left out
/// (their problems are reported); an inline account with errors stays listed, so that
/// donors searching for it are told it is unavailable, but has [`Target::Invalid`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Registry {
    /// The movement's name.
    pub name: Option<String>,
    pub entries: Vec<Entry>,
    /// The folder of its commune files, as written ([`super::communes`]).
    pub communes_url: Option<String>,
}

/// One circo of a registry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Stable slug (`75-01`): see [`slug`]. Unique within the registry.
    pub slug: String,
    /// Department code, upper case.
    pub department: String,
    pub number: u16,
    pub name: String,
    pub target: Target,
    /// Position in the file's `circos` array: problems about this entry have paths
    /// starting with `circos[index]` (see [`super::Loaded::problems_of`]).
    pub index: usize,
    /// For a link: the IBAN (electronic form) and the account title the movement
    /// expects in the linked file, if it stated them ([`Entry::check_linked`]).
    pub expected_iban: Option<String>,
    pub expected_title: Option<String>,
    /// For a link: the goal and progress the movement publishes in the registry. They
    /// win over the linked file's own (the overview fetches nothing for them);
    /// [`Entry::check_linked_goal`] warns when the two disagree.
    pub goal: Option<Goal>,
    /// For a link: the circo's own page (relative to the registry's address, or
    /// `https:`), if the registry names one.
    pub page: Option<String>,
    /// The circo's communes, if the registry lists them (for the search).
    pub communes: Vec<Commune>,
    /// Normalised words searched by [`Registry::search`].
    words: Vec<String>,
}

/// A commune a registry entry lists, found by its name or a postal code. A commune
/// split between circos is listed by each, with the same INSEE code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Commune {
    pub name: String,
    /// The INSEE code (`42218`, `2A004`): what identifies a commune across entries. Not
    /// searched: a donor types a postal code, and one commune's INSEE code can be
    /// another's postal code.
    pub insee: String,
    pub postal_codes: Vec<String>,
    /// The name's words, as [`search_words`] gives them.
    words: Vec<String>,
}

impl Commune {
    pub(crate) fn new(name: String, insee: String, postal_codes: Vec<String>) -> Commune {
        let words = search_words(&name);
        Commune { name, insee, postal_codes, words }
    }

    /// The name's words as the search reads them.
    pub fn search_words(&self) -> &[String] {
        &self.words
    }

    /// Whether the query word `q` begins a word of the name or, with three digits or
    /// more, a postal code (`420` as the donor types `42000`).
    fn has(&self, q: &str) -> bool {
        if q.bytes().all(|b| b.is_ascii_digit()) {
            q.len() >= 3 && self.postal_codes.iter().any(|p| p.starts_with(q))
        } else {
            self.words.iter().any(|w| begins(w, q))
        }
    }

    /// Whether `joined`, a query with its spaces dropped, begins the name from the start
    /// of one of its words: `lhay` finds `L’Haÿ-les-Roses`, `saintetienne` `Saint-Étienne`.
    fn joined_begins(&self, joined: &str) -> bool {
        !joined.is_empty()
            && (0..self.words.len()).any(|start| {
                let mut rest = joined;
                for word in &self.words[start..] {
                    if rest.len() <= word.len() {
                        return word.starts_with(rest);
                    }
                    match rest.strip_prefix(word.as_str()) {
                        Some(after) => rest = after,
                        None => return false,
                    }
                }
                false
            })
    }

    /// Whether the query names this commune whole: its full name, or one of its postal
    /// codes. Such communes are listed first (`Saint-Étienne` before
    /// `Saint-Étienne-de-Tinée`).
    fn named_by(&self, words: &[&str], full_words: &str) -> bool {
        self.words.iter().flat_map(|w| w.bytes()).eq(full_words.bytes()) || words.iter().any(|q| self.postal_codes.iter().any(|p| p == q))
    }
}

/// The words of a name for the search: normalised (see [`normalize`]), with `st` and
/// `ste` spelt out, so that `Saint-Denis` and `St-Denis` are found alike.
fn search_words(name: &str) -> Vec<String> {
    normalize(name).split(' ').filter(|w| !w.is_empty()).map(|w| spelt_out(w).to_owned()).collect()
}

pub(crate) fn spelt_out(word: &str) -> &str {
    match word {
        "st" => "saint",
        "ste" => "sainte",
        other => other,
    }
}

/// Whether the query word `q` begins `word`; `st` and `ste` also stand for `saint`
/// and `sainte` (`st etienne`), while still beginning other words (`st` → `stade`).
fn begins(word: &str, q: &str) -> bool {
    word.starts_with(q) || spelt_out(q) == word
}

/// An entry the search found, with the communes that made it match (none when the
/// circo's own name, department or number did).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match<'r> {
    pub entry: &'r Entry,
    pub communes: Vec<&'r Commune>,
    /// The query names one of these communes whole (see [`Commune::named_by`]).
    named: bool,
}

/// Where an entry's account is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// Given inline and valid.
    Inline(Rc<ValidAccount>),
    /// To be fetched: relative to the registry's address, or `https:`. Once fetched,
    /// [`super::load`] checks it like any account file.
    Link(String),
    /// Given inline with errors (see the problems at `circos[i]`): the widget must
    /// not show its payment details.
    Invalid,
}

impl Entry {
    fn new(index: usize, department: String, number: u16, name: String, target: Target, communes: Vec<Commune>) -> Entry {
        let mut words = search_words(&name);
        words.push(department.to_ascii_lowercase());
        Entry { slug: slug(&department, number), department, number, name, target, index, expected_iban: None, expected_title: None, goal: None, page: None, communes, words }
    }

    /// Whether one word of the (normalised) query matches this circo: a number matches
    /// the department or circo number (`1`, `01`) or an ordinal in the name (`1re`);
    /// other words match the department code or begin a word of the name.
    fn matches_word(&self, q: &str) -> bool {
        if self.slug.eq_ignore_ascii_case(q) || self.department.eq_ignore_ascii_case(q) {
            return true;
        }
        if q.bytes().all(|b| b.is_ascii_digit()) {
            let n: Option<u32> = q.parse().ok();
            n == Some(u32::from(self.number))
                || self.words.iter().any(|w| w.strip_prefix(q).is_some_and(|rest| matches!(rest, "" | "e" | "er" | "re" | "eme" | "ere" | "nd" | "nde")))
        } else {
            self.words.iter().any(|w| begins(w, q))
        }
    }

    /// Whether the query's words find this entry: each matches the circo itself; or
    /// each matches one of its communes or the circo, at least one the commune
    /// (`saint etienne 2`: the commune, in the circo numbered 2); or the query, spaces
    /// dropped, begins a commune's name (see [`Commune::joined_begins`]).
    fn find_in<'r>(&'r self, words: &[&str], joined: &str, full_words: &str, added: &'r [Commune]) -> Option<Match<'r>> {
        let circo: Vec<bool> = words.iter().map(|q| self.matches_word(q)).collect();
        if circo.iter().all(|&hit| hit) {
            return Some(Match { entry: self, communes: Vec::new(), named: false });
        }
        let communes: Vec<&Commune> = self
            .communes
            .iter()
            .chain(added)
            .filter(|c| {
                let mut some = false;
                let each = words.iter().zip(&circo).all(|(q, &in_circo)| {
                    let hit = c.has(q);
                    some |= hit;
                    hit || in_circo
                });
                (each && some) || c.joined_begins(joined)
            })
            .collect();
        let named = communes.iter().any(|c| c.named_by(words, full_words));
        (!communes.is_empty()).then_some(Match { entry: self, communes, named })
    }
}

impl Entry {
    /// Checks that the account fetched through this entry's link is the circo the
    /// registry announced, and, when the registry states them, that its IBAN and
    /// account title are the ones the movement expects. A mismatch is an error: a
    /// donor who picked this circo would otherwise see another candidate's payment
    /// details, or pay an account the movement does not vouch for. The donor is told
    /// politely that the details are unavailable; this problem is the collective's.
    pub fn check_linked(&self, account: &ValidAccount) -> Option<Problem> {
        use crate::i18n::{fill, Text};
        let found = account.slug();
        if found != self.slug {
            return Some(Problem::error(
                "circo",
                CheckId::LinkMismatch,
                || fill_both(
                    "Le registre annonce la circonscription {} mais le fichier lié décrit la {} : corrigez le lien ou le fichier.",
                    "The registry announces circonscription {} but the linked file describes {}: fix the link or the file.",
                    &[&self.slug, &found],
                ),
            ));
        }
        let slug = &self.slug;
        if let Some(expected) = &self.expected_iban {
            let iban = account.payment.transfer.as_ref().map(|t| t.iban.as_str());
            if iban != Some(expected.as_str()) {
                let (want, got) = (crate::payment::group_iban(expected), iban.map(crate::payment::group_iban));
                let (got_fr, got_en) = match &got {
                    Some(got) => (fill("le fichier lié donne {}", &[got]), fill("the linked file gives {}", &[got])),
                    None => ("le fichier lié ne propose pas de virement".to_owned(), "the linked file offers no transfer".to_owned()),
                };
                return Some(Problem::error(
                    "payment.transfer.iban",
                    CheckId::LinkIbanMismatch,
                    || Text::new(
                        fill("Le registre du mouvement attend l’IBAN {} pour la circonscription {}, mais {}. Si le compte a changé, faites mettre à jour le registre ; sinon le fichier a peut-être été modifié par un tiers : vérifiez-le avant tout.", &[&want, slug, &got_fr]),
                        fill("The movement’s registry expects IBAN {} for circonscription {}, but {}. If the account changed, have the registry updated; otherwise the file may have been altered by someone else: check it first.", &[&want, slug, &got_en]),
                    ),
                ));
            }
        }
        if let Some(expected) = &self.expected_title {
            let title = &account.mandataire.account_title;
            if title != expected {
                let (want, got) = (text_safety::reveal(expected), text_safety::reveal(title));
                return Some(Problem::error(
                    "mandataire.account_title",
                    CheckId::LinkTitleMismatch,
                    || fill_both(
                        "Le registre du mouvement attend l’intitulé de compte « {} » pour la circonscription {}, mais le fichier lié donne « {} ». Les deux doivent être identiques, caractère pour caractère : corrigez l’un ou l’autre.",
                        "The movement’s registry expects the account title “{}” for circonscription {}, but the linked file gives “{}”. Both must be identical, character for character: fix one or the other.",
                        &[&want, slug, &got],
                    ),
                ));
            }
        }
        None
    }
}

impl Entry {
    /// A warning when the registry publishes this circo's goal and the linked file's
    /// own `goal` says otherwise (another target, another amount raised, or none): the
    /// movement's overview shows the registry's figures (they win), while a donor who
    /// opens the circo reads the file's. Not an error: figures go stale, the account
    /// stays the right one.
    pub fn check_linked_goal(&self, account: &ValidAccount) -> Option<Problem> {
        let published = self.goal.as_ref()?;
        let own = account.goal.as_ref();
        if own.is_some_and(|g| g.target == published.target && g.raised == published.raised) {
            return None;
        }
        let euros = |c: crate::money::Cents| (c.get() / 100).to_string();
        let (target, raised) = (euros(published.target), euros(published.raised));
        let mut problems = Vec::new();
        let mut c = Checker::new(&mut problems);
        match own {
            Some(g) => c.warning(
                "goal",
                CheckId::LinkGoalMismatch,
                || fill_both("Le registre publie pour la circonscription {} un objectif de {} € dont {} € collectés, mais le fichier lié donne un objectif de {} € dont {} € collectés. La page du mouvement affiche les chiffres du registre : mettez à jour l’un ou l’autre.",
                "The registry publishes for circonscription {} a goal of {} € with {} € raised, but the linked file gives a goal of {} € with {} € raised. The movement’s page shows the registry’s figures: update one or the other.",
                &[&self.slug, &target, &raised, &euros(g.target), &euros(g.raised)]),
            ),
            None => c.warning(
                "goal",
                CheckId::LinkGoalMismatch,
                || fill_both("Le registre publie pour la circonscription {} un objectif de {} € dont {} € collectés, mais le fichier lié n’a pas d’objectif. La page du mouvement affiche les chiffres du registre : ajoutez « goal » au fichier ou retirez-le du registre.",
                "The registry publishes for circonscription {} a goal of {} € with {} € raised, but the linked file has no goal. The movement’s page shows the registry’s figures: add “goal” to the file or remove it from the registry.",
                &[&self.slug, &target, &raised]),
            ),
        }
        problems.pop()
    }
}

/// What a registry entry gives the donor who chose it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolved {
    /// An account, at once: the entry's inline account.
    Account(Rc<ValidAccount>),
    /// No payment details: the entry's problems, for the collective.
    Invalid(Vec<Problem>),
    /// The account is in a file to fetch at this link (relative to the registry's
    /// address, or `https:`); then [`Entry::read_linked`] reads it.
    Fetch(String),
}

impl Entry {
    /// What this entry of `loaded` (the registry it comes from) gives the donor.
    pub fn resolve(&self, loaded: &super::Loaded) -> Resolved {
        match &self.target {
            Target::Inline(account) => Resolved::Account(account.clone()),
            Target::Invalid => Resolved::Invalid(loaded.problems_of(self).cloned().collect()),
            Target::Link(link) => Resolved::Fetch(link.clone()),
        }
    }

    /// The linked file's `text`, read like any account file, and refused when it
    /// describes another circo than this entry announced (see [`Entry::check_linked`]).
    pub fn read_linked(&self, text: &str) -> super::Loaded {
        let mut loaded = super::load(text);
        let stale = loaded.account().and_then(|a| self.check_linked_goal(a));
        loaded.problems.extend(stale);
        if let Some(problem) = loaded.account().and_then(|a| self.check_linked(a)) {
            // The file's own problems stay, for the collective; the mismatch voids it.
            loaded.config = None;
            loaded.problems.push(problem);
        }
        loaded
    }
}

impl Registry {
    /// The entries matching `query`, in registry order; all of them for an empty query.
    /// Case- and accent-insensitive: `paris 1`, `75`, `2a`, `Île`, `75-01` all work, and
    /// where entries list their communes, `saint-etienne`, `st etienne`, `42000`.
    pub fn search(&self, query: &str) -> Vec<&Entry> {
        self.matches(query).into_iter().map(|m| m.entry).collect()
    }

    /// The entries matching `query` (see [`Registry::search`]) with the communes that
    /// made each match; entries where the query names a commune whole, or gives one of
    /// its postal codes, come first, each group in registry order.
    pub fn matches(&self, query: &str) -> Vec<Match<'_>> {
        self.matches_with(query, &NONE_ADDED)
    }

    /// [`Registry::matches`], the communes of `added` (read from the registry's commune
    /// files) searched with each circo's own.
    pub fn matches_with<'r>(&'r self, query: &str, added: &'r Added) -> Vec<Match<'r>> {
        // Keep a slug typed as such (`2A-02`) whole, as well as its parts.
        if let Some(entry) = self.find(query.trim()) {
            return vec![Match { entry, communes: Vec::new(), named: false }];
        }
        let normalized = normalize(query);
        let words: Vec<&str> = normalized.split(' ').filter(|w| !w.is_empty()).collect();
        let joined = words.concat();
        let full_words: String = words.iter().map(|w| spelt_out(w)).collect();
        // Partitioned rather than sorted: the same order, without a sort in the widget.
        let (mut found, others): (Vec<Match<'_>>, Vec<Match<'_>>) =
            self.entries.iter().enumerate().filter_map(|(i, e)| e.find_in(&words, &joined, &full_words, added.of(i))).partition(|m| m.named);
        found.extend(others);
        found
    }

    /// The entry with this slug (case-insensitive, `75-1` accepted for `75-01`).
    pub fn find(&self, slug_text: &str) -> Option<&Entry> {
        self.position(slug_text).map(|at| &self.entries[at])
    }

    /// Where the entry with this slug is in [`Registry::entries`] (see [`Registry::find`]).
    pub fn position(&self, slug_text: &str) -> Option<usize> {
        let (dept, number) = slug_text.trim().rsplit_once('-')?;
        let number: u16 = number.parse().ok()?;
        let wanted = slug(dept, number);
        self.entries.iter().position(|e| e.slug == wanted)
    }
}

/// What a registry says besides its entries, which are read one by one from their own
/// nodes (as accounts or links): its head is read first, as serde would read a struct of
/// `format`, `$schema`, `name` and `circos` (a list of anything).
#[derive(Default)]
pub(crate) struct RegistryHead {
    format: String,
    schema: Option<String>,
    name: Option<String>,
    circos: AnyList,
    communes_url: Option<String>,
}

fields!(RegistryHead { format: required, schema = "$schema", name, circos: required, communes_url });

/// A list of any values: the registry's `circos`, whose entries are read on their own.
#[derive(Default)]
pub(crate) struct AnyList;

impl Read for AnyList {
    fn read(r: &Reader<'_>) -> Result<Self, Error> {
        r.list(&mut |_| Ok(())).map(|()| AnyList)
    }
}

#[cfg(any(not(target_arch = "wasm32"), feature = "builder"))]
impl json::Child for AnyList {
    const SHAPE: Option<&'static json::Shape> = None;
}

/// Parses and validates a registry whose `format` was already recognised.
/// `document` is `text` parsed.
pub(crate) fn load_registry(text: &str, document: &Node<'_>, problems: &mut Vec<Problem>) -> Option<Config> {
    let head: RegistryHead = match json::read(document, text) {
        Ok(head) => head,
        Err((path, e)) => {
            problems.push(type_problem("", &path, &e));
            return None;
        }
    };
    let circos: &[Node<'_>] = document.get("circos").and_then(Node::as_array).unwrap_or(&[]);
    // A movement name with an error is not shown (the problem says why).
    let name = head.name.as_deref().and_then(|n| {
        let mut c = Checker::new(problems);
        let name = c.text("name", n, MAX_TITLE_CHARS);
        (c.errors == 0).then_some(name)
    });
    let mut entries: Vec<Entry> = Vec::with_capacity(circos.len());
    for (i, value) in circos.iter().enumerate() {
        let prefix = format!("circos[{i}]");
        let is_link = value.get("url").is_some();
        let entry = if is_link {
            load_link(i, value, text, &prefix, problems)
        } else {
            load_inline(i, value, text, &prefix, problems)
        };
        let Some(entry) = entry else { continue };
        if let Some(first) = entries.iter().position(|e| e.slug == entry.slug) {
            problems.push(Problem::error(
                &prefix,
                CheckId::DuplicateSlug,
                || fill_both(
                    "La circonscription {} figure deux fois (aussi en circos[{}]) : gardez une seule entrée.",
                    "Circonscription {} is listed twice (also at circos[{}]): keep one entry.",
                    &[&entry.slug, &first.to_string()],
                ),
            ));
            continue;
        }
        entries.push(entry);
    }
    if entries.is_empty() && circos.is_empty() {
        problems.push(Problem::error(
            "circos",
            CheckId::RegistryEmpty,
            || crate::i18n::Text::new("La liste « circos » est vide : ajoutez au moins une circonscription.", "The “circos” list is empty: add at least one circonscription."),
        ));
    }
    let communes_url = head.communes_url.as_deref().map(|u| {
        let mut c = Checker::new(problems);
        let url = link_address(&mut c, "communes_url", u);
        if !url.ends_with('/') {
            c.error("communes_url", CheckId::CommunesUrl, || Text::new(
                "« communes_url » est un dossier : terminez l’adresse par / (« communes/ »).",
                "“communes_url” is a folder: end the address with / (“communes/”).",
            ));
        }
        url
    });
    Some(Config::Registry(Registry { name, entries, communes_url }))
}

fn load_link(index: usize, value: &Node<'_>, text: &str, prefix: &str, problems: &mut Vec<Problem>) -> Option<Entry> {
    let link: LinkFile = match json::read(value, text) {
        Ok(link) => link,
        Err((path, e)) => {
            problems.push(type_problem_unplaced(prefix, &path, &e));
            return None;
        }
    };
    let key = check_circo_key(problems, prefix, &link.department, link.number);
    let mut c = Checker::new(problems);
    let name = c.text(&join(prefix, "name"), &link.name, MAX_TITLE_CHARS);
    let url = link_address(&mut c, &join(prefix, "url"), &link.url);
    let page = link.page.as_deref().map(|p| link_address(&mut c, &join(prefix, "page"), p));
    let goal = link.goal.as_ref().map(|g| check_goal(&mut c, &join(prefix, "goal"), g));
    // What the movement vouches for: checked like an account's, compared once fetched.
    let expected_iban = link.iban.as_deref().and_then(|iban| iban_field(&mut c, &join(prefix, "iban"), iban));
    let expected_title = link.account_title.as_deref().map(|t| c.text(&join(prefix, "account_title"), t, MAX_TITLE_CHARS));
    let communes = check_communes(&mut c, &join(prefix, "communes"), &link.communes);
    let errors = c.errors;
    let (department, number) = key?;
    (errors == 0).then(|| Entry { expected_iban, expected_title, goal, page, ..Entry::new(index, department, number, name, Target::Link(url), communes) })
}

/// A link's address (its file, or its page): relative to the registry, or `https:`.
fn link_address(c: &mut Checker<'_>, path: &str, value: &str) -> String {
    let url = c.text(path, value, MAX_URL_CHARS);
    match crate::url::scheme(&url).as_deref() {
        None | Some("https") => {
            if url.contains(char::is_whitespace) {
                c.error(path, CheckId::UrlInvalid, || Text::new("Cette adresse contient une espace : remplacez-la par %20 ou renommez le fichier.", "This address contains a space: replace it with %20 or rename the file."));
            }
        }
        Some(scheme) => c.error(
            path,
            CheckId::UrlScheme,
            || fill_both("« {} » : seules les adresses relatives (circos/75-01.json) ou https:// sont acceptées, pas « {}: ».",
            "“{}”: only relative (circos/75-01.json) or https:// addresses are accepted, not “{}:”.",
            &[&shorten(&url), scheme]),
        ),
    }
    url
}

fn load_inline(index: usize, value: &Node<'_>, text: &str, prefix: &str, problems: &mut Vec<Problem>) -> Option<Entry> {
    if !value.is_object() {
        problems.push(Problem::error(
            prefix,
            CheckId::JsonType,
            || crate::i18n::Text::new(
                "Chaque entrée de « circos » est un objet : un compte complet, ou un lien { \"department\", \"number\", \"name\", \"url\" }.",
                "Each entry of “circos” is an object: a full account, or a link { \"department\", \"number\", \"name\", \"url\" }.",
            ),
        ));
        return None;
    }
    let file: AccountFile = match json::read(value, text) {
        Ok(file) => file,
        Err((path, e)) => {
            problems.push(type_problem_unplaced(prefix, &path, &e));
            return None;
        }
    };
    debug_assert!(!ACCOUNT_FORMAT.is_empty());
    let key = check_circo_key(&mut Vec::new(), "", &file.circo.department, file.circo.number);
    let account = validate_account(&file, prefix, problems);
    let (department, number) = key?;
    // An entry in error stays listed by its name: any hidden character in it is shown
    // as its code point, never acting on the list.
    let name = text_safety::reveal(file.circo.name.trim());
    // The communes were checked with the account, their problems reported there; an
    // entry in error is still found by its towns, to say that it is unavailable.
    let communes = check_communes(&mut Checker::new(&mut Vec::new()), "", &file.circo.communes);
    let target = match account {
        Some(account) => Target::Inline(Rc::new(account)),
        None => Target::Invalid,
    };
    Some(Entry::new(index, department, number, name, target, communes))
}
