//! The builder's form as data: the groups a treasurer thinks in (the election, the circo,
//! the candidate, the mandataire, each payment method, presets, goal, contact,
//! language), each field with its path in the format, its kind, its label and the help
//! that says what the law or the bank expects. The page only draws this list.

use crate::config::format::{AccountFile, LinkFile};
use crate::config::registry::RegistryHead;
use crate::config::{Child, Shape};
use crate::i18n::{fill, Text};
use crate::law::rules;

/// How a field is typed and stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One line of text.
    Text,
    /// Lines of text, stored as a list of strings (a postal address).
    Lines,
    /// `YYYY-MM-DD`.
    Date,
    /// A whole number (euros, inhabitants, a circo's number).
    Integer,
    /// One value of a list: (stored value, label).
    Choice(Vec<(&'static str, Text)>),
    /// An IBAN: stored in its print form, however it was pasted.
    Iban,
    /// Whole euros separated by commas, stored as a list of numbers.
    Presets,
    /// An `https:` address.
    Url,
    /// An email address.
    Email,
    /// A circo's communes, one a line: `name ; INSEE code ; postal codes`, stored as
    /// the format's list of `{ name, insee, postal_codes }`.
    Communes,
}

/// One field of the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// Its path in the configuration, as problems name it: `payment.transfer.iban`.
    pub path: String,
    pub kind: Kind,
    pub label: Text,
    /// What the law or the bank expects, in plain words.
    pub help: Option<Text>,
    /// Whether the format requires it (an empty optional field is left out of the file).
    pub required: bool,
}

impl Field {
    /// The id of its input in the page: the path with `.`, `[` and `]` as `-`.
    pub fn id(&self) -> String {
        id_of(&self.path)
    }
}

/// An element id for a path: `f-payment-transfer-iban`, `f-circos-2-name`.
pub fn id_of(path: &str) -> String {
    let mut id = String::from("f");
    for part in path.split(['.', '[', ']']).filter(|p| !p.is_empty()) {
        id.push('-');
        id.push_str(&part.replace('$', ""));
    }
    id
}

/// An optional part of the file (a payment method, the goal, the contact) that a
/// checkbox switches on or off.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Switch {
    /// The object's path: `payment.cheque`.
    pub path: String,
    pub label: Text,
}

/// A `<fieldset>` of the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// The path of the object it edits (`mandataire`, `payment.cheque`); problems at this
    /// path or under it that no field takes are shown on the group.
    pub path: String,
    pub legend: Text,
    pub help: Option<Text>,
    pub switch: Option<Switch>,
    pub fields: Vec<Field>,
    /// On the first group of a registry's entry: that entry's index, where the page
    /// puts its controls (move, remove).
    pub entry: Option<usize>,
}

impl Group {
    /// The id of the group's `<fieldset>`.
    pub fn id(&self) -> String {
        format!("g{}", &id_of(&self.path)[1..])
    }
}

fn join(prefix: &str, path: &str) -> String {
    if prefix.is_empty() || path.is_empty() {
        format!("{prefix}{path}")
    } else {
        format!("{prefix}.{path}")
    }
}

/// Where a group's fields are: under `prefix` in the file, in an object of `shape` (the
/// format type's declaration, which says which fields are required).
#[derive(Clone, Copy)]
struct At<'p> {
    prefix: &'p str,
    shape: Option<&'static Shape>,
}

/// A field at `path` under `at`: required when its format type declares it so.
fn field(at: At<'_>, path: &str, kind: Kind, label: Text, help: Option<Text>) -> Field {
    let required = declared(at.shape, path).unwrap_or(false);
    Field { path: join(at.prefix, path), kind, label, help, required }
}

/// Whether the field at `path` (`payment.transfer.iban`) of an object of `shape` is
/// required, if it is one of the declared fields.
fn declared(shape: Option<&'static Shape>, path: &str) -> Option<bool> {
    let (parents, key) = path.rsplit_once('.').unwrap_or(("", path));
    let shape = parents.split('.').filter(|p| !p.is_empty()).try_fold(shape?, |s, parent| s.field(parent)?.1)?;
    let (i, _) = shape.field(key)?;
    Some(shape.fields.is_required(i))
}

fn t(fr: &str, en: &str) -> Text {
    Text::new(fr, en)
}

