//! The `fatiao` binary as a data team runs it: exit codes, what lands in the output directory,
//! determinism, incremental runs and shards. Every run works in a fresh temporary directory.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const NODES_HEADER: [&str; 12] = [
    "document_id",
    "node_id",
    "parent_id",
    "kind",
    "label",
    "number",
    "sub_number",
    "heading",
    "heading_end",
    "text",
    "depth",
    "ordinal",
];
const DOCUMENTS_HEADER: [&str; 13] = [
    "document_id",
    "source_path",
    "encoding",
    "index",
    "title",
    "doc_number",
    "source_line",
    "events",
    "articles",
    "nodes",
    "warnings",
    "preamble",
    "trailer",
];
const WARNINGS_HEADER: [&str; 4] = ["document_id", "code", "message", "location"];

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("input")
}

fn fatiao(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fatiao"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("the binary runs")
}

/// Runs fatiao and asserts it succeeded, showing its stderr if not.
fn run_ok(args: &[&str], cwd: &Path) {
    let out = fatiao(args, cwd);
    assert!(out.status.success(), "fatiao {args:?}: {}", stderr(&out));
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A copy of the seeds in `dir/in`, so that tests may add, change and remove inputs.
fn copy_seeds(dir: &Path) -> PathBuf {
    let input = dir.join("in");
    fs::create_dir_all(&input).unwrap();
    for entry in fs::read_dir(seeds()).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, input.join(path.file_name().unwrap())).unwrap();
    }
    input
}

/// Every output a run promises to make identical: json/ and the three CSVs (not the manifest,
/// which holds timings, nor the internal state).
fn snapshot(out: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![out.join("json")];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(out)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                files.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    for csv in ["documents.csv", "nodes.csv", "warnings.csv"] {
        files.insert(csv.to_string(), fs::read(out.join(csv)).unwrap());
    }
    files
}

fn json_names(out: &Path) -> Vec<String> {
    snapshot(out)
        .into_keys()
        .filter(|k| k.starts_with("json/"))
        .collect()
}

fn manifest(out: &Path) -> serde_json::Value {
    serde_json::from_slice(&fs::read(out.join("manifest.json")).unwrap()).unwrap()
}

/// The manifest entry of the input at `path`.
fn file_entry<'a>(manifest: &'a serde_json::Value, path: &str) -> &'a serde_json::Value {
    manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == path)
        .unwrap_or_else(|| panic!("no entry for {path}"))
}

fn statuses(out: &Path) -> Vec<String> {
    manifest(out)["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["status"].as_str().unwrap().to_string())
        .collect()
}

fn read_csv(path: &Path) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader.records().map(|r| r.unwrap()).collect();
    (header, rows)
}

#[test]
fn extract_of_the_seeds_writes_one_json_per_file_and_the_csvs() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let run = fatiao(
        &["extract", seeds().to_str().unwrap(), "--out", "out", "-q"],
        dir.path(),
    );
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(
        run.stderr.is_empty(),
        "--quiet prints nothing: {}",
        stderr(&run)
    );
    let names = json_names(&out);
    assert_eq!(names.len(), 5);
    assert!(names.iter().all(|n| n.ends_with(".txt.json")));
    let json: fatiao::Extraction =
        serde_json::from_slice(&fs::read(out.join(&names[0])).unwrap()).unwrap();
    assert_eq!(json.schema, "fatiao/1");
    assert!(
        json.source.path.starts_with("000_"),
        "relative to the argument"
    );
    // No temporary state is left behind by extract.
    let mut entries: Vec<_> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    entries.sort();
    assert_eq!(
        entries,
        ["documents.csv", "json", "nodes.csv", "warnings.csv"]
    );
}

