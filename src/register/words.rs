//! Every sentence of the register page (`registre.html`), in French and English. The
//! page's shell only places them; sentences with a value are functions returning
//! [`Text`].

use crate::date::Date;
use crate::i18n::{fill, fill_both, Lang, Text};
use crate::money::Cents;

/// A fixed sentence in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Words {
    pub fr: &'static str,
    pub en: &'static str,
}

impl Words {
    pub fn get(self, lang: Lang) -> &'static str {
        lang.pick(self.fr, self.en)
    }
}

const fn w(fr: &'static str, en: &'static str) -> Words {
    Words { fr, en }
}

pub const TITLE: Words = w("Registre du mandataire", "The mandataire's register");
pub const INTRO: Words = w(
    "Des relevés du compte de campagne à la liste des donateurs. Tout reste sur cet ordinateur : la page n’envoie rien et ne garde rien ; le registre est un fichier chiffré que vous enregistrez et gardez.",
    "From the campaign account's statements to the list of donors. Everything stays on this computer: the page sends nothing and keeps nothing; the register is an encrypted file that you save and keep.",
);
pub const SWITCH: Words = w("English", "Français");
pub const SWITCH_LANG: Words = w("en", "fr");
pub const STEP_CONFIG: Words = w("1. La configuration du compte", "1. The account's configuration");
pub const CONFIG_LABEL: Words = w("Ouvrir la configuration (circo.json)", "Open the configuration (circo.json)");
pub const CONFIG_HINT: Words = w(
    "Le fichier circo.json du compte, celui que publie le widget : il donne l’IBAN que chaque relevé doit porter.",
    "The account's circo.json, the one the widget publishes: it gives the IBAN every statement must bear.",
);
pub const CONFIG_NOT_ACCOUNT: Words = w(
    "Ce fichier n’est pas une configuration de compte valide avec un virement : vérifiez-le dans le constructeur (builder.html).",
    "This file is not a valid account configuration with a transfer: check it in the builder (builder.html).",
);
pub const STEP_REGISTER: Words = w("2. Le registre", "2. The register");
pub const NEW_REGISTER: Words = w("Créer un nouveau registre", "Create a new register");
pub const OPEN_LABEL: Words = w("Ouvrir un registre enregistré (.circo-reg)", "Open a saved register (.circo-reg)");
pub const PASSPHRASE: Words = w("Phrase de passe", "Passphrase");
pub const PASSPHRASE_AGAIN: Words = w("La même phrase de passe, encore", "The same passphrase, again");
pub const PASSPHRASE_HINT: Words = w(
    "Elle chiffre le registre : sans elle, personne ne peut le lire, vous non plus. Notez-la en lieu sûr, hors de l’ordinateur ; elle ne peut pas être retrouvée.",
    "It encrypts the register: without it nobody can read it, you included. Write it down somewhere safe, away from the computer; it cannot be recovered.",
);
pub const OPEN: Words = w("Ouvrir", "Open");
pub const CREATE: Words = w("Créer", "Create");
pub const WORKING: Words = w("Calcul de la clé (une à deux secondes)…", "Deriving the key (one or two seconds)…");
pub const OPENED: Words = w("Registre ouvert.", "Register opened.");
pub const CREATED: Words = w("Nouveau registre créé : pensez à l’enregistrer.", "New register created: remember to save it.");
pub const STEP_IMPORT: Words = w("3. Les relevés bancaires", "3. Bank statements");
pub const IMPORT_LABEL: Words = w("Importer un relevé (CAMT.053, OFX ou CSV)", "Import a statement (CAMT.053, OFX or CSV)");
pub const IMPORT_HINT: Words = w(
    "Le fichier est lu sur cette page. Importer deux fois le même relevé, ou deux relevés qui se chevauchent, n’ajoute rien deux fois.",
    "The file is read on this page. Importing the same statement twice, or two overlapping ones, adds nothing twice.",
);
pub const COLUMNS_TITLE: Words = w("Colonnes de l’export CSV", "The CSV export's columns");
pub const COLUMNS_INTRO: Words = w(
    "Voici les colonnes proposées d’après l’en-tête du tableau. Vérifiez-les, corrigez-les au besoin, puis confirmez : elles seront gardées dans le registre pour le prochain import.",
    "These are the columns proposed from the table's header. Check them, correct them if need be, then confirm: they are kept in the register for the next import.",
);
pub const COL_DATE: Words = w("Date de l’opération", "Booking date");
pub const COL_AMOUNT: Words = w("Montant (signé)", "Amount (signed)");
pub const COL_DEBIT: Words = w("Débit", "Debit");
pub const COL_CREDIT: Words = w("Crédit", "Credit");
pub const COL_LABEL: Words = w("Libellé", "Label");
pub const COL_PARTY: Words = w("Tiers", "Other party");
pub const COL_REFERENCE: Words = w("Référence", "Reference");
pub const COL_NONE: Words = w("— aucune —", "— none —");
pub const CONFIRM_COLUMNS: Words = w("Confirmer ces colonnes et importer", "Confirm these columns and import");
pub const CANCEL: Words = w("Annuler", "Cancel");
pub const STEP_CREDITS: Words = w("4. Les crédits à attribuer", "4. Credits to attribute");
pub const NO_CREDITS: Words = w("Aucun crédit pour l’instant : importez un relevé.", "No credit yet: import a statement.");
pub const TH_DATE: Words = w("Date", "Date");
pub const TH_AMOUNT: Words = w("Montant", "Amount");
pub const TH_PAYER: Words = w("Payeur", "Payer");
pub const TH_TEXT: Words = w("Libellé", "Text");
pub const TH_BATCH: Words = w("Remise", "Batch");
pub const STEP_SAVE: Words = w("9. Enregistrer", "9. Save");
pub const SAVE: Words = w("Enregistrer le registre chiffré", "Save the encrypted register");
pub const SAVE_HINT: Words = w(
    "Le navigateur ne garde rien : fermer la page sans enregistrer perd les changements. Gardez le fichier, et une copie ailleurs.",
    "The browser keeps nothing: closing the page without saving loses the changes. Keep the file, and a copy elsewhere.",
);
pub const SAVED: Words = w("Registre enregistré, chiffré.", "Register saved, encrypted.");
pub const SAVE_FAILED: Words = w("L’enregistrement n’a pas abouti : rien n’a été écrit.", "Saving did not complete: nothing was written.");
pub const UNSAVED: Words = w("Changements non enregistrés.", "Unsaved changes.");
pub const LEAVE_WARNING: Words = w("Le registre a des changements non enregistrés.", "The register has unsaved changes.");
pub const UNREADABLE_FILE: Words = w("Le fichier n’a pas pu être lu.", "The file could not be read.");
pub const FILE_NAME: &str = "registre.circo-reg";