fn group(prefix: &str, path: &str, legend: Text, help: Option<Text>, fields: Vec<Field>) -> Group {
    Group { path: join(prefix, path), legend, help, switch: None, fields, entry: None }
}

fn switched(prefix: &str, path: &str, legend: Text, label: Text, help: Option<Text>, fields: Vec<Field>) -> Group {
    let path = join(prefix, path);
    Group { switch: Some(Switch { path: path.clone(), label }), path, legend, help, fields, entry: None }
}

/// The election kinds of the format, with their names.
fn election_kinds() -> Vec<(&'static str, Text)> {
    vec![
        ("legislative", t("Législatives", "Legislative")),
        ("by_election", t("Législative partielle", "By-election")),
        ("municipal", t("Municipales", "Municipal")),
        ("departmental", t("Départementales", "Departmental")),
        ("regional", t("Régionales", "Regional")),
        ("european", t("Européennes", "European")),
        ("presidential", t("Présidentielle", "Presidential")),
        ("territorial", t("Territoriales", "Territorial")),
    ]
}

/// The groups of an account, its paths under `prefix` (empty for an account file,
/// `circos[2]` for a registry's inline entry).
pub fn account_groups(prefix: &str) -> Vec<Group> {
    let cap = rules::DONOR_CAP.get() / 100;
    let cash_cap = rules::CASH_PER_GIFT.get() / 100;
    let payee_since = rules::verification_of_payee_since();
    let at = At { prefix, shape: AccountFile::SHAPE };
    vec![
        group(prefix, "election", t("L’élection", "The election"), None, vec![
            field(at, "election.kind", Kind::Choice(election_kinds()), t("Type d’élection", "Kind of election"), None),
            field(at, "election.first_round", Kind::Date, t("Date du premier tour", "Date of the first round"), None),
            field(at, "election.second_round", Kind::Date, t("Date du second tour (s’il y en a un)", "Date of the second round (if any)"), None),
            field(at, "election.trigger_date", Kind::Date, t("Date de l’événement qui ouvre l’élection (dissolution, vacance du siège)", "Date of the event that opens the election (dissolution, vacant seat)"),
                Some(t("Pour une élection partielle ou anticipée : les dons peuvent être recueillis à partir de cette date.", "For a by-election or a snap election: gifts may be collected from this date."))),
        ]),
        group(prefix, "circo", t("La circonscription", "The circonscription"), None, vec![
            field(at, "circo.department", Kind::Text, t("Département (code)", "Department (code)"),
                Some(t("Le code du département : 75, 2A, 974 ; ZZ pour les Français établis hors de France.", "The department's code: 75, 2A, 974; ZZ for French people abroad."))),
            field(at, "circo.number", Kind::Integer, t("Numéro de la circonscription", "Number of the circonscription"), None),
            field(at, "circo.name", Kind::Text, t("Nom de la circonscription, tel que les donateurs le connaissent", "Name of the circonscription, as donors know it"),
                Some(t("Par exemple : Paris, 1re circonscription.", "For example: Paris, 1re circonscription."))),
            field(at, "circo.population", Kind::Integer, t("Nombre d’habitants", "Inhabitants"),
                Some(t("Facultatif : sert au plafond des dépenses et à la part des dons en espèces.", "Optional: used for the spending ceiling and the share of gifts in cash."))),
        ]),
        group(prefix, "candidate", t("Le candidat ou la candidate", "The candidate"), None, vec![
            field(at, "candidate.name", Kind::Text, t("Prénom et nom, comme sur le bulletin de vote", "First name and surname, as on the ballot"), None),
        ]),
        group(prefix, "mandataire", t("Le mandataire financier ou l’association de financement", "The mandataire financier or the financing association"),
            Some(t("Les dons vont au mandataire financier (une personne) ou à l’association de financement électoral du candidat, sur l’unique compte bancaire de la campagne, jamais au candidat ni au collectif.",
                "Gifts go to the candidate's mandataire financier (a person) or financing association, on the campaign's single bank account, never to the candidate or the collective."))
            , vec![
            field(at, "mandataire.kind", Kind::Choice(vec![
                ("person", t("Une personne (mandataire financier)", "A person (mandataire financier)")),
                ("association", t("Une association de financement électoral", "An association de financement électoral")),
            ]), t("Qui reçoit les dons", "Who receives the gifts"), None),
            field(at, "mandataire.name", Kind::Text, t("Nom du mandataire ou de l’association", "Name of the mandataire or the association"), None),
            field(at, "mandataire.designated_on", Kind::Date, t("Date de la désignation (ou de la déclaration de l’association)", "Date of designation (or of the association's declaration)"),
                Some(t("Aucun don ne peut être recueilli avant cette date : le module l’indique aux donateurs.", "No gift may be collected before this date: the widget tells donors."))),
            field(at, "mandataire.account_title", Kind::Text, t("Intitulé exact du compte de campagne", "Exact title of the campaign account"),
                Some(t("Recopiez-le exactement comme sur les documents de la banque (le RIB), caractère pour caractère : par exemple « Claude Durand, mandataire financier de Camille Martin ». Le bénéficiaire des chèques et le titulaire du virement le reprennent.",
                    "Copy it exactly as on the bank's documents (the RIB), character for character: for example « Claude Durand, mandataire financier de Camille Martin ». The cheque payee and the transfer holder repeat it."))),
        ]),
        switched(prefix, "payment.cheque", t("Chèque", "Cheque"), t("Accepter les chèques", "Accept cheques"),
            Some(t("Le chèque est à l’ordre du mandataire (l’intitulé du compte), jamais du candidat : un don versé au candidat lui-même est irrégulier et peut coûter son remboursement à la campagne.",
                "The cheque is made out to the mandataire (the account title), never to the candidate: a gift paid to the candidate personally is irregular and can cost the campaign its reimbursement.")),
            vec![
            field(at, "payment.cheque.payee", Kind::Text, t("Ordre du chèque", "Cheque payee"),
                Some(t("L’intitulé du compte, à l’identique.", "The account title, identical."))),
            field(at, "payment.cheque.address", Kind::Lines, t("Adresse où envoyer les chèques (une ligne par ligne d’adresse)", "Address to send cheques to (one line per address line)"), None),
        ]),
        switched(prefix, "payment.transfer", t("Virement", "Transfer"), t("Accepter les virements", "Accept transfers"), None, vec![
            field(at, "payment.transfer.holder", Kind::Text, t("Titulaire du compte", "Account holder"),
                Some(Text::new(
                    fill("Exactement le nom que la banque a enregistré pour ce compte. Depuis {}, la banque du donateur compare ce nom à l’IBAN (vérification du bénéficiaire) et l’avertit s’ils ne correspondent pas : il abandonnerait son don.", &[&payee_since.fr]),
                    fill("Exactly the name the bank registered for this account. Since {} the donor's bank checks this name against the IBAN (verification of payee) and warns the donor on a mismatch: the donor would give up.", &[&payee_since.en]),
                ))),
            field(at, "payment.transfer.iban", Kind::Iban, t("IBAN", "IBAN"),
                Some(t("Collez-le tel que la banque l’imprime : espaces et minuscules sont acceptés et remis en forme.", "Paste it as the bank prints it: spaces and lower case are accepted and tidied."))),
            field(at, "payment.transfer.bic", Kind::Text, t("BIC (facultatif)", "BIC (optional)"), None),
            field(at, "payment.transfer.reference", Kind::Text, t("Référence à indiquer sur le virement (facultatif)", "Reference for the transfer (optional)"), None),
        ]),
        switched(prefix, "payment.card", t("Carte bancaire", "Card"), t("Accepter la carte, sur une page de paiement", "Accept cards, on a payment page"),
            Some(t("Le module ne traite aucun paiement : il renvoie vers la page que le mandataire a ouverte. Un prestataire de paiement est permis (article R39-1-1 du code électoral) si sa page porte les mentions légales, s’il applique les plafonds de dons, transmet au mandataire l’identité de chaque donateur avec les fonds, les verse sans délai et ne rembourse rien sans l’accord du mandataire ; une plateforme de financement participatif doit en plus avoir le statut prévu par le code monétaire et financier.",
                "The widget processes no payment: it links to the page the mandataire has opened. A payment provider is allowed (electoral code, article R39-1-1) if its page carries the legal notices, it enforces the gift limits, passes each donor's identity on to the mandataire with the funds, pays them in without delay and refunds nothing without the mandataire's consent; a crowdfunding platform must also hold the status the monetary and financial code requires.")),
            vec![
            field(at, "payment.card.url", Kind::Url, t("Adresse de la page de paiement (https)", "Address of the payment page (https)"), None),
            field(at, "payment.card.operator", Kind::Text, t("Qui gère cette page", "Who runs this page"),
                Some(t("La banque du compte de campagne ou le prestataire de paiement : les donateurs le lisent.", "The campaign account's bank or the payment provider: donors read it."))),
        ]),
        switched(prefix, "payment.cash", t("Espèces", "Cash"), t("Accepter les espèces lors des événements", "Accept cash at events"),
            Some(Text::new(
                format!("En main propre seulement, au plus {cash_cap} € par don, sans réduction d’impôt."),
                format!("In person only, at most {cash_cap} € per gift, without tax reduction."),
            )), vec![]),
        group(prefix, "presets", t("Montants proposés", "Suggested amounts"), None, vec![
            field(at, "presets", Kind::Presets, t("Montants des boutons, en euros, séparés par des virgules", "Button amounts, in euros, separated by commas"),
                Some(Text::new(
                    format!("Au plus huit montants entiers, chacun au plus {cap} € (le plafond des dons d’une personne)."),
                    format!("At most eight whole amounts, each at most {cap} € (the cap on one person's gifts)."),
                ))),
        ]),
        switched(prefix, "goal", t("Objectif de collecte", "Fundraising goal"), t("Afficher un objectif", "Show a goal"), None, vec![
            field(at, "goal.target", Kind::Integer, t("Objectif, en euros", "Goal, in euros"), None),
            field(at, "goal.raised", Kind::Integer, t("Déjà recueilli, en euros", "Raised so far, in euros"), None),
            field(at, "goal.as_of", Kind::Date, t("À la date du", "As of"), None),
            field(at, "goal.average_gift", Kind::Integer, t("Don moyen attendu, en euros", "Expected average gift, in euros"), None),
        ]),
        switched(prefix, "contact", t("Contact", "Contact"), t("Indiquer un contact", "Show a contact"), None, vec![
            field(at, "contact.email", Kind::Email, t("Adresse électronique", "Email address"), None),
            field(at, "contact.url", Kind::Url, t("Site du collectif (https)", "The collective's site (https)"), None),
        ]),
        group(prefix, "default_lang", t("Langue", "Language"), None, vec![
            field(at, "default_lang", Kind::Choice(vec![("fr", t("Français", "French")), ("en", t("Anglais", "English"))]),
                t("Langue du module, si la page ne la précise pas", "The widget's language, when the page does not say"), None),
        ]),
    ]
}