#[test]
fn csvs_parse_back_with_their_headers_and_agree_with_the_json() {
    let dir = tempfile::tempdir().unwrap();
    let run = fatiao(
        &["extract", seeds().to_str().unwrap(), "--out", "out", "-q"],
        dir.path(),
    );
    assert!(run.status.success(), "{}", stderr(&run));
    let out = dir.path().join("out");

    let (header, docs) = read_csv(&out.join("documents.csv"));
    assert_eq!(header, DOCUMENTS_HEADER);
    let (header, nodes) = read_csv(&out.join("nodes.csv"));
    assert_eq!(header, NODES_HEADER);
    let (header, _) = read_csv(&out.join("warnings.csv"));
    assert_eq!(header, WARNINGS_HEADER);
    assert!(!fs::read(out.join("nodes.csv"))
        .unwrap()
        .starts_with(b"\xEF\xBB\xBF"));

    // Seed 003 holds ten documents; the documents table has a row for each, in file order.
    let of_003: Vec<_> = docs.iter().filter(|r| r[1].starts_with("003_")).collect();
    assert_eq!(of_003.len(), 10);
    let indices: Vec<_> = of_003.iter().map(|r| r[3].to_string()).collect();
    assert_eq!(indices, (1..=10).map(|i| i.to_string()).collect::<Vec<_>>());

    // Node rows match the JSON trees: same ids in the same depth-first order, and every
    // parent id is a node of the same document listed before its children.
    let mut json_ids = Vec::new();
    for name in json_names(&out) {
        let x: fatiao::Extraction =
            serde_json::from_slice(&fs::read(out.join(name)).unwrap()).unwrap();
        for doc in &x.documents {
            json_ids.extend(doc.nodes().map(|n| n.id.clone()));
        }
    }
    let csv_ids: Vec<_> = nodes.iter().map(|r| r[1].to_string()).collect();
    assert_eq!(csv_ids, json_ids);
    let mut seen = std::collections::HashSet::new();
    for row in &nodes {
        if row[2].is_empty() {
            assert_eq!(&row[10], "1", "a top node is at depth 1");
        } else {
            assert!(seen.contains(&row[2]), "parent {} listed first", &row[2]);
            assert!(row[2].starts_with(&row[0]));
        }
        seen.insert(row[1].to_string());
    }
    // Seed 002's 第十一条 holds items (一)..(六) (in its first paragraph): ordinals 1..6.
    let a11 = nodes
        .iter()
        .find(|r| r[0].starts_with("002_") && &r[4] == "第十一条")
        .unwrap();
    let items: Vec<_> = nodes
        .iter()
        .filter(|r| r[2].starts_with(&a11[1]) && &r[3] == "item")
        .map(|r| r[11].to_string())
        .collect();
    assert_eq!(items, ["1", "2", "3", "4", "5", "6"]);
}

#[test]
fn bad_files_fail_alone_with_a_line_each_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_seeds(dir.path());
    fs::write(input.join("empty.txt"), b"").unwrap();
    fs::write(
        input.join("binary.txt"),
        b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0",
    )
    .unwrap();
    let (gb, _, _) = encoding_rs::GB18030.encode("第一条 为了保守国家秘密，制定本法。");
    fs::write(input.join("truncated.txt"), &gb[..gb.len() - 1]).unwrap();

    let run = fatiao(&["extract", "in", "--out", "out"], dir.path());
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    let err = stderr(&run);
    for name in ["empty.txt", "binary.txt", "truncated.txt"] {
        let line = err
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("no stderr line for {name}: {err}"));
        assert!(line.starts_with("fatiao: ") && line.len() > name.len() + 20);
    }
    assert!(err.contains("empty"), "the reason is given: {err}");
    assert_eq!(json_names(&dir.path().join("out")).len(), 5);

    // `run` records them in the manifest as errors with their message.
    let run = fatiao(&["run", "in", "out2", "-q"], dir.path());
    assert_eq!(run.status.code(), Some(1));
    let m = manifest(&dir.path().join("out2"));
    assert_eq!(m["totals"]["errors"], 3);
    let bad = file_entry(&m, "binary.txt");
    assert_eq!(bad["status"], "error");
    assert!(bad["message"].as_str().unwrap().contains("binary"));
}

#[test]
fn output_does_not_depend_on_the_number_of_threads() {
    let dir = tempfile::tempdir().unwrap();
    let input = seeds();
    let input = input.to_str().unwrap();
    for (jobs, out) in [("1", "one"), ("2", "two")] {
        let run = fatiao(
            &["extract", input, "--out", out, "--jobs", jobs, "-q"],
            dir.path(),
        );
        assert!(run.status.success(), "{}", stderr(&run));
    }
    assert_eq!(
        snapshot(&dir.path().join("one")),
        snapshot(&dir.path().join("two"))
    );
}