/// The configuration opened: whose account, and its IBAN.
pub fn config_opened(title: &str, iban: &str) -> Text {
    fill_both("Compte : {} ({}).", "Account: {} ({}).", &[title, iban])
}

/// A statement imported.
pub fn imported(added: usize, known: usize) -> Text {
    fill_both(
        "Relevé importé : {} opérations nouvelles, {} déjà dans le registre.",
        "Statement imported: {} new entries, {} already in the register.",
        &[&added.to_string(), &known.to_string()],
    )
}

/// A statement refused: the reader's message, after the file's name.
pub fn refused(file: &str, message: &Text) -> Text {
    Text::new(fill("« {} » n’est pas importé : {}", &[file, &message.fr]), fill("“{}” is not imported: {}", &[file, &message.en]))
}

/// How many credits, and their total.
pub fn credits_total(count: usize, total: Cents) -> Text {
    let n = count.to_string();
    Text::each(|lang| fill(lang.pick("{} crédits, {} au total.", "{} credits, {} in all."), &[&n, &total.format_with_cents(lang)]))
}

/// A batch line's part: « 2 sur 4 ».
pub fn batch_part(index: u32, count: u32) -> Text {
    fill_both("{} sur {}", "{} of {}", &[&(index + 1).to_string(), &count.to_string()])
}