/// The groups of a registry's link entry `circos[i]`.
pub fn link_group(prefix: &str, legend: Text) -> Group {
    let at = At { prefix, shape: LinkFile::SHAPE };
    group(prefix, "", legend, None, vec![
        field(at, "department", Kind::Text, t("Département (code)", "Department (code)"), None),
        field(at, "number", Kind::Integer, t("Numéro de la circonscription", "Number of the circonscription"), None),
        field(at, "name", Kind::Text, t("Nom de la circonscription", "Name of the circonscription"), None),
        field(at, "url", Kind::Url, t("Adresse du fichier de la circonscription", "Address of the circonscription's file"),
            Some(t("Relative au registre, ou en https.", "Relative to the registry, or https."))),
        field(at, "iban", Kind::Iban, t("IBAN attendu (facultatif)", "Expected IBAN (optional)"),
            Some(t("Si vous l’indiquez, un fichier lié avec un autre IBAN est refusé : un site local piraté ne peut pas détourner vos donateurs.", "If given, a linked file with another IBAN is refused: a hacked local site cannot divert your donors."))),
        field(at, "account_title", Kind::Text, t("Intitulé de compte attendu (facultatif)", "Expected account title (optional)"), None),
        field(at, "communes", Kind::Communes, t("Communes de la circonscription (facultatif)", "The circonscription's communes (optional)"),
            Some(t("Une commune par ligne : son nom, son code INSEE (pas le code postal), ses codes postaux, séparés par « ; ». Par exemple « Saint-Étienne ; 42218 ; 42000 42100 ». Les donateurs trouvent alors la circonscription par leur ville ou leur code postal.",
                "One commune a line: its name, its INSEE code (not the postal code), its postal codes, separated by “;”. For example “Saint-Étienne ; 42218 ; 42000 42100”. Donors then find the circonscription by their town or postal code."))),
    ])
}

