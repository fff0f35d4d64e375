//! The configuration files as written by collectives: raw types, one per JSON object,
//! each read by its reader (`json::Read`, below). They accept anything well-typed;
//! [`super::validate`] then checks the content and builds the validated model. The JSON
//! Schema is generated from these types (natively), so the format is described once.
//!
//! Natively only, they are also serde types: schemars reads serde's attributes, and the
//! tests compare each reader with serde's derived code. The widget has no serde code.
//!
//! Amounts are whole euros (integers): `"presets": [20, 37, 50, 100]`. Dates are
//! ISO `YYYY-MM-DD` strings, checked by validation so that `2027-02-30` is reported
//! with its path. Integers are `i64` so that `-20` or `0` get a precise message
//! rather than a type error.
//!
//! Strings are never interpreted as markup by the widget (it only sets text), so a
//! `<` in a name is harmless; validation still warns, as it is likely a mistake.

#[cfg(not(target_arch = "wasm32"))]
use serde::Deserialize;

use super::json::{fields, variants, Error, Read, Reader};

/// The JSON Schema's descriptions that state a legal figure, written from the rules
/// table (the figures live only there; `tests/architecture.rs` holds it).
#[cfg(not(target_arch = "wasm32"))]
mod described {
    use crate::law::rules::{CASH_PER_GIFT, DONOR_CAP};

    pub fn presets() -> String {
        format!("Amounts in whole euros for the preset buttons, e.g. `[20, 37, 50, 100]`: at most 8, each from 1 to {}.", DONOR_CAP.get() / 100)
    }

    pub fn cash() -> String {
        format!("Cash, accepted only in person at events (at most {} € per gift, no tax reduction).", CASH_PER_GIFT.get() / 100)
    }
}

/// The `format` value of an account file.
pub const ACCOUNT_FORMAT: &str = "circo-don/1";
/// The `format` value of a registry file.
pub const REGISTRY_FORMAT: &str = "circo-don-registry/1";

/// The `format` of a registry's commune file (`communes_url`, [`super::communes`]).
pub const COMMUNES_FORMAT: &str = "circo-don-communes/1";

/// A circo's campaign account: one file per account (`"format": "circo-don/1"`).
#[derive(Clone, Debug, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema), serde(deny_unknown_fields))]
pub struct AccountFile {
    /// Always `"circo-don/1"`.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("const" = "circo-don/1")))]
    pub format: String,
    /// Optional: the address of this format's JSON Schema, for editors. Ignored.
    #[cfg_attr(not(target_arch = "wasm32"), serde(rename = "$schema", default))]
    pub schema: Option<String>,
    pub election: ElectionFile,
    pub circo: CircoFile,
    pub candidate: CandidateFile,
    pub mandataire: MandataireFile,
    pub payment: PaymentFile,
    /// Amounts in whole euros for the preset buttons, e.g. `[20, 37, 50, 100]`: at most
    /// 8, each from 1 to the cap per donor ([`DONOR_CAP`](crate::law::rules::DONOR_CAP);
    /// the schema's description writes the figure from the table).
    #[cfg_attr(not(target_arch = "wasm32"), serde(default), schemars(description = described::presets()))]
    pub presets: Vec<i64>,
    /// The collective's fundraising goal and progress, shown to donors.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub goal: Option<GoalFile>,
    /// How donors reach the collective.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub contact: Option<ContactFile>,
    /// The widget's language when the page does not say (`data-lang`). Default `fr`.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub default_lang: Option<LangFile>,
}

/// The kind of election.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema), serde(rename_all = "snake_case"))]
pub enum ElectionKind {
    #[default]
    Legislative,
    Municipal,
    Departmental,
    Regional,
    European,
    Presidential,
    Territorial,
    /// A by-election (élection partielle), usually legislative.
    ByElection,
}

/// The election and its dates.
#[derive(Clone, Debug, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema), serde(deny_unknown_fields))]
pub struct ElectionFile {
    pub kind: ElectionKind,
    /// `YYYY-MM-DD`.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("format" = "date")))]
    pub first_round: String,
    /// `YYYY-MM-DD`, when there is one.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("format" = "date")))]
    pub second_round: Option<String>,
    /// `YYYY-MM-DD`: the dissolution or the event that opens a by-election, from which
    /// gifts may be collected.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("format" = "date")))]
    pub trigger_date: Option<String>,
}