#[test]
fn sync_flushes_and_changes_nothing_in_the_output() {
    // A power loss cannot be staged in a test; what can fail here is the flush itself (the
    // output directory opened and flushed, its error reported) and its place in the run.
    let dir = tempfile::tempdir().unwrap();
    copy_seeds(dir.path());
    run_ok(&["run", "in", "plain", "-q"], dir.path());
    run_ok(&["run", "in", "synced", "--sync", "-q"], dir.path());
    assert_eq!(
        snapshot(&dir.path().join("plain")),
        snapshot(&dir.path().join("synced"))
    );
    // A re-run with --sync skips as any re-run does.
    run_ok(&["run", "in", "synced", "--sync", "-q"], dir.path());
    assert_eq!(statuses(&dir.path().join("synced")), ["skipped"; 5]);
    run_ok(&["extract", "in", "--out", "x", "--sync", "-q"], dir.path());
    run_ok(&["extract", "in", "--out", "y", "-q"], dir.path());
    assert_eq!(
        snapshot(&dir.path().join("x")),
        snapshot(&dir.path().join("y"))
    );
}

#[test]
fn a_rerun_skips_unchanged_files_and_equals_a_full_run() {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_seeds(dir.path());
    let out = dir.path().join("out");
    run_ok(&["run", "in", "out", "-q"], dir.path());
    assert!(statuses(&out).iter().all(|s| s == "ok"));
    let first = snapshot(&out);

    // Unchanged: everything skipped, outputs untouched.
    run_ok(&["run", "in", "out", "-q"], dir.path());
    assert_eq!(statuses(&out), ["skipped"; 5]);
    assert_eq!(snapshot(&out), first);

    // One file changed: only it is extracted again, and the result equals a full run's.
    let changed = input.join("004_daa5a236535d62b1.txt");
    let mut text = fs::read_to_string(&changed).unwrap();
    text.push_str("\n第一条 新增的一条。\n");
    fs::write(&changed, text).unwrap();
    run_ok(&["run", "in", "out", "-q"], dir.path());
    let st = statuses(&out);
    assert_eq!(st.iter().filter(|s| *s == "ok").count(), 1);
    assert_eq!(st[4], "ok");
    let incremental = snapshot(&out);
    assert_ne!(incremental, first);

    run_ok(&["run", "in", "full", "--full", "-q"], dir.path());
    assert_eq!(incremental, snapshot(&dir.path().join("full")));
    // --full on an existing output extracts everything again.
    run_ok(&["run", "in", "out", "--full", "-q"], dir.path());
    assert_eq!(statuses(&out), ["ok"; 5]);
}

#[test]
fn removing_an_input_removes_its_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_seeds(dir.path());
    let out = dir.path().join("out");
    run_ok(&["run", "in", "out", "-q"], dir.path());
    let gone = "003_9e439a833bd76b20.txt";
    fs::remove_file(input.join(gone)).unwrap();
    run_ok(&["run", "in", "out", "-q"], dir.path());

    assert_eq!(json_names(&out).len(), 4);
    assert!(!out.join("json").join(format!("{gone}.json")).exists());
    let (_, docs) = read_csv(&out.join("documents.csv"));
    assert!(docs.iter().all(|r| !r[1].starts_with("003_")));
    run_ok(&["run", "in", "full", "-q"], dir.path());
    assert_eq!(snapshot(&out), snapshot(&dir.path().join("full")));

    // A file that now fails loses its outputs too: they no longer describe the input.
    let broken = "000_31546c61354d9668.txt";
    fs::write(input.join(broken), b"").unwrap();
    let run = fatiao(&["run", "in", "out", "-q"], dir.path());
    assert_eq!(run.status.code(), Some(1));
    assert_eq!(json_names(&out).len(), 3);
    let (_, docs) = read_csv(&out.join("documents.csv"));
    assert!(docs.iter().all(|r| !r[1].starts_with("000_")));
}

