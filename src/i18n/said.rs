//! A message not yet put into words: which message, and its data. The domain returns these (in
//! refusals, findings and warnings) and never reads the language of the run; the edge renders them
//! in the output's language: the clerk's on screen, Indonesian in official documents.

use std::borrow::Cow;
use std::fmt;

use serde_json::{json, Value};

use super::{field_in, fields::known_column, fill, Lang, Msg};

/// A message and the values that fill its `{}`, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Said {
    pub msg: Msg,
    pub args: Vec<Arg>,
}

/// One value of a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// Shown as it is, in every language: a number, a date, a code, a name.
    Data(String),
    /// A word of a closed vocabulary, with its two translations (a code list's label).
    Word {
        id: Cow<'static, str>,
        en: Cow<'static, str>,
    },
    /// A column, named by its label in the output's language.
    Field(&'static str),
    /// A message inside a message ("cannot {} now": the action).
    Said(Box<Said>),
}

impl Said {
    pub fn new(msg: Msg, args: Vec<Arg>) -> Said {
        Said { msg, args }
    }

    /// Words already put together at the edge (an error chain, a library's message). Never in the
    /// domain, which returns messages and data.
    pub fn verbatim(text: impl Into<String>) -> Said {
        Said::new(Msg::Verbatim, vec![Arg::Data(text.into())])
    }

    /// Several messages shown as one, separated by semicolons.
    pub fn joined(all: impl IntoIterator<Item = Said>) -> Said {
        let mut all: Vec<Said> = all.into_iter().collect();
        let last = all.pop().unwrap_or_else(|| Said::from(Msg::NoDetails));
        all.into_iter()
            .rev()
            .fold(last, |rest, first| crate::said!(Msg::Joined, first, rest))
    }

    /// The words in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let args: Vec<String> = self.args.iter().map(|a| a.render(lang)).collect();
        let shown: Vec<&dyn fmt::Display> = args.iter().map(|a| a as &dyn fmt::Display).collect();
        fill(self.msg.text(lang), &shown)
    }
}

impl Said {
    /// The message as codes and data, for the database: `{"msg": name, "args": [...]}`; each
    /// argument `{"data": text}`, `{"word": [id, en]}`, `{"field": column}` or `{"said": {...}}`.
    pub fn to_stored(&self) -> String {
        self.to_json().to_string()
    }

    fn to_json(&self) -> Value {
        let args: Vec<Value> = self
            .args
            .iter()
            .map(|a| match a {
                Arg::Data(text) => json!({ "data": text }),
                Arg::Word { id, en } => json!({ "word": [id, en] }),
                Arg::Field(column) => json!({ "field": column }),
                Arg::Said(said) => json!({ "said": said.to_json() }),
            })
            .collect();
        json!({ "msg": self.msg.name(), "args": args })
    }

    /// A stored message; `None` for text an older version stored, or a message this version does
    /// not know (the caller shows the stored text as it is).
    pub fn from_stored(stored: &str) -> Option<Said> {
        Said::from_json(&serde_json::from_str(stored).ok()?)
    }

    fn from_json(value: &Value) -> Option<Said> {
        let msg = Msg::from_name(value.get("msg")?.as_str()?)?;
        let args = value
            .get("args")?
            .as_array()?
            .iter()
            .map(|a| {
                if let Some(text) = a.get("data") {
                    return Some(Arg::Data(text.as_str()?.to_string()));
                }
                if let Some(word) = a.get("word") {
                    let (id, en) = (word.get(0)?.as_str()?, word.get(1)?.as_str()?);
                    return Some(Arg::Word {
                        id: Cow::Owned(id.to_string()),
                        en: Cow::Owned(en.to_string()),
                    });
                }
                if let Some(column) = a.get("field") {
                    let column = column.as_str()?;
                    return Some(match known_column(column) {
                        Some(known) => Arg::Field(known),
                        None => Arg::Data(column.to_string()),
                    });
                }
                Some(Arg::Said(Box::new(Said::from_json(a.get("said")?)?)))
            })
            .collect::<Option<Vec<Arg>>>()?;
        // A stored message with the wrong number of values is not this version's message.
        (msg.text(Lang::En).matches("{}").count() == args.len()).then_some(Said { msg, args })
    }
}