/// The circonscription.
#[derive(Clone, Debug, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema), serde(deny_unknown_fields))]
pub struct CircoFile {
    /// The department code as a string: `"75"`, `"2A"`, `"974"`, `"ZZ"` (French
    /// people abroad).
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("pattern" = "^([0-9]{2}|2[AB]|9[78][0-9]|Z[A-Z])$")))]
    pub department: String,
    /// The circonscription's number in its department, 1 to 99.
    pub number: i64,
    /// Its name as donors know it: `"Paris, 1re circonscription"`.
    pub name: String,
    /// Inhabitants, for the spending ceiling and the cash cap.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub population: Option<i64>,
    /// Optional: the communes of the circo, so that a registry's search finds it from a
    /// town or a postal code. A commune split between circos is listed in each.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub communes: Vec<CommuneFile>,
}

/// A commune of a circo, for the donor's search.
#[derive(Clone, Debug, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema), serde(deny_unknown_fields))]
pub struct CommuneFile {
    /// Its name as written officially: `"Saint-Étienne"`.
    pub name: String,
    /// Its INSEE code (code officiel géographique), 5 characters: `"42218"`, `"2A004"`.
    /// Not the postal code.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("pattern" = "^([0-9]{5}|2[AB][0-9]{3})$")))]
    pub insee: String,
    /// Its postal codes, 5 digits each: `["42000", "42100"]`.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("items" = { "type": "string", "pattern": "^[0-9]{5}$" })))]
    pub postal_codes: Vec<String>,
}

/// The candidate receiving the gifts.
#[derive(Clone, Debug, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema), serde(deny_unknown_fields))]
pub struct CandidateFile {
    /// First name and surname, as on the ballot.
    pub name: String,
}

/// Whether the mandataire is a person or an association.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema), serde(rename_all = "snake_case"))]
pub enum MandataireKind {
    /// A mandataire financier (natural person).
    #[default]
    Person,
    /// An association de financement électoral (AFE).
    Association,
}

/// The mandataire financier or association de financement électoral (L52-4 to L52-6).
#[derive(Clone, Debug, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema), serde(deny_unknown_fields))]
pub struct MandataireFile {
    pub kind: MandataireKind,
    /// The person's name or the association's name.
    pub name: String,
    /// `YYYY-MM-DD`: date of designation (person) or of the association's declaration.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("format" = "date")))]
    pub designated_on: String,
    /// The campaign bank account's exact title, e.g. `"Marie Dupont, mandataire
    /// financier de Jean Martin"`. Cheques are made out to it.
    pub account_title: String,
}

/// How donors can pay. At least one of `cheque`, `transfer`, `card`.
#[derive(Clone, Debug, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema), serde(deny_unknown_fields))]
pub struct PaymentFile {
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub cheque: Option<ChequeFile>,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub transfer: Option<TransferFile>,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub card: Option<CardFile>,
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub cash: Option<CashFile>,
}

/// Gifts by cheque, sent by post.
#[derive(Clone, Debug, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema), serde(deny_unknown_fields))]
pub struct ChequeFile {
    /// The cheque's payee: the account title, exactly.
    pub payee: String,
    /// Where to send cheques: lines, or one string with line breaks.
    pub address: AddressFile,
}

/// A postal address: `["12 rue Exemple", "75001 Paris"]` or `"12 rue Exemple\n75001 Paris"`.
#[derive(Clone, Debug)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema), serde(untagged))]
pub enum AddressFile {
    Lines(Vec<String>),
    Text(String),
}

/// Gifts by bank transfer (SEPA credit transfer; the widget shows a transfer QR code).
#[derive(Clone, Debug, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema), serde(deny_unknown_fields))]
pub struct TransferFile {
    /// The account holder: the account title (at most 70 characters, the limit of
    /// transfer QR codes).
    pub holder: String,
    /// The IBAN, with or without spaces.
    pub iban: String,
    /// The bank's BIC (8 or 11 characters), optional within SEPA.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub bic: Option<String>,
    /// What donors should write as the transfer's reference (at most 140 characters).
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub reference: Option<String>,
}