/// The group of a registry's own fields.
pub fn registry_group() -> Group {
    group("", "", t("Le mouvement", "The movement"), None, vec![
        field(At { prefix: "", shape: RegistryHead::SHAPE }, "name", Kind::Text, t("Nom du mouvement", "Name of the movement"), None),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_derived_from_paths() {
        assert_eq!(id_of("payment.transfer.iban"), "f-payment-transfer-iban");
        assert_eq!(id_of("circos[2].name"), "f-circos-2-name");
        let groups = account_groups("");
        let mut ids: Vec<String> = groups.iter().flat_map(|g| g.fields.iter().map(Field::id)).collect();
        ids.extend(groups.iter().map(Group::id));
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }

    /// The leaf paths of a declaration (`payment.transfer.iban`), each with whether the
    /// form may leave it out: a key whose value is a declared struct is not a leaf.
    fn leaves(shape: &'static Shape, prefix: &str, out: &mut Vec<String>) {
        for (i, key) in shape.fields.keys.iter().enumerate() {
            let path = join(prefix, key);
            match shape.children.get(i).copied().flatten() {
                Some(child) => leaves(child, &path, out),
                None => out.push(path),
            }
        }
    }

    /// Every field of the form is a field its format type declares (so its `required`
    /// comes from the declaration), and every declared leaf has a field or a switch, but
    /// for the few the form does not edit.
    #[test]
    fn the_form_and_the_declarations_have_the_same_fields() {
        let forms: [(Option<&'static Shape>, Vec<Group>, &[&str]); 3] = [
            // `format` and `$schema` are written by the builder; a circo's communes are
            // edited in a registry's links only; cash's `accepted` is its group's switch (below);
            // the card page's `monthly` is not in the builder's form yet (written by hand).
            (AccountFile::SHAPE, account_groups(""), &["format", "$schema", "circo.communes.name", "circo.communes.insee", "circo.communes.postal_codes", "payment.cash.accepted", "payment.card.monthly"]),
            // A link's own page and published goal (the movement's overview) are written
            // by hand too, for now.
            (LinkFile::SHAPE, vec![link_group("", t("x", "x"))], &["communes.name", "communes.insee", "communes.postal_codes", "page", "goal.target", "goal.raised", "goal.as_of", "goal.average_gift"]),
            // `communes_url` is written by `circo-don communes` with the files it names.
            (RegistryHead::SHAPE, vec![registry_group()], &["format", "$schema", "circos", "communes_url"]),
        ];
        let mut checked = 0;
        for (shape, groups, not_in_form) in forms {
            let fields: Vec<&Field> = groups.iter().flat_map(|g| g.fields.iter()).collect();
            for f in &fields {
                assert_eq!(declared(shape, &f.path), Some(f.required), "{} is a declared field", f.path);
                checked += 1;
            }
            let mut all = Vec::new();
            leaves(shape.unwrap(), "", &mut all);
            for leaf in all {
                let edited = fields.iter().any(|f| f.path == leaf);
                let exempt = not_in_form.contains(&leaf.as_str());
                assert!(edited != exempt, "{leaf}: in the form {edited}, listed as not in it {exempt}");
                checked += 1;
            }
        }
        assert!(checked > 60, "{checked}");
        assert!(account_groups("").iter().any(|g| g.path == "payment.cash" && g.switch.is_some() && g.fields.is_empty()));
        // The declarations say what is required: the form follows them.
        assert!(account_groups("").iter().flat_map(|g| &g.fields).any(|f| f.path == "mandataire.account_title" && f.required));
        assert!(account_groups("").iter().flat_map(|g| &g.fields).any(|f| f.path == "payment.transfer.bic" && !f.required));
    }

    #[test]
    fn help_speaks_of_the_bank_the_payee_and_the_card_rules() {
        let groups = account_groups("");
        let help = |path: &str| groups.iter().flat_map(|g| g.fields.iter()).find(|f| f.path == path).and_then(|f| f.help.clone()).unwrap();
        assert!(help("payment.transfer.holder").fr.contains("vérification du bénéficiaire"));
        assert!(help("mandataire.account_title").en.contains("bank's documents"));
        let cheque = groups.iter().find(|g| g.path == "payment.cheque").unwrap();
        assert!(cheque.help.as_ref().unwrap().fr.contains("jamais du candidat"));
        let card = groups.iter().find(|g| g.path == "payment.card").unwrap();
        assert!(card.help.as_ref().unwrap().fr.contains("R39-1-1"));
    }
}
