//! A deal's stage changes: `deal move|won|lost` and `set DEAL stage=…` all go through
//! [`move_to`], which changes `stage` (format-preserving), appends `[[history]] { stage,
//! at }` that the funnel and revenue reports read, and knows the pipeline's stages.
//!
//! Pure functions over a document with the time passed in; the caller writes and commits.

use chrono::{DateTime, FixedOffset};
use toml_edit::DocumentMut;

use crate::config::Pipeline;
use crate::error::{Error, Result};
use crate::pipeline::same_stage;
use crate::store::edit;

/// Where a deal is sent.
#[derive(Debug, Clone, Copy)]
pub enum Target<'a> {
    Stage(&'a str),
    Won,
    Lost { reason: Option<&'a str> },
}

/// What [`move_to`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Moved {
    /// The deal was in that stage already (and no new reason was given).
    Unchanged,
    /// It is now in `stage` (the pipeline's spelling).
    To { stage: String },
}

/// The pipeline's own spelling of `stage`, in any case (`Won` → `won`); an unknown stage
/// is a usage error listing the stages.
pub fn stage_named(pipeline: &Pipeline, stage: &str) -> Result<String> {
    pipeline.stages.iter().find(|s| same_stage(s, stage.trim())).cloned().ok_or_else(|| {
        Error::value(
            "stage",
            format!("unknown stage \"{stage}\"; stages are: {}", pipeline.stages.join(", ")),
        )
    })
}

/// Move a deal: set `stage` and append to its history when the stage differs; `lost`
/// also keeps the reason. Moving to the stage it is in changes nothing.
pub fn move_to(
    doc: &mut DocumentMut,
    target: Target,
    pipeline: &Pipeline,
    now: DateTime<FixedOffset>,
) -> Result<Moved> {
    let (stage, reason) = match target {
        Target::Stage(s) => (stage_named(pipeline, s)?, None),
        Target::Won => (stage_named(pipeline, &pipeline.won)?, None),
        Target::Lost { reason } => (stage_named(pipeline, &pipeline.lost)?, reason),
    };
    let current = doc.get("stage").and_then(|i| i.as_str()).map(str::to_string);
    let mut changed = false;
    if current.as_deref() != Some(stage.as_str()) {
        edit::set(doc, &["stage"], stage.as_str().into())?;
        // A change of case only (`Won` → `won`) is no move: no history entry.
        if !current.is_some_and(|c| same_stage(&c, &stage)) {
            edit::append_history(doc, &stage, now)?;
        }
        changed = true;
    }
    if let Some(reason) = reason.map(str::trim).filter(|r| !r.is_empty())
        && doc.get("lost_reason").and_then(|i| i.as_str()) != Some(reason)
    {
        edit::set(doc, &["lost_reason"], reason.into())?;
        changed = true;
    }
    Ok(if changed { Moved::To { stage } } else { Moved::Unchanged })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pipeline() -> Pipeline {
        crate::config::Config::parse("", std::path::Path::new("rolo.toml")).unwrap().pipeline
    }

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-23T10:00:00+05:00").unwrap()
    }

    const DEAL: &str = "title = \"Сайт\" # для ТОО\nstage = \"lead\"\n\n[[history]]\nstage = \"lead\"\nat = 2026-11-01T10:00:00Z\n";

    #[test]
    fn moves_append_history_and_keep_the_rest() {
        let mut doc: DocumentMut = DEAL.parse().unwrap();
        let moved = move_to(&mut doc, Target::Stage("Proposal"), &pipeline(), now()).unwrap();
        assert_eq!(moved, Moved::To { stage: "proposal".into() });
        let text = doc.to_string();
        assert!(text.starts_with("title = \"Сайт\" # для ТОО\nstage = \"proposal\"\n"), "{text}");
        assert!(
            text.ends_with("[[history]]\nstage = \"proposal\"\nat = 2026-11-23T05:00:00Z\n"),
            "{text}"
        );
        let again = move_to(&mut doc, Target::Stage("proposal"), &pipeline(), now()).unwrap();
        assert_eq!(again, Moved::Unchanged);
        assert_eq!(doc.to_string(), text);
    }

    #[test]
    fn lost_keeps_its_reason_and_unknown_stages_are_refused() {
        let mut doc: DocumentMut = DEAL.parse().unwrap();
        let lost = Target::Lost { reason: Some("цена") };
        assert_eq!(
            move_to(&mut doc, lost, &pipeline(), now()).unwrap(),
            Moved::To { stage: "lost".into() }
        );
        assert!(doc.to_string().contains("lost_reason = \"цена\""));
        let err = move_to(&mut doc, Target::Stage("wonn"), &pipeline(), now()).unwrap_err();
        assert!(err.to_string().contains("stages are: lead"), "{err}");
        assert_eq!(stage_named(&pipeline(), "WON").unwrap(), "won");
    }
}
