//! clap's parser errors, written anew in the clerk's language from the error's context (the
//! argument, the value, clap's suggestions, the usage), laid out as clap lays them out.

use std::num::{IntErrorKind, ParseIntError};

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::Command;

use crate::i18n::{fill, Lang, Msg};

/// The whole error text, ending in a newline; `None` for the kinds this does not know (clap's own
/// text is shown then).
/// `command` is the command named on the command line, for the values an option accepts.
pub(super) fn render(
    error: &clap::Error,
    lang: Lang,
    help_command: &str,
    command: &Command,
) -> Option<String> {
    let say = |msg: Msg, args: &[&dyn std::fmt::Display]| fill(msg.text(lang), args);
    let string = |kind| match error.get(kind) {
        Some(ContextValue::String(value)) => Some(value.clone()),
        _ => None,
    };
    let strings = |kind| match error.get(kind) {
        Some(ContextValue::Strings(values)) => values.clone(),
        Some(ContextValue::String(value)) => vec![value.clone()],
        _ => Vec::new(),
    };
    let number = |kind| match error.get(kind) {
        Some(ContextValue::Number(n)) => Some(*n),
        _ => None,
    };
    let quoted = |values: &[String]| {
        values
            .iter()
            .map(|v| format!("'{v}'"))
            .collect::<Vec<_>>()
            .join(", ")
    };

    let message = match error.kind() {
        ErrorKind::InvalidSubcommand => say(
            Msg::ErrUnknownCommand,
            &[&string(ContextKind::InvalidSubcommand)?],
        ),
        ErrorKind::UnknownArgument => {
            let arg = string(ContextKind::InvalidArg)?;
            if arg.starts_with('-') {
                say(Msg::ErrUnknownOption, &[&arg])
            } else {
                say(Msg::ErrUnexpectedArgument, &[&arg])
            }
        }
        ErrorKind::InvalidValue => {
            let arg = string(ContextKind::InvalidArg)?;
            let value = string(ContextKind::InvalidValue)?;
            let mut text = if value.is_empty() {
                say(Msg::ErrValueMissing, &[&arg])
            } else {
                say(Msg::ErrInvalidValue, &[&value, &arg])
            };
            let valid = choices(command, &arg).unwrap_or_else(|| strings(ContextKind::ValidValue));
            if !valid.is_empty() {
                text.push_str("\n  ");
                text.push_str(&say(Msg::HelpChoices, &[&valid.join(", ")]));
            }
            text
        }
        ErrorKind::ValueValidation => {
            let arg = string(ContextKind::InvalidArg)?;
            let value = string(ContextKind::InvalidValue)?;
            let mut text = say(Msg::ErrInvalidValue, &[&value, &arg]);
            if let Some(source) = std::error::Error::source(error) {
                text.push_str(": ");
                text.push_str(&reason(source, lang));
            }
            text
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(ContextKind::InvalidArg);
            let mut text = say(Msg::ErrMissingRequired, &[]);
            for arg in missing {
                text.push_str("\n  ");
                text.push_str(&arg);
            }
            text
        }
        ErrorKind::MissingSubcommand => {
            let name = string(ContextKind::InvalidSubcommand)?;
            let mut text = say(Msg::ErrMissingCommand, &[&name]);
            let valid = strings(ContextKind::ValidSubcommand);
            if !valid.is_empty() {
                text.push_str("\n  ");
                text.push_str(&say(Msg::HelpCommandChoices, &[&valid.join(", ")]));
            }
            text
        }
        ErrorKind::ArgumentConflict => {
            let prior = match error.get(ContextKind::PriorArg) {
                Some(ContextValue::String(value)) => Some(vec![value.clone()]),
                Some(ContextValue::Strings(values)) => Some(values.clone()),
                _ => None,
            };
            let others = prior
                .as_deref()
                .map(quoted)
                .unwrap_or_else(|| Msg::ErrConflictOthers.text(lang).to_string());
            if let Some(arg) = string(ContextKind::InvalidArg) {
                if prior.as_deref() == Some(std::slice::from_ref(&arg)) {
                    say(Msg::ErrUsedTwice, &[&arg])
                } else {
                    say(Msg::ErrConflict, &[&arg, &others])
                }
            } else {
                let sub = string(ContextKind::InvalidSubcommand)?;
                say(Msg::ErrCommandConflict, &[&sub, &others])
            }
        }
        ErrorKind::NoEquals => say(Msg::ErrNoEquals, &[&string(ContextKind::InvalidArg)?]),
        ErrorKind::TooManyValues => say(
            Msg::ErrTooManyValues,
            &[
                &string(ContextKind::InvalidValue)?,
                &string(ContextKind::InvalidArg)?,
            ],
        ),
        ErrorKind::TooFewValues => say(
            Msg::ErrTooFewValues,
            &[
                &number(ContextKind::MinValues)?,
                &string(ContextKind::InvalidArg)?,
                &number(ContextKind::ActualNumValues)?,
            ],
        ),
        ErrorKind::WrongNumberOfValues => say(
            Msg::ErrWrongNumberOfValues,
            &[
                &number(ContextKind::ExpectedNumValues)?,
                &string(ContextKind::InvalidArg)?,
                &number(ContextKind::ActualNumValues)?,
            ],
        ),
        ErrorKind::InvalidUtf8 => say(Msg::ErrInvalidUtf8, &[]),
        _ => return None,
    };

    let mut tips = Vec::new();
    let similar = [
        (ContextKind::SuggestedSubcommand, Msg::ErrSimilarCommand),
        (ContextKind::SuggestedArg, Msg::ErrSimilarOption),
        (ContextKind::SuggestedValue, Msg::ErrSimilarValue),
    ];
    for (kind, msg) in similar {
        let values = strings(kind);
        if !values.is_empty() {
            tips.push(say(msg, &[&quoted(&values)]));
        }
    }
    if let Some(ContextValue::StyledStrs(suggestions)) = error.get(ContextKind::Suggested) {
        for suggestion in suggestions {
            tips.push(suggestion_in(&suggestion.to_string(), lang));
        }
    }

    let mut text = format!("{} {message}", Msg::ErrPrefix.text(lang));
    if !tips.is_empty() {
        text.push('\n');
        for tip in tips {
            text.push_str(&format!("\n  {} {tip}", Msg::ErrTip.text(lang)));
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        text.push_str("\n\n");
        text.push_str(&usage_in(&usage.to_string(), lang));
    }
    text.push_str("\n\n");
    text.push_str(&say(Msg::ErrMoreInfo, &[&help_command]));
    text.push('\n');
    Some(text)
}

/// The values an option accepts, aliases too (`yes|ya`); clap lists only the names.
fn choices(command: &Command, arg: &str) -> Option<Vec<String>> {
    let long = arg.strip_prefix("--")?.split(['=', ' ']).next()?;
    let arg = command
        .get_arguments()
        .find(|a| a.get_long() == Some(long))?;
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|value| !value.is_hide_set())
        .map(|value| value.get_name_and_aliases().collect::<Vec<_>>().join("|"))
        .collect();
    (!values.is_empty()).then_some(values)
}

