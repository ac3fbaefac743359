//! How long comparing a large law takes: a ~520-article law (the seed 保守国家秘密法 repeated
//! eight times, each copy about a different kind of information so that the copies differ)
//! against a revision with articles inserted, deleted, modified, extended, moved, split and
//! merged, and renumbered throughout. Target: under 20 ms. Also the worst case, a law against an
//! unrelated one of the same size, where every pair of articles is scored.
//!
//! `cargo bench --bench diff`

#[path = "../tests/diff_common/mod.rs"]
mod diff_common;

use criterion::{criterion_group, criterion_main, Criterion};
use diff_common::{build, revise, secrets_law, Edit};
use fatiao::diff::{diff_documents, outline, Entry};
use fatiao::Kind;

const TOPICS: [&str; 8] = [
    "国家秘密",
    "工作秘密",
    "商业秘密",
    "个人信息",
    "重要数据",
    "核心数据",
    "档案资料",
    "涉密载体",
];

fn large_law() -> Vec<Entry> {
    let law = outline(&secrets_law());
    let mut entries = Vec::new();
    for (k, topic) in TOPICS.iter().enumerate() {
        for e in &law {
            let mut e = e.clone();
            e.text = e.text.replace("国家秘密", topic);
            if e.kind == Kind::Chapter {
                e.text = format!("{topic}{}", e.text);
            } else if e.unit && !e.text.contains(topic) {
                // Articles that do not name the topic would repeat in every copy.
                e.text = format!("{}（适用于第{}部分）", e.text, k + 1);
            }
            entries.push(e);
        }
    }
    entries
}

fn bench(c: &mut Criterion) {
    let old = build("old.txt", &large_law());
    let mut edits = Vec::new();
    for k in 0..8 {
        let at = k * 60;
        edits.extend([
            Edit::Insert(at + 3, at + 40),
            Edit::Delete(at + 10),
            Edit::Modify(at + 15),
            Edit::Extend(at + 20),
            Edit::Move(at + 25, at + 50),
            Edit::Split(at + 30),
            Edit::Merge(at + 35),
        ]);
    }
    let new = build("new.txt", &revise(&old, &edits));
    let units = old.articles().count();
    let diff = diff_documents(&old, &new);
    eprintln!(
        "{units} → {} articles: {:?}",
        new.articles().count(),
        diff.summary
    );
    c.bench_function(
        &format!("diff {units}-article law against a revision"),
        |b| b.iter(|| diff_documents(&old, &new)),
    );

    // The worst case: nothing in common (every article rewritten), so every pair is scored.
    let unrelated: Vec<Entry> = large_law()
        .into_iter()
        .map(|mut e| {
            e.text = e.text.chars().rev().collect();
            e
        })
        .collect();
    let unrelated = build("unrelated.txt", &unrelated);
    c.bench_function(
        &format!("diff {units}-article law against an unrelated one"),
        |b| b.iter(|| diff_documents(&old, &unrelated)),
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
