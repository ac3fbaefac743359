//! What a lawyer expects from a comparison, on the seed law 中华人民共和国保守国家秘密法 (65
//! articles) and revisions of it made in test code: renumbered articles stay unchanged, an
//! inserted article is one addition, a split is a split, a renamed chapter is a chapter change.

mod diff_common;

use diff_common::{build, chinese, revise, secrets_law, Edit};
use fatiao::diff::{check, diff_documents, outline, Change, ChangeType, Diff};

fn compare(edits: &[Edit]) -> Diff {
    let law = secrets_law();
    let old = build("old.txt", &outline(&law));
    let new = build("new.txt", &revise(&law, edits));
    let diff = diff_documents(&old, &new);
    assert_eq!(check(&old, &new, &diff), Vec::<String>::new());
    diff
}

fn articles(diff: &Diff) -> impl Iterator<Item = &Change> {
    diff.changes.iter().filter(|c| c.level == "article")
}

fn label(n: usize) -> String {
    format!("第{}条", chinese(n))
}

#[test]
fn identical_documents_are_all_unchanged() {
    let diff = compare(&[]);
    assert_eq!(diff.summary.unchanged, 65);
    assert_eq!(diff.heading_summary.unchanged, 6);
    assert!(diff
        .changes
        .iter()
        .all(|c| c.kind == ChangeType::Unchanged && c.old == c.new));
}

#[test]
fn an_article_inserted_first_renumbers_the_rest_without_changing_them() {
    let diff = compare(&[Edit::Insert(0, 30)]);
    assert_eq!(diff.summary.added, 1);
    assert_eq!(diff.summary.unchanged, 65);
    for (n, c) in articles(&diff)
        .filter(|c| c.kind == ChangeType::Unchanged)
        .enumerate()
    {
        assert_eq!(
            (c.old.clone(), c.new.clone()),
            (vec![label(n + 1)], vec![label(n + 2)])
        );
    }
    // The addition is listed first, where it stands in the new text.
    let first = articles(&diff).next().unwrap();
    assert_eq!(
        (first.kind, first.new.clone()),
        (ChangeType::Added, vec![label(1)])
    );
}

#[test]
fn a_deleted_article_is_listed_where_it_stood() {
    let diff = compare(&[Edit::Delete(9)]);
    assert_eq!(diff.summary.deleted, 1);
    assert_eq!(diff.summary.unchanged, 64);
    let list: Vec<&Change> = articles(&diff).collect();
    let at = list
        .iter()
        .position(|c| c.kind == ChangeType::Deleted)
        .unwrap();
    assert_eq!(list[at].old, [label(10)]);
    assert_eq!(list[at - 1].old, [label(9)]);
    assert_eq!(list[at + 1].old, [label(11)]);
    assert_eq!(list[at + 1].new, [label(10)]);
}

#[test]
fn a_changed_article_is_modified_with_an_inline_diff() {
    let diff = compare(&[Edit::Modify(4), Edit::Extend(20)]);
    assert_eq!((diff.summary.modified, diff.summary.unchanged), (2, 63));
    let m: Vec<&Change> = articles(&diff)
        .filter(|c| c.kind == ChangeType::Modified)
        .collect();
    assert_eq!(
        (m[0].old.clone(), m[0].new.clone()),
        (vec![label(5)], vec![label(5)])
    );
    let added: Vec<&str> = m[0]
        .inline
        .iter()
        .filter(|(op, _)| *op == fatiao::diff::Op::Insert)
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(added, ["，并依法予以公开"]);
    // An article that gained a paragraph is still its old self.
    assert_eq!(m[1].old, [label(21)]);
    assert!(m[1].similarity.unwrap() > 0.5);
}

#[test]
fn a_split_article_is_one_split_change() {
    // Article 13 lists the matters that are state secrets over several sentences.
    let diff = compare(&[Edit::Split(12)]);
    let s: Vec<&Change> = articles(&diff)
        .filter(|c| c.kind == ChangeType::Split)
        .collect();
    assert_eq!(s.len(), 1, "{:#?}", diff.summary);
    assert_eq!(s[0].old, [label(13)]);
    assert_eq!(s[0].new, [label(13), label(14)]);
    assert_eq!(diff.summary.added, 0);
}

#[test]
fn merged_articles_are_one_merged_change() {
    let diff = compare(&[Edit::Merge(29)]);
    let m: Vec<&Change> = articles(&diff)
        .filter(|c| c.kind == ChangeType::Merged)
        .collect();
    assert_eq!(m.len(), 1, "{:#?}", diff.summary);
    assert_eq!(m[0].old, [label(30), label(31)]);
    assert_eq!(m[0].new, [label(30)]);
    assert_eq!(diff.summary.deleted, 0);
}

#[test]
fn an_article_moved_unchanged_is_unchanged_and_flagged() {
    let diff = compare(&[Edit::Move(2, 40)]);
    assert_eq!(diff.summary.unchanged, 65);
    let moved: Vec<&Change> = diff.changes.iter().filter(|c| c.moved).collect();
    assert_eq!(moved.len(), 1);
    assert_eq!(moved[0].old, [label(3)]);
}

#[test]
fn a_renamed_chapter_is_a_chapter_change() {
    let diff = compare(&[Edit::Rename(3)]);
    let c: Vec<&Change> = diff
        .changes
        .iter()
        .filter(|c| c.level == "chapter" && c.kind != ChangeType::Unchanged)
        .collect();
    assert_eq!(c.len(), 1);
    assert_eq!(
        (c[0].kind, c[0].old.clone()),
        (ChangeType::Modified, vec!["第四章".to_string()])
    );
    assert_eq!(diff.summary.unchanged, 65);
}

#[test]
fn the_check_catches_a_diff_that_lies() {
    let law = secrets_law();
    let old = build("old.txt", &outline(&law));
    let new = build("new.txt", &revise(&law, &[Edit::Modify(3)]));
    let mut diff = diff_documents(&old, &new);
    // Drop one change: an article of each side is no longer accounted for.
    let at = diff
        .changes
        .iter()
        .position(|c| c.kind == ChangeType::Modified)
        .unwrap();
    diff.changes.remove(at);
    let problems = check(&old, &new, &diff);
    assert!(
        problems.iter().any(|p| p.contains("old entry")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("round trip")),
        "{problems:?}"
    );
}

#[test]
fn the_same_law_in_another_layout_is_unchanged() {
    // The seed is PDF text (wrapped lines, blank lines between them); here the same law as a web
    // copy: one line per heading and article.
    let law = secrets_law();
    let mut web = String::from("中华人民共和国保守国家秘密法\n\n");
    for e in outline(&law) {
        web.push_str(&e.line());
        web.push('\n');
    }
    let docs = fatiao::extract_text(&web, "web.txt");
    let other = docs.iter().max_by_key(|d| d.articles().count()).unwrap();
    let diff = diff_documents(&law, other);
    assert_eq!(check(&law, other, &diff), Vec::<String>::new());
    assert_eq!(
        (diff.summary.unchanged, diff.old.units, diff.new.units),
        (65, 65, 65)
    );
    assert_eq!(diff.heading_summary.unchanged, 6);
}

#[test]
fn deleting_the_first_article_lists_the_deletion_first() {
    let diff = compare(&[Edit::Delete(0)]);
    let first = articles(&diff).next().unwrap();
    assert_eq!(
        (first.kind, first.old.clone()),
        (ChangeType::Deleted, vec![label(1)])
    );
    let second = articles(&diff).nth(1).unwrap();
    assert_eq!(
        (second.old.clone(), second.new.clone()),
        (vec![label(2)], vec![label(1)])
    );
}