#[test]
fn shards_partition_the_inputs() {
    let dir = tempfile::tempdir().unwrap();
    copy_seeds(dir.path());
    let files = |out: &str| -> Vec<String> {
        manifest(&dir.path().join(out))["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["path"].as_str().unwrap().to_string())
            .collect()
    };
    for (shard, out) in [("0/2", "s0"), ("1/2", "s1")] {
        let run = fatiao(&["run", "in", out, "--shard", shard, "-q"], dir.path());
        assert!(run.status.success(), "{}", stderr(&run));
    }
    run_ok(&["run", "in", "all", "-q"], dir.path());
    let (s0, s1) = (files("s0"), files("s1"));
    assert!(s0.iter().all(|f| !s1.contains(f)), "disjoint");
    let mut union: Vec<_> = s0.into_iter().chain(s1).collect();
    union.sort();
    assert_eq!(union, files("all"));

    // Concatenating the shards' CSVs (one header) gives the full run's rows.
    let rows = |out: &str| read_csv(&dir.path().join(out).join("nodes.csv")).1;
    let mut merged: Vec<_> = rows("s0").into_iter().chain(rows("s1")).collect();
    let mut all = rows("all");
    merged.sort_by(|a, b| a[1].cmp(&b[1]));
    all.sort_by(|a, b| a[1].cmp(&b[1]));
    assert_eq!(merged, all);
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    copy_seeds(dir.path());
    for bad in ["2/2", "x", "1/0", "-1/3"] {
        let run = fatiao(&["run", "in", "out", "--shard", bad], dir.path());
        assert_eq!(run.status.code(), Some(2), "--shard {bad}");
    }
    let run = fatiao(&["run", "missing", "out"], dir.path());
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).contains("missing"));
    let run = fatiao(
        &["extract", "in", "--out", "o", "--encoding", "nope"],
        dir.path(),
    );
    assert_eq!(run.status.code(), Some(2));
    let run = fatiao(&["extract", "nowhere.txt", "--out", "o"], dir.path());
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).contains("nowhere.txt"));
}

#[test]
fn no_arguments_runs_input_into_output() {
    let dir = tempfile::tempdir().unwrap();
    fs::rename(copy_seeds(dir.path()), dir.path().join("input")).unwrap();
    let run = fatiao(&[], dir.path());
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(json_names(&dir.path().join("output")).len(), 5);
    assert_eq!(statuses(&dir.path().join("output")), ["ok"; 5]);
    // Not a terminal, not quiet: no progress bar, just the summary line.
    let err = stderr(&run);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("5 files") && err.contains("articles"), "{err}");
}

#[test]
fn a_run_after_a_killed_run_completes_the_work() {
    let dir = tempfile::tempdir().unwrap();
    copy_seeds(dir.path());
    let out = dir.path().join("out");
    run_ok(&["run", "in", "out", "-q"], dir.path());

    // What a run killed midway leaves: a temporary file beside the outputs, one input changed
    // whose new JSON was written (and journaled) while the manifest still has the old hash,
    // and that input then put back to its old content before the next run.
    let name = "000_31546c61354d9668.txt";
    fs::write(out.join("json").join(".tmpAbC123"), b"{\"half").unwrap();
    fs::write(out.join(".tmpXyZ789"), b"document_id,").unwrap();
    let json = out.join("json").join(format!("{name}.json"));
    let original = fs::read(&json).unwrap();
    let mut x: fatiao::Extraction = serde_json::from_slice(&original).unwrap();
    x.documents.clear();
    fs::write(&json, serde_json::to_vec_pretty(&x).unwrap()).unwrap();
    fs::create_dir_all(out.join(".fatiao")).unwrap();
    fs::write(out.join(".fatiao/journal"), format!("{name}\n")).unwrap();

    run_ok(&["run", "in", "out", "-q"], dir.path());
    let st = statuses(&out);
    assert_eq!(st[0], "ok", "the journaled file is extracted again");
    assert!(st[1..].iter().all(|s| s == "skipped"));
    assert_eq!(fs::read(&json).unwrap(), original);
    assert!(!out.join("json/.tmpAbC123").exists());
    assert!(!out.join(".tmpXyZ789").exists());
    assert!(!out.join(".fatiao/journal").exists());
    run_ok(&["run", "in", "full", "-q"], dir.path());
    assert_eq!(snapshot(&out), snapshot(&dir.path().join("full")));
}

