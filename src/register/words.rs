//! Every sentence of the register page (`registre.html`), in French and English. The
//! page's shell only places them; sentences with a value are functions returning
//! [`Text`].

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
    "Voici les colonnes lues depuis l’en-tête du tableau. Vérifiez-les, puis confirmez : elles seront gardées dans le registre pour le prochain import.",
    "These are the columns read from the table's header. Check them, then confirm: they are kept in the register for the next import.",
);
pub const COL_DATE: Words = w("Date de l’opération", "Booking date");
pub const COL_AMOUNT: Words = w("Montant (signé)", "Amount (signed)");
pub const COL_DEBIT: Words = w("Débit", "Debit");
pub const COL_CREDIT: Words = w("Crédit", "Credit");
pub const COL_LABEL: Words = w("Libellé", "Label");
pub const COL_PARTY: Words = w("Tiers", "Other party");
pub const COL_REFERENCE: Words = w("Référence", "Reference");
pub const CONFIRM_COLUMNS: Words = w("Confirmer ces colonnes et importer", "Confirm these columns and import");
pub const CANCEL: Words = w("Annuler", "Cancel");
pub const STEP_CREDITS: Words = w("4. Les crédits à attribuer", "4. Credits to attribute");
pub const NO_CREDITS: Words = w("Aucun crédit pour l’instant : importez un relevé.", "No credit yet: import a statement.");
pub const TH_DATE: Words = w("Date", "Date");
pub const TH_AMOUNT: Words = w("Montant", "Amount");
pub const TH_PAYER: Words = w("Payeur", "Payer");
pub const TH_TEXT: Words = w("Libellé", "Text");
pub const TH_BATCH: Words = w("Remise", "Batch");
pub const STEP_SAVE: Words = w("5. Enregistrer", "5. Save");
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
