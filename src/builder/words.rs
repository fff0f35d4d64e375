//! Every sentence of the builder page that is not a field's (those are in
//! [`super::fields`]) or a problem's (those are `config`'s), and the embed snippet's
//! addresses.

use crate::embed;
use crate::i18n::{Lang, Text};

/// The page's fixed words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageWords {
    pub title: Text,
    pub intro: Text,
    pub privacy: Text,
    pub language_label: Text,
    pub start_heading: Text,
    /// The file input's label: its accessible name.
    pub import: Text,
    pub import_help: Text,
    pub new: Text,
    pub form_label: Text,
    pub problems_help: Text,
    pub warnings_heading: Text,
    pub file_problem: Text,
    pub unreadable: Text,
    pub preview_heading: Text,
    pub preview_help: Text,
    pub export_heading: Text,
    pub download: Text,
    pub copy: Text,
    pub copied: Text,
    pub copy_failed: Text,
    pub json_label: Text,
    pub embed_heading: Text,
    pub config_url: Text,
    pub config_url_help: Text,
    pub files_url: Text,
    pub files_url_help: Text,
    pub snippet_label: Text,
    pub prerender_heading: Text,
    pub prerender_help: Text,
    pub prerender_label: Text,
    pub prerender_copy: Text,
    pub prerender_copied: Text,
    pub prerender_broken: Text,
    pub prerender_per_circo: Text,
    pub check_help: Text,
    pub leave_warning: Text,
    pub registry_note: Text,
    /// Before an error's message at its field.
    pub error_tag: Text,
    /// Before a warning's message at its field.
    pub warning_tag: Text,
    /// After a date field's label.
    pub date_format: Text,
    /// Between what a summary entry is about and its message.
    pub colon: Text,
    pub new_registry: Text,
    pub add_link: Text,
    pub add_inline: Text,
    /// The multiple file input's label.
    pub add_files: Text,
    pub move_up: Text,
    pub move_down: Text,
    pub remove: Text,
    /// A registry's commune files, downloaded as one zip.
    pub communes_heading: Text,
    pub communes_help: Text,
    pub communes_download: Text,
    pub download_failed: Text,
}

fn t(fr: &str, en: &str) -> Text {
    Text::new(fr, en)
}

