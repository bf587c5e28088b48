//! Interface labels of web pages in other languages, keyed by language (ISO 639-1 code):
//! navigation, sharing, comment and login words that are furniture when a whole short line
//! is one of them ("Startseite", "Commentaires", "Iniciar sesión"). They only ever match a
//! whole line, so prose in these languages is never touched; English has its own, richer
//! cues in [`super::english_furniture`]. The line cleaner reads every language's labels,
//! since a page's navigation may be in another language than its story.
//!
//! Each list is lowercase and sorted, for a binary search.

/// Interface labels by language.
pub const INTERFACE_LABELS: &[(&str, &[&str])] = &[("de", GERMAN), ("es", SPANISH), ("fr", FRENCH)];

/// German.
const GERMAN: &[&str] = &[
    "abonnieren",
    "anmelden",
    "artikel drucken",
    "artikel versenden",
    "ausloggen",
    "datenschutz",
    "datenschutzerklärung",
    "drucken",
    "e-mail",
    "einloggen",
    "empfehlen",
    "impressum",
    "kommentar schreiben",
    "kommentare",
    "kommentieren",
    "kontakt",
    "mehr zum thema",
    "meistgelesen",
    "nach oben",
    "newsletter",
    "registrieren",
    "schließen",
    "startseite",
    "suche",
    "teilen",
    "twittern",
    "versenden",
    "weiterlesen",
    "zum artikel",
    "zur startseite",
    "zurück",
];

/// Spanish.
const SPANISH: &[&str] = &[
    "aviso legal",
    "buscar",
    "cerrar",
    "comentar",
    "comentarios",
    "compartir",
    "contacto",
    "enviar",
    "imprimir",
    "iniciar sesión",
    "inicio",
    "leer más",
    "lo más leído",
    "noticias relacionadas",
    "portada",
    "privacidad",
    "registrarse",
    "suscríbete",
    "volver",
];

/// French.
const FRENCH: &[&str] = &[
    "accueil",
    "commentaires",
    "commenter",
    "connexion",
    "contact",
    "envoyer",
    "fermer",
    "imprimer",
    "les plus lus",
    "lire la suite",
    "mentions légales",
    "partager",
    "recherche",
    "rechercher",
    "retour",
    "s'abonner",
    "s'inscrire",
    "se connecter",
    "sur le même sujet",
];

/// Whether `label` (a lowercased line without its bullets and closing punctuation) is an
/// interface label in any of the languages above.
pub fn is_interface_label(label: &str) -> bool {
    INTERFACE_LABELS
        .iter()
        .any(|(_, labels)| labels.binary_search(&label).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_lowercase_and_unique() {
        for (code, labels) in INTERFACE_LABELS {
            for w in labels.windows(2) {
                assert!(w[0] < w[1], "{code}: {:?} before {:?}", w[0], w[1]);
            }
            for l in *labels {
                assert_eq!(*l, l.to_lowercase(), "{code}: {l}");
            }
        }
    }

    #[test]
    fn labels_match_whole_lines_only() {
        assert!(is_interface_label("startseite"));
        assert!(is_interface_label("commentaires"));
        assert!(is_interface_label("iniciar sesión"));
        assert!(!is_interface_label("die startseite wurde neu gestaltet"));
    }
}