/// clap's usage (`Usage: pmi-desk ...`) with its heading and `[OPTIONS]` in `lang`.
fn usage_in(usage: &str, lang: Lang) -> String {
    let body = usage.strip_prefix("Usage:").unwrap_or(usage).trim_start();
    let body = body.replace("[OPTIONS]", Msg::HelpOptionsTag.text(lang));
    format!("{}: {body}", Msg::HelpUsage.text(lang))
}

/// Why a value failed its parser: numbers and ranges in `lang`, anything else as the parser said.
fn reason(source: &(dyn std::error::Error + 'static), lang: Lang) -> String {
    if let Some(error) = source.downcast_ref::<ParseIntError>() {
        let msg = match error.kind() {
            IntErrorKind::Empty => Msg::ErrEmptyValue,
            IntErrorKind::PosOverflow => Msg::ErrNumberTooLarge,
            IntErrorKind::NegOverflow => Msg::ErrNumberTooSmall,
            _ => Msg::ErrNotWholeNumber,
        };
        return msg.text(lang).to_string();
    }
    let text = source.to_string();
    // clap's ranged integers: "0 is not in 1..=500".
    if let Some((_, range)) = text.split_once(" is not in ") {
        if let Some((low, high)) = range.split_once("..=") {
            return fill(Msg::ErrOutOfRange.text(lang), &[&low, &high]);
        }
    }
    text
}

/// clap's free-text suggestions, in `lang` when they are one of the known ones.
fn suggestion_in(text: &str, lang: Lang) -> String {
    let say = |msg: Msg, args: &[&dyn std::fmt::Display]| fill(msg.text(lang), args);
    let quoted = |s: &str| -> Option<String> {
        let s = s.strip_prefix('\'')?.strip_suffix('\'')?;
        Some(s.to_string())
    };
    if let Some(rest) = text.strip_prefix("to pass ") {
        if let Some((value, usage)) = rest.split_once(" as a value, use ") {
            if let (Some(value), Some(usage)) = (quoted(value), quoted(usage)) {
                return say(Msg::ErrPassAsValue, &[&value, &usage]);
            }
        }
    }
    if let Some(rest) = text.strip_prefix("subcommand ") {
        if let Some((name, _)) = rest.split_once(" exists; to use it") {
            if let Some(name) = quoted(name) {
                return say(Msg::ErrRemoveDashes, &[&name]);
            }
        }
    }
    if let Some(name) = text.strip_suffix(" exists").and_then(quoted) {
        return say(Msg::ErrExistsElsewhere, &[&name]);
    }
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_suggestions_are_translated() {
        assert_eq!(
            suggestion_in("to pass '-x' as a value, use '-- -x'", Lang::Id),
            "untuk memberikan '-x' sebagai nilai, tulis '-- -x'"
        );
        assert_eq!(
            suggestion_in("'worker list --limit' exists", Lang::Id),
            "'worker list --limit' tersedia"
        );
        assert_eq!(
            suggestion_in(
                "subcommand 'check' exists; to use it, remove the '--' before it",
                Lang::Id
            ),
            "perintah 'check' tersedia; untuk memakainya, hapus '--' di depannya"
        );
    }

    #[test]
    fn usage_heading_and_options_tag_are_translated() {
        assert_eq!(
            usage_in("Usage: pmi-desk worker [OPTIONS] <COMMAND>", Lang::Id),
            "Penggunaan: pmi-desk worker [OPSI] <COMMAND>"
        );
    }
}