pub fn page() -> PageWords {
    PageWords {
        title: t("Préparer le module de dons de votre circonscription", "Set up your circonscription's donation widget"),
        intro: t("Remplissez ce formulaire : il écrit pour vous le fichier circo.json que le module de dons lit. L’aperçu montre le module tel que vos donateurs le verront.",
            "Fill in this form: it writes for you the circo.json file the donation widget reads. The preview shows the widget as your donors will see it."),
        privacy: t("Rien de ce que vous tapez ne quitte cette page ni n’est gardé dans ce navigateur : téléchargez le fichier avant de fermer l’onglet.",
            "Nothing you type leaves this page or is kept in this browser: download the file before you close the tab."),
        language_label: t("Langue", "Language"),
        start_heading: t("Commencer", "Start"),
        import: t("Importer une configuration", "Import a configuration"),
        import_help: t("Un fichier circo.json (un compte) ou un registre de mouvement. Vous pouvez aussi le glisser sur cette page, ou coller son texte.",
            "A circo.json file (one account) or a movement's registry. You can also drop it on this page, or paste its text."),
        new: t("Nouvelle configuration vide", "New empty configuration"),
        form_label: t("La configuration", "The configuration"),
        problems_help: t("Le module refusera d’afficher les moyens de paiement tant que ces erreurs restent :", "The widget will not show the payment details while these errors remain:"),
        warnings_heading: t("À vérifier", "To check"),
        file_problem: t("Le fichier", "The file"),
        unreadable: t("Ce fichier n’est pas une configuration que cette version lit. Corrigez-le, importez-en un autre ou commencez une configuration vide.",
            "This file is not a configuration this version reads. Fix it, import another one or start an empty configuration."),
        preview_heading: t("Aperçu", "Preview"),
        preview_help: t("Le vrai module, avec votre configuration : essayez-le comme un donateur.", "The real widget, with your configuration: try it as a donor would."),
        export_heading: t("Enregistrer et publier", "Save and publish"),
        download: t("Télécharger circo.json", "Download circo.json"),
        copy: t("Copier le JSON", "Copy the JSON"),
        copied: t("Le JSON est copié.", "The JSON is copied."),
        copy_failed: t("Copie impossible : sélectionnez le texte ci-dessous et copiez-le.", "Cannot copy: select the text below and copy it."),
        json_label: t("Le fichier circo.json", "The circo.json file"),
        embed_heading: t("Le code à coller dans votre site", "The code to paste in your site"),
        config_url: t("Adresse où circo.json sera publié", "Address where circo.json will be published"),
        config_url_help: t("Par exemple https://votre-site.fr/don/circo.json", "For example https://your-site.fr/don/circo.json"),
        files_url: t("Adresse du dossier des fichiers du module", "Address of the widget files' folder"),
        files_url_help: t("Le dossier où vous publiez circo-don.js, circo-don_bg.wasm et circo-don.css, par exemple https://votre-site.fr/don/",
            "The folder where you publish circo-don.js, circo-don_bg.wasm and circo-don.css, for example https://your-site.fr/don/"),
        snippet_label: t("Code d’intégration", "Embed code"),
        prerender_heading: t("Le code avec le module déjà affiché", "The code with the widget already shown"),
        prerender_help: t("Le même code, qui contient aussi le module tel qu’il s’affiche aujourd’hui : il se lit avant le chargement du module et sans JavaScript, puis le module prend sa place. Il est daté : refaites-le quand la configuration change. Publiez aussi circo-don.css dans le dossier des fichiers du module.",
            "The same code, also holding the widget as it shows today: it reads before the widget loads and without JavaScript, then the widget takes its place. It is dated: make it again when the configuration changes. Also publish circo-don.css in the widget files' folder."),
        prerender_label: t("Code d’intégration avec le module déjà affiché", "Embed code with the widget already shown"),
        prerender_copy: t("Copier ce code", "Copy this code"),
        prerender_copied: t("Le code est copié.", "The code is copied."),
        prerender_broken: t("Pas de code avec le module déjà affiché tant que la configuration a des erreurs : il montrerait un compte faux.",
            "No code with the widget already shown while the configuration has errors: it would show a wrong account."),
        prerender_per_circo: t("Un registre n’a pas de code avec le module déjà affiché : il se fait par circonscription. Importez le fichier de la circonscription ici, ou lancez « circo-don render registre.json --circo 75-01 … ».",
            "A registry has no code with the widget already shown: it is made per circonscription. Import the circonscription's file here, or run “circo-don render registry.json --circo 75-01 …”."),
        check_help: t("Une fois publié, vérifiez le fichier en ligne avec « circo-don check https://… » ou en ouvrant la page : le module dit ce qui ne va pas.",
            "Once published, check the file online with “circo-don check https://…” or by opening the page: the widget says what is wrong."),
        leave_warning: t("Vos modifications ne sont pas téléchargées.", "Your changes are not downloaded."),
        registry_note: t("Registre d’un mouvement : chaque circonscription est vérifiée à part, et une erreur ne désactive qu’elle. Une circonscription est un lien vers son propre fichier, ou son compte complet.",
            "A movement's registry: each circonscription is checked on its own, and an error disables only that one. A circonscription is a link to its own file, or its whole account."),
        error_tag: t("Erreur :", "Error:"),
        warning_tag: t("À vérifier :", "To check:"),
        date_format: t(" (AAAA-MM-JJ)", " (YYYY-MM-DD)"),
        colon: t(" : ", ": "),
        new_registry: t("Nouveau registre de mouvement (plusieurs circonscriptions)", "New movement registry (several circonscriptions)"),
        add_link: t("Ajouter une circonscription par un lien", "Add a circonscription by a link"),
        add_inline: t("Ajouter une circonscription avec son compte", "Add a circonscription with its account"),
        add_files: t("Ajouter des fichiers de circonscriptions (plusieurs à la fois)", "Add circonscription files (several at once)"),
        move_up: t("Monter", "Move up"),
        move_down: t("Descendre", "Move down"),
        remove: t("Retirer", "Remove"),
        communes_heading: t("Toute la France : les communes à part", "All of France: the communes apart"),
        communes_help: t("Un registre qui liste des milliers de communes devient trop lourd pour une page. Ce fichier zip contient le registre sans ses communes et, dans un dossier communes/, un petit fichier par début de mot ou de code postal (sai.json, eti.json, 420.json…), que la page ne charge que lorsqu’un donateur cherche sa commune. Décompressez-le et publiez son contenu tel quel, à l’adresse du registre. Le module de dons de cette version ne lit pas encore ces fichiers : il cherche alors par département, numéro et nom de circonscription ; gardez les communes dans le registre tant qu’il tient dans une page.",
            "A registry listing thousands of communes becomes too heavy for a page. This zip file holds the registry without its communes and, in a communes/ folder, one small file per start of a word or postal code (sai.json, eti.json, 420.json…), which the page loads only when a donor searches for their town. Unpack it and publish its contents as they are, at the registry's address. This version's donation widget does not read these files yet: it then searches by department, number and circonscription name; keep the communes in the registry while it fits in a page."),
        communes_download: t("Télécharger le registre et ses fichiers de communes (.zip)", "Download the registry and its commune files (.zip)"),
        download_failed: t("Ce navigateur n’a pas pu commencer le téléchargement : réessayez, ou utilisez « circo-don communes registre.json --zip registre-communes.zip ».",
            "This browser could not start the download: try again, or use “circo-don communes registry.json --zip registry-communes.zip”."),
    }
}

