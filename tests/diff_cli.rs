//! `fatiao diff` as a user runs it: files in, a report out, errors that name the file.

// The command is a module of the binary; the test compiles it on its own.
#[path = "../src/commands/diff.rs"]
mod command;

use command::{run, DiffArgs};
use fatiao::diff::Diff;
use fatiao::report::Format;
use std::path::{Path, PathBuf};

const OLD: &str = "中华人民共和国示例法\n\n第一章 总则\n\n第一条 为了保守国家秘密，维护国家安全和利益，制定本法。\n\n第二条 国家秘密受法律保护。\n\n第三条 本法自公布之日起施行。\n";
const NEW: &str = "中华人民共和国示例法\n\n第一章 总则\n\n第一条 为了保守国家秘密，维护国家安全和利益，制定本法。\n\n第二条 保守国家秘密的工作，坚持中国共产党的领导。\n\n第三条 国家秘密受法律保护。\n\n第四条 本法自2024年5月1日起施行。\n";

fn args(old: &Path, new: &Path, format: Format, out: Option<PathBuf>) -> DiffArgs {
    DiffArgs {
        old: old.to_path_buf(),
        new: new.to_path_buf(),
        format,
        out,
        doc: None,
        encoding: None,
    }
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
    run(args(&old, &new, Format::Json, Some(out.clone()))).unwrap();
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
    run(args(&old, &utf8, Format::Json, Some(a.clone()))).unwrap();
    run(args(&old, &gb, Format::Json, Some(b.clone()))).unwrap();
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
    run(args(&old, &new, Format::Html, Some(out.clone()))).unwrap();
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
    let err = run(args(&old, &missing, Format::Json, None)).unwrap_err();
    assert!(format!("{err:#}").contains("nowhere.txt"), "{err:#}");

    let prose = write(
        dir.path(),
        "prose.txt",
        "今天天气很好，我们去公园散步。".as_bytes(),
    );
    let err = run(args(&old, &prose, Format::Json, None)).unwrap_err();
    assert!(format!("{err:#}").contains("prose.txt"), "{err:#}");

    let mut a = args(&old, &old, Format::Json, None);
    a.doc = Some(7);
    let err = run(a).unwrap_err();
    assert!(
        format!("{err:#}").contains("old.txt: there is no document 7"),
        "{err:#}"
    );
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
    let err = run(args(&old, &new, Format::Json, Some(out))).unwrap_err();
    assert!(format!("{err:#}").contains("diff.json"), "{err:#}");
}