#[test]
fn a_file_argument_is_written_under_its_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_seeds(dir.path());
    let file = input.join("002_52ed68d4567c999a.txt");
    run_ok(
        &["extract", file.to_str().unwrap(), "--out", "out", "-q"],
        dir.path(),
    );
    assert_eq!(
        json_names(&dir.path().join("out")),
        ["json/002_52ed68d4567c999a.txt.json"]
    );
}

#[test]
fn an_output_directory_inside_the_input_is_not_read_as_input() {
    for command in ["extract", "run"] {
        let dir = tempfile::tempdir().unwrap();
        copy_seeds(dir.path());
        let args: &[&str] = match command {
            "extract" => &["extract", "in", "--out", "in/out", "-q"],
            _ => &["run", "in", "in/out", "-q"],
        };
        run_ok(args, dir.path());
        run_ok(args, dir.path());
        assert_eq!(json_names(&dir.path().join("in/out")).len(), 5, "{command}");
    }
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_an_error_of_that_file_only() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let input = copy_seeds(dir.path());
    let name = std::ffi::OsStr::from_bytes(b"bad\xff.txt");
    fs::write(input.join(name), "第一条 有效的内容。").unwrap();
    let run = fatiao(&["run", "in", "out", "-q"], dir.path());
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert!(stderr(&run).contains("not valid UTF-8"), "{}", stderr(&run));
    assert_eq!(json_names(&dir.path().join("out")).len(), 5);
}

#[test]
fn a_second_run_on_the_same_output_while_one_is_going_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    copy_seeds(dir.path());
    run_ok(&["run", "in", "out", "-q"], dir.path());
    // Hold the lock as a running `fatiao run` does.
    let lock = fs::File::open(dir.path().join("out/.fatiao/lock")).unwrap();
    fs4::FileExt::try_lock(&lock).unwrap();
    let run = fatiao(&["run", "in", "out", "-q"], dir.path());
    assert_eq!(run.status.code(), Some(2));
    assert!(
        stderr(&run).contains("another fatiao run"),
        "{}",
        stderr(&run)
    );
    drop(lock);
    run_ok(&["run", "in", "out", "-q"], dir.path());
}

/// Two versions of one law in `input`, the second with its second article amended: one pair.
fn two_versions(input: &Path) {
    fs::create_dir_all(input).unwrap();
    let old = "某某条例\n\n第一条 为了规范管理，制定本条例。\n\n第二条 本条例适用于本市。\n";
    fs::write(input.join("某某条例.md"), old).unwrap();
    let new = old.replace("本市。", "本市行政区域。");
    fs::write(input.join("某某条例(2024-01-01).md"), new).unwrap();
}

#[test]
fn the_summary_of_a_run_counts_the_version_pairs_and_the_diffs_it_made() {
    let dir = tempfile::tempdir().unwrap();
    two_versions(&dir.path().join("in"));
    let summary = |args: &[&str]| {
        let out = fatiao(args, dir.path());
        assert!(out.status.success(), "{}", stderr(&out));
        stderr(&out)
    };
    let first = summary(&["run", "in", "out"]);
    assert!(first.contains("2 extracted") && first.contains(", 1 version pair (1 diffed), "));
    // Nothing changed: the diff is read back, not made again.
    let again = summary(&["run", "in", "out"]);
    assert!(again.contains("2 skipped") && again.contains(", 1 version pair (0 diffed), "));
    // `extract` looks for no versions.
    let extract = summary(&["extract", "in", "--out", "x"]);
    assert!(!extract.contains("version"), "{extract}");
}