/// The name of the zip of a registry's commune files, and of the registry in it: the
/// file the configuration's address or path names (`…/registre.json`; an address's query
/// and fragment left out, and a folder's `#` kept), when that name is made of ASCII
/// letters, digits, `-`, `_` and `.` and ends in `.json`; else `registre.json`.
/// `circo-don communes` names it the same way.
pub fn communes_names(config_url: &str) -> (String, String) {
    fn cut(s: &str) -> &str {
        s.split(['?', '#']).next().unwrap_or_default()
    }
    let path = if crate::url::is_web(config_url) { cut(config_url) } else { config_url };
    let last = cut(path.rsplit(['/', '\\']).next().unwrap_or_default());
    let registry = match last.strip_suffix(".json") {
        Some(stem) if !stem.is_empty() && stem.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)) => last.to_owned(),
        _ => "registre.json".to_owned(),
    };
    let zip = [registry.strip_suffix(".json").unwrap_or(&registry), "-communes.zip"].concat();
    (zip, registry)
}

/// While the zip of commune files is being written.
pub fn communes_preparing() -> Text {
    Text::new(
        "Préparation du fichier zip… Pour un registre de toute la France, cela prend quelques secondes.",
        "Preparing the zip file… For a registry of all of France, this takes a few seconds.",
    )
}

/// What the zip of commune files downloaded holds.
pub fn communes_downloaded(zip: &str, registry: &str, files: usize, communes: usize) -> Text {
    Text::new(
        format!(
            "Le téléchargement de {zip} a commencé : {registry} sans ses communes, et {} dans communes/ ({}). Décompressez-le dans le dossier où le registre est publié.",
            plural(files, "fichier", "fichiers", Lang::Fr),
            plural(communes, "commune", "communes", Lang::Fr)
        ),
        format!(
            "{zip} is being downloaded: {registry} without its communes, and {} in communes/ ({}). Unpack it in the folder where the registry is published.",
            plural(files, "file", "files", Lang::En),
            plural(communes, "commune", "communes", Lang::En)
        ),
    )
}

