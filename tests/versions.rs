//! The main job finds versions of one document among its inputs and writes the diff of each
//! consecutive pair (issue #4, item 6), redoing a diff only when one of its versions changed.

use std::path::Path;
use std::process::Command;

const OLD: &str = "某某条例\n\n第一条 为了规范管理，制定本条例。\n\n第二条 本条例适用于本市。\n\n第三条 本条例自公布之日起施行。\n";
const NEW: &str = "某某条例\n\n第一条 为了规范管理，制定本条例。\n\n第二条 本条例适用于本市行政区域。\n\n第三条 市政府负责组织实施。\n\n第四条 本条例自公布之日起施行。\n";
const OTHER: &str = "另一条例\n\n第一条 为了保护环境，制定本条例。\n";

fn run(input: &Path, out: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_fatiao"))
        .arg("run")
        .arg(input)
        .arg(out)
        .arg("--quiet")
        .status()
        .unwrap();
    assert!(status.success());
}

fn diffs(out: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(out.join("diffs"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn consecutive_versions_are_diffed_and_kept_up_to_date() {
    let dir = tempfile::tempdir().unwrap();
    let (input, out) = (dir.path().join("in"), dir.path().join("out"));
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("某某条例.md"), OLD).unwrap();
    std::fs::write(input.join("某某条例(2024-01-01).md"), NEW).unwrap();
    std::fs::write(input.join("另一条例.md"), OTHER).unwrap();
    run(&input, &out);

    let names = diffs(&out);
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].starts_with("某某条例__") && names[0].contains("__2024-01-01__"));
    let diff_path = out.join("diffs").join(&names[0]);
    let diff: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&diff_path).unwrap()).unwrap();
    assert_eq!(diff["schema"], "fatiao.diff/1");
    assert_eq!(diff["summary"]["added"], 1);
    let changes = std::fs::read_to_string(out.join("changes.csv")).unwrap();
    assert!(changes.starts_with("old_source,new_source,"));
    assert!(changes.contains("某某条例.md,某某条例(2024-01-01).md,"));

    // Nothing changed: the diff is read back, not computed again.
    let written = std::fs::read_to_string(&diff_path).unwrap();
    let marked = written.replacen("\"schema\"", "\"note\": \"kept\",\n  \"schema\"", 1);
    assert_ne!(marked, written);
    std::fs::write(&diff_path, &marked).unwrap();
    run(&input, &out);
    assert_eq!(std::fs::read_to_string(&diff_path).unwrap(), marked);

    // A version changed: its pair is diffed again.
    std::fs::write(
        input.join("某某条例(2024-01-01).md"),
        NEW.replace("市政府", "区政府"),
    )
    .unwrap();
    run(&input, &out);
    assert_ne!(std::fs::read_to_string(&diff_path).unwrap(), marked);

    // A version gone: so is the pair's diff, and its rows.
    std::fs::remove_file(input.join("某某条例.md")).unwrap();
    run(&input, &out);
    assert!(diffs(&out).is_empty());
    let changes = std::fs::read_to_string(out.join("changes.csv")).unwrap();
    assert_eq!(changes.lines().count(), 1, "only the header: {changes}");
}

#[test]
fn versions_told_by_title_and_event_dates_alone_are_still_found_by_a_rerun() {
    // File names that say nothing: the title groups the two, the dates of their events order
    // them. A re-run takes both from the manifest for the file it skips.
    let old = "某某条例\n\n（2020年1月1日某某市第十五届人民代表大会常务委员会第三次会议通过）\n\n第一条 为了规范管理，制定本条例。\n\n第二条 本条例适用于本市。\n";
    let new = "某某条例\n\n（2020年1月1日某某市第十五届人民代表大会常务委员会第三次会议通过　2023年5月1日某某市第十六届人民代表大会常务委员会第九次会议修订）\n\n第一条 为了规范管理，制定本条例。\n\n第二条 本条例适用于本市行政区域。\n";
    let dir = tempfile::tempdir().unwrap();
    let (input, out) = (dir.path().join("in"), dir.path().join("out"));
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("甲.md"), old).unwrap();
    std::fs::write(input.join("乙.md"), new).unwrap();
    run(&input, &out);
    let names = diffs(&out);
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].starts_with("某某条例__2020-01-01__2023-05-01__"));
    let changes = std::fs::read_to_string(out.join("changes.csv")).unwrap();
    assert!(changes.contains("甲.md,乙.md,"), "{changes}");

    // Nothing changed, then the newer version changed: the pair is found each time.
    run(&input, &out);
    assert_eq!(diffs(&out), names);
    assert_eq!(
        std::fs::read_to_string(out.join("changes.csv")).unwrap(),
        changes
    );
    std::fs::write(input.join("乙.md"), new.replace("行政区域", "全部行政区域")).unwrap();
    run(&input, &out);
    assert_eq!(diffs(&out), names);
    let changes = std::fs::read_to_string(out.join("changes.csv")).unwrap();
    assert!(changes.contains("全部行政区域"), "{changes}");
}