// Attributing a credit.
pub const ATTRIBUTE: Words = w("Attribuer…", "Attribute…");
pub const ALL_ATTRIBUTED: Words = w("Tous les crédits sont attribués.", "Every credit is attributed.");
pub const CONFIRM_PROPOSAL: Words = w("Confirmer cette proposition", "Confirm this proposal");
pub const ONE_GIFT: Words = w("Un seul don", "One gift");
pub const DONOR: Words = w("Donateur", "Donor");
pub const NEW_DONOR: Words = w("Nouveau donateur", "New donor");
pub const NO_DONOR_YET: Words = w("Pas encore de donateur", "No donor yet");
pub const NAME: Words = w("Nom", "Surname");
pub const FIRST_NAMES: Words = w("Prénoms", "First names");
pub const NO_NAME: Words = w("Donateur sans nom n°", "Unnamed donor no.");
pub const NEW_DONOR_HINT: Words = w(
    "Pour un nouveau donateur : son nom et ses prénoms, le payeur tel que la banque l’écrit en premier. Ses autres données se complètent dans « Les donateurs ».",
    "For a new donor: their surname and first names, the payer as the bank writes it to start with. The rest of their data is filled in under “Donors”.",
);
pub const NEW_DONOR_IS_PAYER: Words = w("Nouveau donateur : le payeur", "New donor: the payer");
pub const GIFT_CHANGED: Words = w("Don modifié.", "Gift changed.");
pub const ATTRIBUTE_GIFT: Words = w("Attribuer ce don", "Attribute this gift");
pub const SPLIT_TITLE: Words = w("Une remise de chèques, ou un versement groupé d’un prestataire", "A deposit of cheques, or a provider’s batch payment");
pub const SPLIT_LABEL: Words = w("Les paiements qui la composent", "The payments it is made of");
pub const SPLIT_HINT: Words = w(
    "Un paiement par ligne : payeur ; n° de chèque ; montant (par exemple « Jeanne Martin ; 0001234 ; 50 »). Pour un prestataire, « payeur ; montant ». Leur somme doit faire le montant du crédit.",
    "One payment per line: payer ; cheque number ; amount (for example “Jeanne Martin ; 0001234 ; 50”). For a provider, “payer ; amount”. They must add up to the credit.",
);
pub const PROVIDER_LABEL: Words = w("Ou lire l’export CSV du prestataire (HelloAsso, SumUp, Stripe…)", "Or read the provider’s CSV export (HelloAsso, SumUp, Stripe…)");
pub const SPLIT: Words = w("Répartir en dons", "Split into gifts");
pub const NOT_GIFT_TITLE: Words = w("Pas un don", "Not a gift");
pub const NOT_GIFT_LABEL: Words = w("Ce crédit est", "This credit is");
pub const OTHER_LABEL: Words = w("Précisez (autre)", "Say what (other)");
pub const OTHER: Words = w("autre chose", "something else");
pub const MARK_NOT_GIFT: Words = w("Marquer : pas un don", "Mark: not a gift");
pub const CLOSE: Words = w("Fermer", "Close");
pub const ATTRIBUTED: Words = w("Crédit attribué : le don est dans la liste des dons.", "Credit attributed: the gift is in the list of gifts.");
pub const NOT_GIFT_DONE: Words = w("Crédit marqué : ce n’est pas un don.", "Credit marked: it is not a gift.");
pub const OTHER_MISSING: Words = w("Dites ce qu’est ce crédit.", "Say what this credit is.");
pub const UNDONE: Words = w("Attribution annulée : le crédit est de nouveau à attribuer.", "Attribution undone: the credit is to be attributed again.");

// The gifts.
pub const STEP_GIFTS: Words = w("5. Les dons", "5. Gifts");
pub const NO_GIFTS: Words = w("Aucun don pour l’instant.", "No gift yet.");
pub const TH_METHOD: Words = w("Mode", "Method");
pub const TH_DONOR: Words = w("Donateur", "Donor");
pub const TH_RECEIPT: Words = w("N° de reçu", "Receipt no.");
pub const TH_GIFT: Words = w("Don", "Gift");
pub const UNDO: Words = w("Annuler l’attribution", "Undo the attribution");
pub const REMOVE: Words = w("Supprimer ce don", "Delete this gift");
pub const REMOVED: Words = w("Don supprimé.", "Gift deleted.");
pub const RECEIPT_HINT: Words = w(
    "Le numéro imprimé sur le reçu-don de la CNCCFP que vous remettez : le registre le note, il n’en invente pas.",
    "The number printed on the CNCCFP receipt form you issue: the register records it, it never makes one up.",
);
pub const HAND_TITLE: Words = w("Ajouter un don à la main (espèces, chèque pas encore sur un relevé)", "Add a gift by hand (cash, a cheque not yet on a statement)");
pub const HAND_DATE: Words = w("Date du don", "Date of the gift");
pub const HAND_AMOUNT: Words = w("Montant (€)", "Amount (€)");
pub const HAND_METHOD: Words = w("Mode de paiement", "Payment method");
pub const HAND_PAYER: Words = w("Payeur (tel qu’écrit sur le chèque)", "Payer (as written on the cheque)");
pub const HAND_CHEQUE: Words = w("N° de chèque", "Cheque no.");
pub const ADD_GIFT: Words = w("Ajouter ce don", "Add this gift");
pub const HAND_ADDED: Words = w("Don ajouté à la liste des dons.", "Gift added to the list of gifts.");
pub const BAD_DATE: Words = w("Indiquez la date du don.", "Enter the date of the gift.");
pub const NOT_GIFTS_TITLE: Words = w("Crédits qui ne sont pas des dons", "Credits that are not gifts");

