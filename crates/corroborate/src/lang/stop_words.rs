//! Stop words of languages other than English, keyed by ISO 639-1 code, and a cheap test of
//! which of them a text is written in (the share of its words that are each language's stop
//! words).
//!
//! Story grouping reads them ([`crate::stories`]) to tell the languages of articles that do
//! not read as English apart, so that German and French stories are grouped apart. The
//! lists are the function words of the Snowball stop lists (articles, pronouns,
//! prepositions, conjunctions, auxiliaries), lowercase; English's are in
//! [`super::english`]. A word may be a stop word of several languages ("de", "la").
//! Not whatlang (what HTML ingest uses): it costs about 0.86M instructions per text
//! (docs/notes/xspeed5.md), while this test rides on the stories featurizer's per-word cache.
//! (Taking them out of the terms was measured and not kept: docs/notes/storyops.md.)

/// A language with a stop list here: its code and its stop words, lowercase.
#[derive(Debug)]
pub struct StopList {
    /// ISO 639-1 code.
    pub code: &'static str,
    /// Stop words, lowercase.
    pub words: &'static [&'static str],
}

const GERMAN: &[&str] = &[
    "aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an", "andere",
    "anderen", "anderer", "anderes", "auch", "auf", "aus", "bei", "beim", "bereits", "bin",
    "bis", "bist", "da", "dabei", "damit", "dann", "das", "dass", "daß", "dein", "deine", "dem",
    "den", "denn", "der", "des", "dich", "die", "dies", "diese", "diesem", "diesen", "dieser",
    "dieses", "dir", "doch", "dort", "du", "durch", "ein", "eine", "einem", "einen", "einer",
    "eines", "einige", "einigen", "einmal", "er", "es", "etwas", "euch", "euer", "eure", "für",
    "gegen", "gewesen", "hab", "habe", "haben", "hat", "hatte", "hatten", "hier", "hin",
    "hinter", "ich", "ihm", "ihn", "ihnen", "ihr", "ihre", "ihrem", "ihren", "ihrer", "ihres",
    "im", "immer", "in", "indem", "ins", "ist", "jede", "jedem", "jeden", "jeder", "jedes",
    "jetzt", "kann", "kein", "keine", "keinem", "keinen", "keiner", "können", "könnte", "man",
    "mehr", "mein", "meine", "meinem", "meinen", "meiner", "mich", "mir", "mit", "muss",
    "musste", "nach", "nicht", "nichts", "noch", "nun", "nur", "ob", "oder", "ohne", "schon",
    "sehr", "sein", "seine", "seinem", "seinen", "seiner", "seines", "seit", "selbst", "sich",
    "sie", "sind", "so", "soll", "sollte", "sondern", "sowie", "über", "um", "und", "uns",
    "unser", "unsere", "unserem", "unseren", "unter", "viel", "vom", "von", "vor", "während",
    "war", "waren", "was", "weil", "welche", "welchem", "welchen", "welcher", "wenn", "wer",
    "werde", "werden", "wie", "wieder", "will", "wir", "wird", "wo", "wollen", "wollte",
    "worden", "wurde", "wurden", "würde", "würden", "zu", "zum", "zur", "zwar", "zwischen",
];

const FRENCH: &[&str] = &[
    "ai", "ainsi", "alors", "as", "au", "aussi", "aux", "avait", "avaient", "avant", "avec",
    "avez", "avons", "bien", "ce", "ceci", "cela", "ces", "cet", "cette", "chez", "comme",
    "contre", "dans", "de", "depuis", "des", "donc", "dont", "du", "déjà", "elle", "elles", "en",
    "encore", "entre", "es", "est", "et", "eu", "eux", "fait", "ici", "il", "ils", "je", "la",
    "le", "les", "leur", "leurs", "lors", "lui", "ma", "mais", "me", "mes", "moi", "mon",
    "même", "ne", "nos", "notre", "nous", "on", "ont", "ou", "où", "par", "pas", "peu", "plus",
    "pour", "qu", "quand", "que", "quel", "quelle", "quels", "qui", "sa", "sans", "se", "selon",
    "sera", "seront", "serait", "ses", "si", "son", "sont", "sous", "suis", "sur", "ta", "te",
    "tes", "toi", "ton", "tous", "tout", "toute", "toutes", "très", "tu", "un", "une", "vos",
    "votre", "vous", "à", "était", "étaient", "été", "être", "après",
];

const SPANISH: &[&str] = &[
    "al", "algo", "algunos", "ante", "antes", "así", "aunque", "cada", "como", "con", "contra",
    "cual", "cuando", "de", "del", "desde", "donde", "durante", "el", "ella", "ellas", "ellos",
    "en", "entre", "era", "eran", "es", "esa", "esas", "ese", "eso", "esos", "esta", "estas",
    "este", "esto", "estos", "está", "están", "fue", "ha", "han", "había", "hasta", "hay", "la",
    "las", "le", "les", "lo", "los", "me", "mi", "mis", "muy", "más", "mucho", "nada", "ni",
    "no", "nos", "nosotros", "nuestra", "nuestro", "o", "os", "otra", "otras", "otro",
    "otros", "para", "pero", "poco", "por", "porque", "que", "quien", "qué", "se", "según",
    "ser", "si", "sido", "sin", "sobre", "son", "su", "sus", "sí", "también", "te", "tiene",
    "tienen", "todo", "todos", "tras", "tu", "tus", "un", "una", "uno", "unos", "y", "ya",
    "yo", "él", "sólo",
];