#[test]
fn a_run_killed_while_updating_version_diffs_redoes_them() {
    let dir = tempfile::tempdir().unwrap();
    two_versions(&dir.path().join("in"));
    run_ok(&["run", "in", "out", "-q"], dir.path());
    let diffs = dir.path().join("out/diffs");
    let diff = fs::read_dir(&diffs)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let fresh = fs::read(&diff).unwrap();

    // Killed after the manifest, during the diffs: a stale diff, and the journal of the files
    // this run had extracted still in place.
    // (A readable diff, marked, as one the killed run had not reached would be.)
    let stale = String::from_utf8(fresh.clone()).unwrap().replacen(
        "\"schema\"",
        "\"note\": \"stale\",\n  \"schema\"",
        1,
    );
    assert_ne!(stale.as_bytes(), fresh);
    fs::write(&diff, &stale).unwrap();
    fs::write(
        dir.path().join("out/.fatiao/journal"),
        "某某条例(2024-01-01).md\n",
    )
    .unwrap();
    run_ok(&["run", "in", "out", "-q"], dir.path());
    assert_eq!(fs::read(&diff).unwrap(), fresh);
}

/// The bytes of `out/<table>` in the range `[start, end)` the manifest gives.
fn range_of(out: &Path, table: &str, range: &serde_json::Value) -> Vec<u8> {
    let (start, end) = (range[0].as_u64().unwrap(), range[1].as_u64().unwrap());
    fs::read(out.join(table)).unwrap()[start as usize..end as usize].to_vec()
}

/// Checks that each manifest entry's `outputs` tell where its rows and JSON are, and that the
/// `tables` digests give the tables' sizes.
fn assert_outputs_locate_each_files_rows(out: &Path) {
    let m = manifest(out);
    for (table, column) in [("documents", 1), ("nodes", 0), ("warnings", 0)] {
        let file = format!("{table}.csv");
        let bytes = fs::read(out.join(&file)).unwrap();
        assert_eq!(m["tables"][table]["bytes"], bytes.len() as u64);
        // The ranges follow one another from the end of the header to the end of the table.
        let mut end = bytes.iter().position(|&b| b == b'\n').unwrap() as u64 + 1;
        for entry in m["files"].as_array().unwrap() {
            let range = &entry["outputs"][table];
            assert_eq!(range[0].as_u64().unwrap(), end, "{file}: {entry}");
            end = range[1].as_u64().unwrap();
            let path = entry["path"].as_str().unwrap();
            let rows = range_of(out, &file, range);
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(rows.as_slice());
            for row in reader.records() {
                // documents.csv names the file itself; the other tables, its documents' ids.
                assert!(row.unwrap()[column].starts_with(path), "{file}: {path}");
            }
        }
        assert_eq!(end, bytes.len() as u64, "{file}");
    }
    let json_bytes = |e: &serde_json::Value| e["outputs"]["json_bytes"].as_u64().unwrap();
    for entry in m["files"].as_array().unwrap() {
        let json = out.join(format!("json/{}.json", entry["path"].as_str().unwrap()));
        assert_eq!(json_bytes(entry), fs::metadata(json).unwrap().len());
    }
}

#[test]
fn the_manifest_locates_each_files_rows_in_the_tables() {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_seeds(dir.path());
    let out = dir.path().join("out");
    run_ok(&["run", "in", "out", "-q"], dir.path());
    assert_outputs_locate_each_files_rows(&out);
    // The first file grows by an article: the rows of every file after it move, and a re-run
    // that copies them out of the old tables records where they are now.
    add_an_article(&input.join("000_31546c61354d9668.txt"));
    run_ok(&["run", "in", "out", "-q"], dir.path());
    assert_eq!(
        statuses(&out),
        ["ok", "skipped", "skipped", "skipped", "skipped"]
    );
    assert_outputs_locate_each_files_rows(&out);
}

/// Appends an article to the input file at `path`.
fn add_an_article(path: &Path) {
    let mut text = fs::read_to_string(path).unwrap();
    text.push_str("\n第九十九条 新增的一条。\n");
    fs::write(path, text).unwrap();
}

/// Runs `in` into `full` with `--full` and checks `out` has the same outputs.
fn assert_equals_a_full_run(dir: &Path) {
    run_ok(&["run", "in", "full", "--full", "-q"], dir);
    assert_eq!(snapshot(&dir.join("out")), snapshot(&dir.join("full")));
}