// The donors.
pub const STEP_DONORS: Words = w("6. Les donateurs", "6. Donors");
pub const NO_DONORS: Words = w("Aucun donateur pour l’instant : attribuez un crédit ou ajoutez-en un.", "No donor yet: attribute a credit or add one.");
pub const NATIONALITY: Words = w("Nationalité", "Nationality");
pub const RESIDES: Words = w("Réside en France", "Resides in France");
pub const YES: Words = w("oui", "yes");
pub const NO: Words = w("non", "no");
pub const UNKNOWN: Words = w("non renseigné", "not given");
pub const ADDRESS: Words = w("Adresse fiscale (une ligne par ligne de l’adresse)", "Tax address (one line per line of the address)");
pub const SAVE_DONOR: Words = w("Enregistrer ce donateur", "Save this donor");
pub const DONOR_SAVED: Words = w("Donateur enregistré.", "Donor saved.");
pub const MERGE_LABEL: Words = w("Est la même personne que", "Is the same person as");
pub const MERGE: Words = w("Fusionner", "Merge");
pub const MERGED: Words = w("Donateurs fusionnés : leurs dons sont réunis.", "Donors merged: their gifts are together.");
pub const ADD_DONOR: Words = w("Ajouter un donateur", "Add a donor");
pub const DONOR_ADDED: Words = w("Donateur ajouté : complétez ses données.", "Donor added: fill in their data.");

// The checks and the summary.
pub const STEP_CHECKS: Words = w("7. Vérifications et résumé", "7. Checks and summary");
pub const NO_CHECKS: Words = w("Aucune vérification ne signale de problème.", "No check reports a problem.");
pub const LEVEL_ERROR: Words = w("À corriger", "To correct");
pub const LEVEL_WARNING: Words = w("À vérifier", "To check");
pub const CHECKS_NOTE: Words = w(
    "Chaque vérification cite son article. Le plafond par personne vaut pour tous les dons du donateur à l’élection, aux autres candidats compris : le registre ne voit que les vôtres.",
    "Each check cites its article. The cap per person holds for all the donor's gifts to the election, to other candidates included: the register sees only yours.",
);

// What comes out.
pub const STEP_OUTPUTS: Words = w("8. Ce qui sort du registre", "8. What comes out of the register");
pub const CSV_HINT: Words = w(
    "Un fichier CSV en UTF-8, séparé par des points-virgules, virgule décimale et dates jj/mm/aaaa : LibreOffice et Excel en français l’ouvrent en colonnes. Il n’est pas chiffré : gardez-le à l’abri.",
    "A CSV file in UTF-8, separated by semicolons, with a decimal comma and dd/mm/yyyy dates: LibreOffice and Excel in French open it as columns. It is not encrypted: keep it safe.",
);
pub const DOWNLOAD_CSV: Words = w("Télécharger la liste des donateurs (CSV)", "Download the list of donors (CSV)");
pub const PRINT_LIST: Words = w("Imprimer la liste des donateurs", "Print the list of donors");
pub const DOWNLOAD_CONFIG: Words = w("Télécharger le nouveau circo.json", "Download the new circo.json");
pub const CONFIG_OUT_HINT: Words = w(
    "Publiez-le à la place de l’ancien : le widget affichera ce montant collecté. Le reste de la configuration est inchangé.",
    "Publish it in place of the old one: the widget will show this amount raised. The rest of the configuration is unchanged.",
);
pub const CSV_FILE_NAME: &str = "donateurs.csv";
pub const CONFIG_FILE_NAME: &str = "circo.json";
pub const DOWNLOADED: Words = w("Fichier téléchargé.", "File downloaded.");

/// How many credits are left to attribute, of how many.
pub fn credits_left(left: usize, all: usize, total: Cents) -> Text {
    let (l, a) = (left.to_string(), all.to_string());
    Text::each(|lang| fill(lang.pick("{} crédits à attribuer sur {}, soit {}.", "{} of {} credits to attribute, {} in all."), &[&l, &a, &total.format_with_cents(lang)]))
}

/// The heading of the panel that attributes one credit.
pub fn attribute_title(date: Date, amount: Cents, payer: &str) -> Text {
    Text::each(|lang| {
        let (d, a) = (date.format(lang), amount.format_with_cents(lang));
        if payer.is_empty() {
            fill(lang.pick("Attribuer le crédit du {} de {}", "Attribute the credit of {} for {}"), &[&d, &a])
        } else {
            fill(lang.pick("Attribuer le crédit du {} de {} ({})", "Attribute the credit of {} for {} ({})"), &[&d, &a, payer])
        }
    })
}