/// `n` and its noun in `lang`: French puts 0 and 1 in the singular (« 0 fichier »),
/// English 1 only ("0 files").
pub(crate) fn plural(n: usize, one: &str, many: &str, lang: Lang) -> String {
    let singular = match lang {
        Lang::Fr => n <= 1,
        Lang::En => n == 1,
    };
    format!("{n} {}", if singular { one } else { many })
}

/// The error summary's title.
pub fn summary_heading(errors: usize) -> Text {
    match errors {
        1 => t("Il y a un problème", "There is a problem"),
        n => Text::new(format!("Il y a {n} problèmes"), format!("There are {n} problems")),
    }
}

/// What became of account files added to a registry.
pub fn accounts_added(added: usize, skipped: usize) -> Text {
    match skipped {
        0 => Text::new(format!("{added} fichier(s) ajouté(s)."), format!("{added} file(s) added.")),
        _ => Text::new(
            format!("{added} fichier(s) ajouté(s) ; {skipped} laissé(s) de côté : ce ne sont pas des comptes circo-don/1."),
            format!("{added} file(s) added; {skipped} left out: they are not circo-don/1 accounts."),
        ),
    }
}

/// The legend of a registry's entry `i` (from 0).
pub fn entry_legend(i: usize, link: bool) -> Text {
    let n = i + 1;
    if link {
        Text::new(format!("Circonscription n° {n} (lien vers son fichier)"), format!("Circonscription no. {n} (link to its file)"))
    } else {
        Text::new(format!("Circonscription n° {n}"), format!("Circonscription no. {n}"))
    }
}

/// A group's legend inside registry entry `i`.
pub fn in_entry(i: usize, legend: &Text) -> Text {
    let entry = entry_legend(i, false);
    Text::new(format!("{} : {}", entry.fr, legend.fr), format!("{}: {}", entry.en, legend.en))
}

/// The two addresses the collective typed, as the widget's snippet takes them: the
/// configuration's URL and the folder of the widget's files (a typed `…/circo-don.js`
/// names its folder). Empty fields give the example addresses.
pub fn addresses(config_url: &str, files_url: &str) -> (String, String) {
    let config_url = or(config_url, "https://votre-site.fr/don/circo.json");
    let files = or(files_url, "https://votre-site.fr/don/");
    let base = files.strip_suffix("circo-don.js").map(str::to_owned).unwrap_or(files);
    (config_url, base)
}

/// The embed snippet ([`embed::snippet_html`], with an empty host): the wasm's preload,
/// the element that hosts the widget, naming the configuration, and the script that
/// starts it, from the folder of the widget's files.
pub fn snippet(config_url: &str, files_url: &str) -> String {
    let (config_url, base) = addresses(config_url, files_url);
    embed::snippet_html(&config_url, &base, None, None)
}

fn or(typed: &str, example: &str) -> String {
    match typed.trim() {
        "" => example.to_owned(),
        t => t.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_is_the_widgets_from_the_two_addresses() {
        let s = snippet(" https://a.fr/don/circo.json ", "https://a.fr/w/");
        assert_eq!(s, embed::snippet_html("https://a.fr/don/circo.json", "https://a.fr/w/", None, None));
        let host = format!("<div data-circo-don=\"https://a.fr/don/circo.json\">{}</div>\n<script type=\"module\" src=\"https://a.fr/w/circo-don.js\"></script>\n", embed::FALLBACK);
        assert!(s.contains(&host), "{s}");
        assert!(snippet("", "https://b.fr/circo-don.js").contains("src=\"https://b.fr/circo-don.js\""));
        assert!(snippet("", "").contains("data-circo-don=\"https://votre-site.fr/don/circo.json\""));
    }

    #[test]
    fn every_page_word_has_both_languages() {
        let w = format!("{:?}", page());
        assert!(!w.contains("fr: \"\"") && !w.contains("en: \"\""));
        assert_eq!(page().import.fr, "Importer une configuration");
        assert_eq!(summary_heading(2).en, "There are 2 problems");
    }
}
