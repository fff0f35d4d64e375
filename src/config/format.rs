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

use super::json::{Error, Read, Reader};

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
}

/// One circo of a registry.
#[derive(Clone, Debug)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize, schemars::JsonSchema), serde(untagged))]
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
}

// The readers: what serde's derived code reads, with its messages (see `json::read`),
// written out so that the widget carries no serde code (size). Each struct lists its
// fields as the file names them, in the order above (serde's order in "expected one of"
// and for the first missing field), with a bit per required field. The tests of `json`
// check them against serde's derived code on the examples, the corpus and their
// mutations.

impl Read for AccountFile {
    fn read(r: &Reader<'_>) -> Result<Self, Error> {
        let mut f = AccountFile::default();
        let fields = ["format", "$schema", "election", "circo", "candidate", "mandataire", "payment", "presets", "goal", "contact", "default_lang"];
        r.object("AccountFile", &fields, 0b111_1101, &mut |i, v| {
            match i {
                0 => f.format = v.string()?,
                1 => f.schema = v.opt_string()?,
                2 => f.election = ElectionFile::read(v)?,
                3 => f.circo = CircoFile::read(v)?,
                4 => f.candidate = CandidateFile::read(v)?,
                5 => f.mandataire = MandataireFile::read(v)?,
                6 => f.payment = PaymentFile::read(v)?,
                7 => f.presets = v.ints()?,
                8 => f.goal = v.some().map(GoalFile::read).transpose()?,
                9 => f.contact = v.some().map(ContactFile::read).transpose()?,
                _ => f.default_lang = v.some().map(LangFile::read).transpose()?,
            }
            Ok(())
        })?;
        Ok(f)
    }
}

impl Read for ElectionKind {
    fn read(r: &Reader<'_>) -> Result<Self, Error> {
        let names = ["legislative", "municipal", "departmental", "regional", "european", "presidential", "territorial", "by_election"];
        Ok(match r.variant(&names)? {
            0 => ElectionKind::Legislative,
            1 => ElectionKind::Municipal,
            2 => ElectionKind::Departmental,
            3 => ElectionKind::Regional,
            4 => ElectionKind::European,
            5 => ElectionKind::Presidential,
            6 => ElectionKind::Territorial,
            _ => ElectionKind::ByElection,
        })
    }
}

impl Read for ElectionFile {
    fn read(r: &Reader<'_>) -> Result<Self, Error> {
        let mut f = ElectionFile::default();
        r.object("ElectionFile", &["kind", "first_round", "second_round", "trigger_date"], 0b11, &mut |i, v| {
            match i {
                0 => f.kind = ElectionKind::read(v)?,
                1 => f.first_round = v.string()?,
                2 => f.second_round = v.opt_string()?,
                _ => f.trigger_date = v.opt_string()?,
            }
            Ok(())
        })?;
        Ok(f)
    }
}

impl Read for CircoFile {
    fn read(r: &Reader<'_>) -> Result<Self, Error> {
        let mut f = CircoFile::default();
        r.object("CircoFile", &["department", "number", "name", "population", "communes"], 0b111, &mut |i, v| {
            match i {
                0 => f.department = v.string()?,
                1 => f.number = v.int()?,
                2 => f.name = v.string()?,
                3 => f.population = v.opt_int()?,
                _ => f.communes = communes(v)?,
            }
            Ok(())
        })?;
        Ok(f)
    }
}

/// A circo's or a link's `communes`.
fn communes(r: &Reader<'_>) -> Result<Vec<CommuneFile>, Error> {
    let mut out = Vec::new();
    r.list(&mut |v| {
        out.push(CommuneFile::read(v)?);
        Ok(())
    })?;
    Ok(out)
}

impl Read for CommuneFile {
    fn read(r: &Reader<'_>) -> Result<Self, Error> {
        let mut f = CommuneFile::default();
        r.object("CommuneFile", &["name", "insee", "postal_codes"], 0b11, &mut |i, v| {
            match i {
                0 => f.name = v.string()?,
                1 => f.insee = v.string()?,
                _ => f.postal_codes = v.strings()?,
            }
            Ok(())
        })?;
        Ok(f)
    }
}

impl Read for CandidateFile {
    fn read(r: &Reader<'_>) -> Result<Self, Error> {
        let mut f = CandidateFile::default();
        r.object("CandidateFile", &["name"], 0b1, &mut |_, v| {
            f.name = v.string()?;
            Ok(())
        })?;
        Ok(f)
    }
}

impl Read for MandataireKind {
    fn read(r: &Reader<'_>) -> Result<Self, Error> {
        Ok(match r.variant(&["person", "association"])? {
            0 => MandataireKind::Person,
            _ => MandataireKind::Association,
        })
    }
}

