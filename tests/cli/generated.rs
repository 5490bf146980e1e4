//! Checked-in generated files stay in step with the clap definition.

use crate::support::{TestBook, repo};

#[test]
fn completions_are_up_to_date() {
    let book = TestBook::bare();
    for (shell, file) in [
        ("bash", "rolo.bash"),
        ("zsh", "_rolo"),
        ("fish", "rolo.fish"),
        ("elvish", "rolo.elv"),
        ("powershell", "_rolo.ps1"),
    ] {
        let generated = book.rolo(["completions", shell]).ok().to_string();
        let checked_in = std::fs::read_to_string(repo().join("completions").join(file)).unwrap();
        assert!(
            generated == checked_in,
            "completions/{file} is out of date: run `cargo run -- completions {shell} > completions/{file}`"
        );
    }
}

#[test]
fn bash_completion_loads_in_bash() {
    let script = repo().join("completions/rolo.bash");
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!("source '{}' && complete -p rolo", script.display()))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("rolo"));
}

#[test]
fn man_page_renders() {
    let book = TestBook::bare();
    let page = book.rolo(["man"]).ok().to_string();
    assert!(page.contains(".TH rolo 1"), "{page}");
    assert!(page.contains("contact"));
}
