//! `fatiao diff` as a user runs it: files in, a report out, errors that name the file.

use fatiao::diff::Diff;
use std::path::{Path, PathBuf};
use std::process::Command;

const OLD: &str = "中华人民共和国示例法\n\n第一章 总则\n\n第一条 为了保守国家秘密，维护国家安全和利益，制定本法。\n\n第二条 国家秘密受法律保护。\n\n第三条 本法自公布之日起施行。\n";
const NEW: &str = "中华人民共和国示例法\n\n第一章 总则\n\n第一条 为了保守国家秘密，维护国家安全和利益，制定本法。\n\n第二条 保守国家秘密的工作，坚持中国共产党的领导。\n\n第三条 国家秘密受法律保护。\n\n第四条 本法自2024年5月1日起施行。\n";

/// Runs `fatiao diff OLD NEW --format F [--out OUT] [extra…]`: Ok(()) on exit 0, else Err(stderr)
/// with the exit code checked to be 2 (the command could not do its job).
fn run(
    old: &Path,
    new: &Path,
    format: &str,
    out: Option<&Path>,
    extra: &[&str],
) -> Result<(), String> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_fatiao"));
    cmd.arg("diff").arg(old).arg(new).args(["--format", format]);
    if let Some(out) = out {
        cmd.arg("--out").arg(out);
    }
    let output = cmd.args(extra).output().expect("fatiao runs");
    if output.status.success() {
        return Ok(());
    }
    assert_eq!(output.status.code(), Some(2), "a failed diff exits 2");
    Err(String::from_utf8_lossy(&output.stderr).into_owned())
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn read_diff(path: &Path) -> Diff {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn writes_the_json_diff_to_the_out_file() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (
        write(dir.path(), "old.txt", OLD.as_bytes()),
        write(dir.path(), "new.txt", NEW.as_bytes()),
    );
    let out = dir.path().join("diff.json");
    run(&old, &new, "json", Some(&out), &[]).unwrap();
    let diff = read_diff(&out);
    assert_eq!(diff.schema, "fatiao.diff/1");
    assert_eq!((diff.old.units, diff.new.units), (3, 4));
    assert_eq!(diff.summary.added, 1);
    assert_eq!(diff.summary.unchanged, 2);
    let renumbered = diff.changes.iter().find(|c| c.old == ["第二条"]).unwrap();
    assert_eq!(renumbered.new, ["第三条"]);
}

#[test]
fn the_encoding_of_a_side_does_not_change_the_diff() {
    let dir = tempfile::tempdir().unwrap();
    let (gbk, _, _) = encoding_rs::GB18030.encode(NEW);
    let old = write(dir.path(), "old.txt", OLD.as_bytes());
    let (utf8, gb) = (
        write(dir.path(), "new.txt", NEW.as_bytes()),
        write(dir.path(), "new-gb.txt", &gbk),
    );
    let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
    run(&old, &utf8, "json", Some(&a), &[]).unwrap();
    run(&old, &gb, "json", Some(&b), &[]).unwrap();
    assert_eq!(read_diff(&a).changes, read_diff(&b).changes);
}

#[test]
fn html_report_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (
        write(dir.path(), "old.txt", OLD.as_bytes()),
        write(dir.path(), "new.txt", NEW.as_bytes()),
    );
    let out = dir.path().join("report.html");
    run(&old, &new, "html", Some(&out), &[]).unwrap();
    let page = std::fs::read_to_string(out).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("本法自<del>公布之</del>日起施行"), "{page}");
    assert!(
        page.contains("本法自<ins>2024年5月1</ins>日起施行"),
        "{page}"
    );
}

#[test]
fn errors_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let old = write(dir.path(), "old.txt", OLD.as_bytes());
    let missing = dir.path().join("nowhere.txt");
    let err = run(&old, &missing, "json", None, &[]).unwrap_err();
    assert!(err.contains("nowhere.txt"), "{err}");

    let prose = write(
        dir.path(),
        "prose.txt",
        "今天天气很好，我们去公园散步。".as_bytes(),
    );
    let err = run(&old, &prose, "json", None, &[]).unwrap_err();
    assert!(err.contains("prose.txt"), "{err}");

    let err = run(&old, &old, "json", None, &["--doc", "7"]).unwrap_err();
    assert!(err.contains("old.txt: there is no document 7"), "{err}");
}

#[test]
fn an_unwritable_out_path_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (
        write(dir.path(), "old.txt", OLD.as_bytes()),
        write(dir.path(), "new.txt", NEW.as_bytes()),
    );
    // A directory cannot be made under a file.
    let out = old.join("diff.json");
    let err = run(&old, &new, "json", Some(&out), &[]).unwrap_err();
    assert!(err.contains("diff.json"), "{err}");
}

#[test]
fn the_report_goes_to_standard_output_without_out() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (
        write(dir.path(), "old.txt", OLD.as_bytes()),
        write(dir.path(), "new.txt", NEW.as_bytes()),
    );
    let output = Command::new(env!("CARGO_BIN_EXE_fatiao"))
        .args(["diff"])
        .arg(&old)
        .arg(&new)
        .args(["--format", "md"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let md = String::from_utf8(output.stdout).unwrap();
    assert!(md.contains("| 原文 | 修改后 | 变化 |"), "{md}");
    assert!(md.contains("第四条"), "{md}");
}
