//! The language of everything shown to clerks (Indonesian or English), chosen once per run, and the
//! message table. Each message is written in both languages in one place: a message without its
//! translation does not compile.

mod fields;
mod messages;
mod said;

pub use fields::{field, field_in};

pub use messages::Msg;
pub use said::{Arg, IntoArg, Said};

use std::fmt::Display;
use std::sync::OnceLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Id,
    En,
}

static LANG: OnceLock<Lang> = OnceLock::new();

/// Chooses the language for this run; the first call wins.
pub fn set_lang(lang: Lang) {
    let _ = LANG.set(lang);
}

thread_local! {
    static OVERRIDE: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// The language of this run (English until `set_lang` is called), or of the `with_lang` around it.
pub fn lang() -> Lang {
    OVERRIDE
        .with(|o| o.get())
        .or_else(|| LANG.get().copied())
        .unwrap_or(Lang::En)
}

/// Runs `work` in another language: official output (letters, published summaries) is Indonesian
/// whatever the clerk reads.
pub fn with_lang<T>(lang: Lang, work: impl FnOnce() -> T) -> T {
    let before = OVERRIDE.with(|o| o.replace(Some(lang)));
    let value = work();
    OVERRIDE.with(|o| o.set(before));
    value
}

impl Lang {
    /// `--lang` / `PMI_DESK_LANG` if given, else the locale (`id*` gives Indonesian), else English.
    pub fn choose(explicit: Option<Lang>) -> Lang {
        if let Some(lang) = explicit {
            return lang;
        }
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(value) = std::env::var(var) {
                if value.is_empty() {
                    continue;
                }
                return if value.to_ascii_lowercase().starts_with("id") {
                    Lang::Id
                } else {
                    Lang::En
                };
            }
        }
        Lang::En
    }
}

/// A code's label in the language of this run (the edge's view of `CodeList::label_in`).
pub trait Label: crate::domain::codes::CodeList {
    fn label(self) -> &'static str {
        self.label_in(lang())
    }
}

impl<T: crate::domain::codes::CodeList> Label for T {}

/// Replaces each `{}` of a message, in order, with the arguments.
pub fn fill(template: &str, args: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    let mut args = args.iter();
    while let Some(pos) = rest.find("{}") {
        out.push_str(&rest[..pos]);
        match args.next() {
            Some(arg) => out.push_str(&arg.to_string()),
            None => out.push_str("{}"),
        }
        rest = &rest[pos + 2..];
    }
    out.push_str(rest);
    out
}

/// `t!(Msg::X)` or `t!(Msg::X, a, b)`: the message in this run's language, with its `{}` filled.
#[macro_export]
macro_rules! t {
    ($msg:expr) => {
        $msg.text($crate::i18n::lang()).to_string()
    };
    ($msg:expr, $($arg:expr),+ $(,)?) => {
        $crate::i18n::fill($msg.text($crate::i18n::lang()), &[$(&$arg),+])
    };
}

macro_rules! message_table {
    ($($key:ident => $id:literal, $en:literal;)+) => {
        /// Every sentence and heading shown to a clerk.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg {
            $($key),+
        }

        impl Msg {
            /// Every message, in the order of the table (for the tests that check both languages).
            pub const ALL: &'static [Msg] = &[$(Msg::$key),+];

            pub fn text(self, lang: super::Lang) -> &'static str {
                match lang {
                    super::Lang::Id => match self { $(Msg::$key => $id),+ },
                    super::Lang::En => match self { $(Msg::$key => $en),+ },
                }
            }

            /// The message's name, as stored with a warning in the audit log.
            pub fn name(self) -> &'static str {
                match self { $(Msg::$key => stringify!($key)),+ }
            }

            /// The message of a stored name; `None` for one this version does not know.
            pub fn from_name(name: &str) -> Option<Msg> {
                Msg::ALL.iter().copied().find(|m| m.name() == name)
            }
        }
    };
}
pub(crate) use message_table;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_placeholders_in_order() {
        assert_eq!(fill("{} of {}", &[&1, &"two"]), "1 of two");
        assert_eq!(fill("no args {}", &[]), "no args {}");
    }

    /// The options a message names (`--accept-warnings`), which must be the same in both languages.
    fn options_named(text: &str) -> std::collections::BTreeSet<&str> {
        text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .filter(|word| word.starts_with("--") && word.len() > 2)
            .collect()
    }

    #[test]
    fn every_message_has_both_languages_with_the_same_placeholders() {
        let mut problems = Vec::new();
        for msg in Msg::ALL {
            let (id, en) = (msg.text(Lang::Id), msg.text(Lang::En));
            if id.trim().is_empty() || en.trim().is_empty() {
                problems.push(format!("{msg:?}: empty text"));
            }
            let (id_slots, en_slots) = (id.matches("{}").count(), en.matches("{}").count());
            if id_slots != en_slots {
                problems.push(format!(
                    "{msg:?}: {id_slots} placeholder(s) in Indonesian, {en_slots} in English"
                ));
            }
            if options_named(id) != options_named(en) {
                problems.push(format!(
                    "{msg:?}: options {:?} in Indonesian, {:?} in English",
                    options_named(id),
                    options_named(en)
                ));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// The domain returns messages and data (`said!`); it never puts words together nor reads the
    /// run's language, so a letter composed in Indonesian never carries an English sentence.
    #[test]
    fn the_domain_puts_no_words_together() {
        fn scan(dir: &std::path::Path, found: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    scan(&path, found);
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                // Tests may render what the domain said, to check it.
                let code = text.split("#[cfg(test)]").next().unwrap();
                for (n, line) in code.lines().enumerate() {
                    let words = ["t!(", "lang()", "verbatim(", "i18n::fill(", ".render("];
                    if let Some(w) = words.iter().find(|w| {
                        line.match_indices(**w).any(|(i, _)| {
                            !line[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_')
                                || !w.starts_with('t')
                        })
                    }) {
                        found.push(format!("{}:{}: {w}", path.display(), n + 1));
                    }
                }
            }
        }
        let mut found = Vec::new();
        scan(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain"),
            &mut found,
        );
        assert!(
            found.is_empty(),
            "words put together in the domain: {found:#?}"
        );
    }

    /// A message nobody shows is a translation nobody keeps up: every one is used somewhere.
    #[test]
    fn every_message_is_used() {
        fn sources(dir: &std::path::Path, out: &mut String) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    sources(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs")
                    && !path.ends_with("i18n/messages.rs")
                {
                    out.push_str(&std::fs::read_to_string(&path).unwrap());
                }
            }
        }
        let mut code = String::new();
        sources(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut code,
        );
        let unused: Vec<String> = Msg::ALL
            .iter()
            .map(|m| format!("{m:?}"))
            .filter(|name| {
                let used = format!("Msg::{name}");
                !code.match_indices(&used).any(|(i, _)| {
                    !code[i + used.len()..].starts_with(|c: char| c.is_alphanumeric())
                })
            })
            .collect();
        assert!(unused.is_empty(), "unused messages: {unused:?}");
    }

    #[test]
    fn explicit_language_wins_over_locale() {
        assert_eq!(Lang::choose(Some(Lang::Id)), Lang::Id);
        assert_eq!(Lang::choose(Some(Lang::En)), Lang::En);
    }
}