/// A proposed donor for a credit, and why.
pub fn proposal(donor: &str, reference: Option<&str>, by_hand: bool) -> Text {
    let mut text = match reference {
        Some(r) => fill_both("Proposition : {}, par la référence {} du don.", "Proposal: {}, by the gift's reference {}.", &[donor, r]),
        None => fill_both("Proposition : {}, par le nom du payeur.", "Proposal: {}, by the payer's name.", &[donor]),
    };
    if by_hand {
        text.fr.push_str(" C’est le don déjà noté à la main, qui sera rattaché à ce crédit.");
        text.en.push_str(" It is the gift already entered by hand, which will be tied to this credit.");
    }
    text
}

/// What the typed parts of a deposit add up to, against the credit.
pub fn split_status(count: usize, parts: Cents, credit: Cents) -> Text {
    let n = count.to_string();
    Text::each(|lang| {
        let (p, c) = (parts.format_with_cents(lang), credit.format_with_cents(lang));
        let gap = Cents::new((credit.get() - parts.get()).abs()).format_with_cents(lang);
        let template = match parts.cmp(&credit) {
            std::cmp::Ordering::Equal => lang.pick("{} paiements, {} : le compte y est ({}).", "{} payments, {}: it adds up ({})."),
            std::cmp::Ordering::Less => lang.pick("{} paiements, {} sur {} : il manque {}.", "{} payments, {} of {}: {} missing."),
            std::cmp::Ordering::Greater => lang.pick("{} paiements, {} pour {} : {} de trop.", "{} payments, {} for {}: {} too much."),
        };
        if parts == credit { fill(template, &[&n, &p, &c]) } else { fill(template, &[&n, &p, &c, &gap]) }
    })
}

/// A split done.
pub fn split_done(count: usize) -> Text {
    fill_both(
        "Crédit réparti en {} dons : rattachez chacun à son donateur dans la liste des dons.",
        "Credit split into {} gifts: tie each to its donor in the list of gifts.",
        &[&count.to_string()],
    )
}

/// A gift as links and labels name it: « don n° 12 ».
pub fn gift_name(id: u32) -> Text {
    fill_both("don n° {}", "gift no. {}", &[&id.to_string()])
}

/// The receipt field's label for one gift (its visible label is the column's).
pub fn receipt_of(id: u32) -> Text {
    fill_both("N° de reçu du don n° {}", "Receipt no. of gift no. {}", &[&id.to_string()])
}

/// The donor field's label for one gift.
pub fn donor_of(id: u32) -> Text {
    fill_both("Donateur du don n° {}", "Donor of gift no. {}", &[&id.to_string()])
}

/// The option that makes a new donor of a gift's payer.
pub fn new_donor_named(payer: &str) -> Text {
    fill_both("Nouveau donateur : {}", "New donor: {}", &[payer])
}

/// A donor's gifts in all.
pub fn donor_total(total: Cents, gifts: usize) -> Text {
    let n = gifts.to_string();
    Text::each(|lang| fill(lang.pick("{} en {} don(s)", "{} in {} gift(s)"), &[&total.format_with_cents(lang), &n]))
}

/// How many checks fired.
pub fn checks_count(errors: usize, warnings: usize) -> Text {
    fill_both("{} à corriger, {} à vérifier.", "{} to correct, {} to check.", &[&errors.to_string(), &warnings.to_string()])
}

/// The goal's figures the new circo.json will carry.
pub fn goal_line(raised_euros: i64, as_of: Date) -> Text {
    Text::each(|lang| {
        let raised = Cents::from_euros(raised_euros).format(lang);
        fill(
            lang.pick("Le widget affichera {} collectés au {} (les dons gardés : ce qui est à rendre n’est pas compté).", "The widget will show {} raised as of {} (the gifts kept: what is to be returned is not counted)."),
            &[&raised, &as_of.format(lang)],
        )
    })
}

/// The printable list's heading.
pub fn print_title(account: &str) -> Text {
    fill_both("Liste des donateurs — {}", "List of donors — {}", &[account])
}

/// A provider's export read into the split's lines.
pub fn provider_read(file: &str, parts: usize, skipped: usize) -> Text {
    let (p, k) = (parts.to_string(), skipped.to_string());
    fill_both(
        "« {} » : {} paiements lus, {} ligne(s) non payée(s) laissée(s) de côté. Vérifiez les lignes, puis répartissez.",
        "“{}”: {} payments read, {} row(s) not paid left out. Check the lines, then split.",
        &[file, &p, &k],
    )
}