/// Gifts by card, on a payment page the mandataire has set up.
#[derive(Clone, Debug, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema), serde(deny_unknown_fields))]
pub struct CardFile {
    /// The payment page, `https:` only.
    pub url: String,
    /// Who runs that page (the bank, or the payment service provider), shown to donors.
    pub operator: String,
    /// Whether that page also takes a gift every month (a recurring card payment): the
    /// widget's monthly mode then links to it. Absent: no.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub monthly: Option<bool>,
}

/// Cash, accepted only in person at events (at most
/// [`CASH_PER_GIFT`](crate::law::rules::CASH_PER_GIFT) per gift, no tax reduction; the
/// schema's description writes the figure from the table).
#[derive(Clone, Debug, Default)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(Deserialize, schemars::JsonSchema),
    serde(deny_unknown_fields),
    schemars(description = described::cash())
)]
pub struct CashFile {
    pub accepted: bool,
}

/// A fundraising goal; amounts in whole euros.
#[derive(Clone, Debug, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema), serde(deny_unknown_fields))]
pub struct GoalFile {
    /// The campaign's budget to raise, euros.
    pub target: i64,
    /// Raised so far, euros.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub raised: i64,
    /// `YYYY-MM-DD`: the date of the `raised` figure.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("format" = "date")))]
    pub as_of: Option<String>,
    /// The expected average gift, euros (for the "how many donors" plan).
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub average_gift: Option<i64>,
}

/// How to reach the collective: an email address and/or a web page.
#[derive(Clone, Debug, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema), serde(deny_unknown_fields))]
pub struct ContactFile {
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub email: Option<String>,
    /// `https:` only.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub url: Option<String>,
}

/// A language code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema), serde(rename_all = "snake_case"))]
pub enum LangFile {
    Fr,
    En,
}

/// A movement's list of circos (`"format": "circo-don-registry/1"`).
#[derive(Clone, Debug)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema), serde(deny_unknown_fields))]
pub struct RegistryFile {
    /// Always `"circo-don-registry/1"`.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("const" = "circo-don-registry/1")))]
    pub format: String,
    /// Optional: the address of this format's JSON Schema, for editors. Ignored.
    #[cfg_attr(not(target_arch = "wasm32"), serde(rename = "$schema", default))]
    pub schema: Option<String>,
    /// The movement's name, shown above the search box.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub name: Option<String>,
    /// The circos: each an inline account (the content of an account file, `format`
    /// included) or a link to one.
    pub circos: Vec<RegistryEntryFile>,
    /// Optional: the folder of the registry's commune files (relative to the registry's
    /// address, or `https:`, ending in `/`): one file a search key, `sai.json` holding
    /// every commune found by a query starting `sai` (`"circo-don-communes/1"`), loaded
    /// only when a donor's search needs it. For a registry of all of France.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub communes_url: Option<String>,
}

/// One of a registry's commune files (`"format": "circo-don-communes/1"`): the communes
/// a search key finds, circo by circo (`circo-don communes` writes them).
#[derive(Clone, Debug, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema), serde(deny_unknown_fields))]
pub struct CommunesFile {
    /// Always `"circo-don-communes/1"`.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("const" = "circo-don-communes/1")))]
    pub format: String,
    /// The search key, as in the file's name (`"sai"` in `sai.json`): three lower-case
    /// ASCII letters or digits.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("pattern" = "^[a-z0-9]{3}$")))]
    pub key: String,
    /// The circos with communes the key finds.
    pub circos: Vec<CommunesCircoFile>,
}

/// A circo's communes in a commune file.
#[derive(Clone, Debug, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema), serde(deny_unknown_fields))]
pub struct CommunesCircoFile {
    /// The circo's slug, as the registry lists it: `"42-01"`, `"2A-02"`.
    pub circo: String,
    /// Its communes that the key finds, as in an account's `circo.communes`.
    pub communes: Vec<CommuneFile>,
}

/// One circo of a registry. A link is read in place (its goal and page make it the larger
/// variant, a few hundred bytes for each of at most a few hundred entries, read once);
/// an account, several times larger, is boxed.
#[derive(Clone, Debug)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema), serde(untagged))]
#[allow(clippy::large_enum_variant)]
pub enum RegistryEntryFile {
    /// A link to the circo's own account file.
    Link(LinkFile),
    /// The account itself.
    Inline(Box<AccountFile>),
}