#[test]
fn tables_killed_ahead_of_their_manifest_are_not_copied_from() {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_seeds(dir.path());
    let out = dir.path().join("out");
    run_ok(&["run", "in", "out", "-q"], dir.path());
    let old_manifest = fs::read(out.join("manifest.json")).unwrap();
    // A run after the first file changed, killed between committing its tables and its
    // manifest: the new tables (in which the other files' rows have moved) beside the old
    // manifest, and the changed file in the journal.
    let first = "000_31546c61354d9668.txt";
    add_an_article(&input.join(first));
    run_ok(&["run", "in", "out", "-q"], dir.path());
    fs::write(out.join("manifest.json"), old_manifest).unwrap();
    fs::create_dir_all(out.join(".fatiao")).unwrap();
    fs::write(out.join(".fatiao/journal"), format!("{first}\n")).unwrap();

    run_ok(&["run", "in", "out", "-q"], dir.path());
    assert_eq!(
        statuses(&out),
        ["ok", "skipped", "skipped", "skipped", "skipped"]
    );
    assert_equals_a_full_run(dir.path());
}

#[test]
fn tables_edited_by_hand_are_not_copied_from() {
    let dir = tempfile::tempdir().unwrap();
    copy_seeds(dir.path());
    let out = dir.path().join("out");
    run_ok(&["run", "in", "out", "-q"], dir.path());
    // One character of the last file's text changed, the length kept: every row is where the
    // manifest says, but the edited one must not be copied into the next run's table.
    let nodes = fs::read_to_string(out.join("nodes.csv")).unwrap();
    let at = nodes.rfind('。').unwrap();
    assert!(nodes[..at].rsplit('\n').next().unwrap().starts_with("004_"));
    let mut edited = nodes.clone();
    edited.replace_range(at..at + '。'.len_utf8(), "；");
    assert_eq!(edited.len(), nodes.len());
    fs::write(out.join("nodes.csv"), edited).unwrap();
    // And a JSON removed: that file is extracted again.
    let gone = "002_52ed68d4567c999a.txt";
    let gone_json = out.join(format!("json/{gone}.json"));
    let kept = fs::read(&gone_json).unwrap();
    fs::remove_file(&gone_json).unwrap();

    run_ok(&["run", "in", "out", "-q"], dir.path());
    assert_eq!(fs::read(&gone_json).unwrap(), kept);
    assert_eq!(
        statuses(&out),
        ["skipped", "skipped", "ok", "skipped", "skipped"]
    );
    assert_equals_a_full_run(dir.path());
}

#[test]
fn a_manifest_that_does_not_locate_outputs_still_lets_files_be_skipped() {
    let dir = tempfile::tempdir().unwrap();
    copy_seeds(dir.path());
    let out = dir.path().join("out");
    run_ok(&["run", "in", "out", "-q"], dir.path());
    // As a manifest of the same version written before outputs and tables were recorded.
    let text = fs::read_to_string(out.join("manifest.json")).unwrap();
    let mut older = String::new();
    for line in text.lines() {
        let line = if line.starts_with("  \"tables\"") {
            continue;
        } else if line.starts_with("  \"totals\"") {
            line.trim_end_matches(',').to_string()
        } else if let Some(at) = line.find(",\"outputs\":") {
            // The last field of an entry: cut to the entry's closing brace.
            let comma = if line.ends_with(',') { "," } else { "" };
            format!("{}}}{comma}", &line[..at])
        } else {
            line.to_string()
        };
        older.push_str(&line);
        older.push('\n');
    }
    assert!(!older.contains("outputs") && !older.contains("tables"));
    serde_json::from_str::<serde_json::Value>(&older).expect("still a manifest");
    fs::write(out.join("manifest.json"), older).unwrap();

    run_ok(&["run", "in", "out", "-q"], dir.path());
    assert_eq!(statuses(&out), ["skipped"; 5]);
    assert_equals_a_full_run(dir.path());
    assert_outputs_locate_each_files_rows(&out);
}