impl Read for MandataireFile {
    fn read(r: &Reader<'_>) -> Result<Self, Error> {
        let mut f = MandataireFile::default();
        r.object("MandataireFile", &["kind", "name", "designated_on", "account_title"], 0b1111, &mut |i, v| {
            match i {
                0 => f.kind = MandataireKind::read(v)?,
                1 => f.name = v.string()?,
                2 => f.designated_on = v.string()?,
                _ => f.account_title = v.string()?,
            }
            Ok(())
        })?;
        Ok(f)
    }
}

impl Read for PaymentFile {
    fn read(r: &Reader<'_>) -> Result<Self, Error> {
        let mut f = PaymentFile::default();
        r.object("PaymentFile", &["cheque", "transfer", "card", "cash"], 0, &mut |i, v| {
            match i {
                0 => f.cheque = v.some().map(ChequeFile::read).transpose()?,
                1 => f.transfer = v.some().map(TransferFile::read).transpose()?,
                2 => f.card = v.some().map(CardFile::read).transpose()?,
                _ => f.cash = v.some().map(CashFile::read).transpose()?,
            }
            Ok(())
        })?;
        Ok(f)
    }
}

impl Read for ChequeFile {
    fn read(r: &Reader<'_>) -> Result<Self, Error> {
        let mut f = ChequeFile::default();
        r.object("ChequeFile", &["payee", "address"], 0b11, &mut |i, v| {
            match i {
                0 => f.payee = v.string()?,
                _ => f.address = v.lines_or_text("AddressFile")?.map_or_else(AddressFile::Text, AddressFile::Lines),
            }
            Ok(())
        })?;
        Ok(f)
    }
}

/// For [`ChequeFile`]'s reader, which starts from a default value.
impl Default for AddressFile {
    fn default() -> Self {
        AddressFile::Lines(Vec::new())
    }
}

impl Read for TransferFile {
    fn read(r: &Reader<'_>) -> Result<Self, Error> {
        let mut f = TransferFile::default();
        r.object("TransferFile", &["holder", "iban", "bic", "reference"], 0b11, &mut |i, v| {
            match i {
                0 => f.holder = v.string()?,
                1 => f.iban = v.string()?,
                2 => f.bic = v.opt_string()?,
                _ => f.reference = v.opt_string()?,
            }
            Ok(())
        })?;
        Ok(f)
    }
}

impl Read for CardFile {
    fn read(r: &Reader<'_>) -> Result<Self, Error> {
        let mut f = CardFile::default();
        r.object("CardFile", &["url", "operator"], 0b11, &mut |i, v| {
            match i {
                0 => f.url = v.string()?,
                _ => f.operator = v.string()?,
            }
            Ok(())
        })?;
        Ok(f)
    }
}

impl Read for CashFile {
    fn read(r: &Reader<'_>) -> Result<Self, Error> {
        let mut f = CashFile::default();
        r.object("CashFile", &["accepted"], 0b1, &mut |_, v| {
            f.accepted = v.boolean()?;
            Ok(())
        })?;
        Ok(f)
    }
}

impl Read for GoalFile {
    fn read(r: &Reader<'_>) -> Result<Self, Error> {
        let mut f = GoalFile::default();
        r.object("GoalFile", &["target", "raised", "as_of", "average_gift"], 0b1, &mut |i, v| {
            match i {
                0 => f.target = v.int()?,
                1 => f.raised = v.int()?,
                2 => f.as_of = v.opt_string()?,
                _ => f.average_gift = v.opt_int()?,
            }
            Ok(())
        })?;
        Ok(f)
    }
}

impl Read for ContactFile {
    fn read(r: &Reader<'_>) -> Result<Self, Error> {
        let mut f = ContactFile::default();
        r.object("ContactFile", &["email", "url"], 0, &mut |i, v| {
            match i {
                0 => f.email = v.opt_string()?,
                _ => f.url = v.opt_string()?,
            }
            Ok(())
        })?;
        Ok(f)
    }
}

impl Read for LangFile {
    fn read(r: &Reader<'_>) -> Result<Self, Error> {
        Ok(match r.variant(&["fr", "en"])? {
            0 => LangFile::Fr,
            _ => LangFile::En,
        })
    }
}

impl Read for LinkFile {
    fn read(r: &Reader<'_>) -> Result<Self, Error> {
        let mut f = LinkFile::default();
        let fields = ["department", "number", "name", "url", "iban", "account_title", "communes"];
        r.object("LinkFile", &fields, 0b1111, &mut |i, v| {
            match i {
                0 => f.department = v.string()?,
                1 => f.number = v.int()?,
                2 => f.name = v.string()?,
                3 => f.url = v.string()?,
                4 => f.iban = v.opt_string()?,
                5 => f.account_title = v.opt_string()?,
                _ => f.communes = communes(v)?,
            }
            Ok(())
        })?;
        Ok(f)
    }
}