impl Arg {
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Arg::Data(text) => text.clone(),
            Arg::Word { id, en } => match lang {
                Lang::Id => id.to_string(),
                Lang::En => en.to_string(),
            },
            Arg::Field(column) => field_in(column, lang).to_string(),
            Arg::Said(said) => said.render(lang),
        }
    }
}

/// Shown in the language of the run: only the edge prints a `Said`.
impl fmt::Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(super::lang()))
    }
}

impl From<Msg> for Said {
    fn from(msg: Msg) -> Said {
        Said::new(msg, Vec::new())
    }
}

/// What can fill a message's `{}`.
pub trait IntoArg {
    fn into_arg(self) -> Arg;
}

impl IntoArg for Arg {
    fn into_arg(self) -> Arg {
        self
    }
}

impl IntoArg for Said {
    fn into_arg(self) -> Arg {
        Arg::Said(Box::new(self))
    }
}

impl IntoArg for Msg {
    fn into_arg(self) -> Arg {
        Arg::Said(Box::new(Said::from(self)))
    }
}

impl<T: IntoArg + Clone> IntoArg for &T {
    fn into_arg(self) -> Arg {
        self.clone().into_arg()
    }
}

impl IntoArg for &str {
    fn into_arg(self) -> Arg {
        Arg::Data(self.to_string())
    }
}

impl IntoArg for Cow<'_, str> {
    fn into_arg(self) -> Arg {
        Arg::Data(self.into_owned())
    }
}

/// Values shown as they are.
macro_rules! data_args {
    ($($t:ty),+ $(,)?) => {
        $(impl IntoArg for $t {
            fn into_arg(self) -> Arg {
                Arg::Data(self.to_string())
            }
        })+
    };
}
data_args!(
    String,
    char,
    i32,
    i64,
    u8,
    u32,
    u64,
    usize,
    f64,
    chrono::NaiveDate,
    crate::domain::nik::Nik,
);

/// `said!(Msg::X)` or `said!(Msg::X, a, b)`: the message with its data, not yet in words.
#[macro_export]
macro_rules! said {
    ($msg:expr) => {
        $crate::i18n::Said::from($msg)
    };
    ($msg:expr, $($arg:expr),+ $(,)?) => {
        $crate::i18n::Said::new($msg, vec![$($crate::i18n::IntoArg::into_arg(&$arg)),+])
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_put_into_words_in_the_language_asked() {
        let said = crate::said!(Msg::StageNeedsValue, "DEPARTED", Arg::Field("departed_on"));
        assert!(
            said.render(Lang::Id).contains("tanggal berangkat"),
            "{}",
            said.render(Lang::Id)
        );
        assert!(
            said.render(Lang::En).contains("departure date"),
            "{}",
            said.render(Lang::En)
        );
        assert!(said.render(Lang::En).contains("DEPARTED"));
    }

    #[test]
    fn a_stored_message_comes_back_in_either_language() {
        let inner = crate::said!(Msg::StageNeedsValue, "DEPARTED", Arg::Field("departed_on"));
        let word = Arg::Word {
            id: "Informal".into(),
            en: "Informal".into(),
        };
        let said = crate::said!(Msg::Joined, inner, crate::said!(Msg::DocMissing));
        let stored = said.to_stored();
        assert!(!stored.contains("tanggal"), "codes, not words: {stored}");
        let back = Said::from_stored(&stored).unwrap();
        assert_eq!(back, said);
        assert_eq!(back.render(Lang::Id), said.render(Lang::Id));
        let with_word = crate::said!(Msg::Joined, word, "x");
        assert_eq!(Said::from_stored(&with_word.to_stored()), Some(with_word));
        // Text an older version stored, or a message this version does not know, is not a Said.
        assert_eq!(Said::from_stored("NIK tidak cocok"), None);
        assert_eq!(
            Said::from_stored(r#"{"msg":"NoSuchMessage","args":[]}"#),
            None
        );
        assert_eq!(Said::from_stored(r#"{"msg":"Joined","args":[]}"#), None);
    }
}