/// The diffs of version pairs are made in parallel, a chunk of pairs at a time: with more
/// pairs than a chunk holds, `changes.csv` still lists them in path order, and it and the diffs
/// are the same whatever the number of threads.
#[test]
fn version_diffs_are_listed_in_path_order_whatever_the_number_of_threads() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir_all(&input).unwrap();
    let titles: Vec<String> = (0..40).map(|i| format!("甲{i:02}条例")).collect();
    for title in &titles {
        let old =
            format!("{title}\n\n第一条 为了规范管理，制定本条例。\n\n第二条 本条例适用于本市。\n");
        let new = old.replace("本市。", "本市行政区域。");
        fs::write(input.join(format!("{title}.md")), old).unwrap();
        fs::write(input.join(format!("{title}(2024-01-01).md")), new).unwrap();
    }
    let mut outputs = Vec::new();
    for (jobs, out) in [("1", "one"), ("2", "two")] {
        run_ok(&["run", "in", out, "--jobs", jobs, "-q"], dir.path());
        let out = dir.path().join(out);
        let mut files = BTreeMap::new();
        for entry in fs::read_dir(out.join("diffs")).unwrap() {
            let path = entry.unwrap().path();
            files.insert(
                path.file_name().unwrap().to_owned(),
                fs::read(&path).unwrap(),
            );
        }
        files.insert(
            "changes.csv".into(),
            fs::read(out.join("changes.csv")).unwrap(),
        );
        outputs.push(files);
    }
    assert_eq!(outputs[0], outputs[1]);
    assert_eq!(outputs[0].len(), titles.len() + 1, "a diff per pair");
    let (_, rows) = read_csv(&dir.path().join("one/changes.csv"));
    let mut pairs: Vec<(&str, &str)> = rows.iter().map(|r| (&r[0], &r[1])).collect();
    pairs.dedup();
    let expected: Vec<(String, String)> = titles
        .iter()
        .map(|t| (format!("{t}.md"), format!("{t}(2024-01-01).md")))
        .collect();
    let expected: Vec<(&str, &str)> = expected.iter().map(|(a, b)| (&**a, &**b)).collect();
    assert_eq!(pairs, expected);
}

/// `--max-filesize`: a file over the limit gets an error entry and a line on stderr, is not
/// extracted, and the rest of the run completes; with the limit raised it is extracted.
#[test]
fn files_over_the_size_limit_fail_alone() {
    let dir = tempfile::tempdir().unwrap();
    copy_seeds(dir.path());
    // The seeds are 14.5 to 93 KB: three are over 20 KB.
    let run = fatiao(
        &["run", "in", "out", "--max-filesize", "20K", "-q"],
        dir.path(),
    );
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    let m = manifest(&dir.path().join("out"));
    let over: Vec<&str> = m["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["status"] == "error")
        .map(|f| {
            assert!(f["bytes"].as_u64().unwrap() > 20 * 1024);
            assert!(f["message"]
                .as_str()
                .unwrap()
                .contains("size limit of 20480 bytes"));
            f["path"].as_str().unwrap()
        })
        .collect();
    assert_eq!(
        over,
        [
            "000_31546c61354d9668.txt",
            "001_84d012676d770e65.txt",
            "003_9e439a833bd76b20.txt"
        ]
    );
    for name in &over {
        assert!(stderr(&run).contains(name), "{}", stderr(&run));
        assert!(!dir
            .path()
            .join("out/json")
            .join(format!("{name}.json"))
            .exists());
    }
    assert_eq!(m["totals"]["ok"], 2);

    run_ok(&["run", "in", "out", "-q"], dir.path());
    assert_eq!(
        statuses(&dir.path().join("out")),
        ["ok", "ok", "skipped", "ok", "skipped"]
    );

    // The default limit, 32 MiB, applies without the option: a 40 MiB file (sparse, so that
    // the test writes nothing) fails alone.
    let dump = fs::File::create(dir.path().join("in/dump.txt")).unwrap();
    dump.set_len(40 << 20).unwrap();
    let run = fatiao(&["run", "in", "out", "-q"], dir.path());
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    let m = manifest(&dir.path().join("out"));
    let dump = file_entry(&m, "dump.txt");
    assert!(dump["message"]
        .as_str()
        .unwrap()
        .contains("size limit of 33554432 bytes"));
    assert_eq!(m["totals"]["errors"], 1);
}

#[test]
fn a_size_that_is_not_one_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    copy_seeds(dir.path());
    let run = fatiao(&["run", "in", "out", "--max-filesize", "1.5M"], dir.path());
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).contains("not a size"), "{}", stderr(&run));
}