const ITALIAN: &[&str] = &[
    "ad", "agli", "ai", "al", "alla", "alle", "allo", "anche", "ancora", "aveva", "avevano",
    "che", "chi", "ci", "coi", "col", "come", "con", "contro", "cui", "da", "dagli", "dai",
    "dal", "dall", "dalla", "dalle", "dallo", "degli", "dei", "del", "dell", "della", "delle",
    "dello", "di", "dopo", "dove", "ed", "era", "erano", "essere", "gli", "già", "ha", "hanno",
    "il", "in", "io", "la", "le", "lei", "lo", "loro", "lui", "ma", "mia", "mio", "molto",
    "nei", "negli", "nel", "nell", "nella", "nelle", "nello", "noi", "non", "nostro", "per",
    "perché", "più", "prima", "quale", "quanto", "quella", "quello", "questa", "queste",
    "questi", "questo", "se", "si", "sono", "stata", "stato", "su", "sua", "sugli", "sui",
    "sul", "sull", "sulla", "sulle", "suo", "tra", "tu", "tutti", "tutto", "un", "una", "uno",
    "vi", "voi", "è",
];

const PORTUGUESE: &[&str] = &[
    "ainda", "ao", "aos", "apos", "após", "aquela", "aquele", "as", "até", "com", "como", "da",
    "das", "de", "dela", "dele", "deles", "depois", "do", "dos", "e", "ela", "elas", "ele",
    "eles", "em", "entre", "era", "essa", "esse", "esta", "estas", "este", "estes", "está",
    "estão", "eu", "foi", "isso", "isto", "já", "lhe", "mais", "mas", "me", "mesmo", "meu",
    "minha", "muito", "na", "nas", "nem", "no", "nos", "nossa", "nosso", "num", "numa", "não",
    "nós", "o", "os", "ou", "para", "pela", "pelas", "pelo", "pelos", "por", "quando", "que",
    "quem", "se", "sem", "ser", "seu", "seus", "sobre", "sua", "suas", "são", "também", "te",
    "tem", "ter", "um", "uma", "você", "à", "às", "é", "há",
];

const DUTCH: &[&str] = &[
    "aan", "al", "alles", "als", "ben", "bij", "dan", "dat", "de", "deze", "die", "dit", "door",
    "dus", "een", "en", "er", "geen", "had", "heb", "hebben", "heeft", "hem", "het", "hij",
    "hoe", "hun", "iets", "ik", "in", "is", "je", "kan", "kon", "maar", "me", "meer", "men",
    "met", "mij", "mijn", "moet", "na", "naar", "niet", "niets", "nog", "nu", "of", "om",
    "omdat", "ons", "ook", "op", "over", "tegen", "toch", "toen", "tot", "u", "uit", "van",
    "veel", "voor", "want", "waren", "was", "wat", "werd", "wie", "wil", "worden", "wordt",
    "zal", "ze", "zich", "zij", "zijn", "zo", "zonder", "zou",
];

/// The languages with a stop list, in a fixed order (a text's language is the one whose
/// stop words it has most; ties to the earlier).
pub static LANGUAGES: [StopList; 6] = [
    StopList {
        code: "de",
        words: GERMAN,
    },
    StopList {
        code: "fr",
        words: FRENCH,
    },
    StopList {
        code: "es",
        words: SPANISH,
    },
    StopList {
        code: "it",
        words: ITALIAN,
    },
    StopList {
        code: "pt",
        words: PORTUGUESE,
    },
    StopList {
        code: "nl",
        words: DUTCH,
    },
];

/// The languages of [`LANGUAGES`] whose stop list holds the lowercase `word`, as a bit mask
/// (bit `i`: `LANGUAGES[i]`).
pub fn stop_mask(word: &str) -> u8 {
    LANGUAGES
        .iter()
        .enumerate()
        .filter(|(_, l)| l.words.contains(&word))
        .fold(0, |m, (i, _)| m | 1 << i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_lowercase_and_hold_each_word_once() {
        assert!(LANGUAGES.len() <= 8, "the mask is a u8");
        for l in &LANGUAGES {
            let mut seen = std::collections::BTreeSet::new();
            for w in l.words {
                assert_eq!(*w, w.to_lowercase(), "{}: {w}", l.code);
                assert!(seen.insert(*w), "{}: {w} twice", l.code);
            }
        }
    }

    #[test]
    fn masks_name_every_language_of_a_word() {
        assert_eq!(stop_mask("und"), 0b1);
        assert_eq!(stop_mask("hochwasser"), 0);
        let de_fr_es_it_pt_nl = stop_mask("de");
        assert_eq!(de_fr_es_it_pt_nl, 0b11_0110, "fr, es, pt, nl: {de_fr_es_it_pt_nl:b}");
    }
}