/// A link to a circo's account file.
#[derive(Clone, Debug, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema), serde(deny_unknown_fields))]
pub struct LinkFile {
    /// Department code, as in an account's `circo.department`.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("pattern" = "^([0-9]{2}|2[AB]|9[78][0-9]|Z[A-Z])$")))]
    pub department: String,
    pub number: i64,
    pub name: String,
    /// The account file: relative to the registry's address, or `https:`.
    pub url: String,
    /// Optional: the IBAN the movement expects in the linked file (with or without
    /// spaces). A linked file with another IBAN, or without a transfer, is refused: a
    /// compromised local site cannot then redirect donors who come through the
    /// movement's page.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub iban: Option<String>,
    /// Optional: the account title the movement expects in the linked file, compared
    /// exactly (`mandataire.account_title`).
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub account_title: Option<String>,
    /// Optional: the circo's communes, as in an account's `circo.communes`.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub communes: Vec<CommuneFile>,
    /// Optional: the circo's goal and progress as the movement publishes them, as in an
    /// account's `goal`. When given, the movement's overview shows these figures and
    /// fetches nothing for them; the linked file's own `goal` is then only compared
    /// (`check` warns when they disagree).
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub goal: Option<GoalFile>,
    /// Optional: the circo's own page (relative to the registry's address, or
    /// `https:`), linked from the movement's overview.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default))]
    pub page: Option<String>,
}

// The readers: what serde's derived code reads (see `json::read`), written out so that
// the widget carries no serde code (size). Each struct declares its fields here once, as
// the file names them, in the struct's order (serde's order, for the first missing
// field), each required one marked; `fields!` writes the reader from it and the builder
// reads the same declaration. The tests of `json` check the readers against serde's
// derived code on the examples, the corpus and their mutations, and each declaration
// against the JSON Schema generated from the struct.

fields!(AccountFile {
    format: required,
    schema = "$schema",
    election: required,
    circo: required,
    candidate: required,
    mandataire: required,
    payment: required,
    presets,
    goal,
    contact,
    default_lang,
});

variants!(ElectionKind {
    Legislative = "legislative",
    Municipal = "municipal",
    Departmental = "departmental",
    Regional = "regional",
    European = "european",
    Presidential = "presidential",
    Territorial = "territorial",
    ByElection = "by_election",
});

fields!(ElectionFile { kind: required, first_round: required, second_round, trigger_date });

fields!(CircoFile { department: required, number: required, name: required, population, communes });

fields!(CommuneFile { name: required, insee: required, postal_codes });

fields!(CandidateFile { name: required });

variants!(MandataireKind { Person = "person", Association = "association" });

fields!(MandataireFile { kind: required, name: required, designated_on: required, account_title: required });

fields!(PaymentFile { cheque, transfer, card, cash });

fields!(ChequeFile { payee: required, address: required });

impl Read for AddressFile {
    fn read(r: &Reader<'_>) -> Result<Self, Error> {
        Ok(r.lines_or_text()?.map_or_else(AddressFile::Text, AddressFile::Lines))
    }
}

#[cfg(any(not(target_arch = "wasm32"), feature = "builder"))]
impl super::json::Child for AddressFile {
    const SHAPE: Option<&'static super::json::Shape> = None;
}

/// For [`ChequeFile`]'s reader, which starts from a default value.
impl Default for AddressFile {
    fn default() -> Self {
        AddressFile::Lines(Vec::new())
    }
}

fields!(TransferFile { holder: required, iban: required, bic, reference });

fields!(CardFile { url: required, operator: required, monthly });

fields!(CashFile { accepted: required });

fields!(GoalFile { target: required, raised, as_of, average_gift });

fields!(ContactFile { email, url });

variants!(LangFile { Fr = "fr", En = "en" });

fields!(CommunesFile { format: required, key: required, circos: required });

fields!(CommunesCircoFile { circo: required, communes: required });

fields!(LinkFile { department: required, number: required, name: required, url: required, iban, account_title, communes, goal, page });
