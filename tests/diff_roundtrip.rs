//! Property test: whatever revision is made of a real document (deleting, inserting, modifying,
//! moving, splitting, merging articles, renaming headings), the diff covers every entry of both
//! sides exactly once, applying it to OLD gives NEW exactly, and untouched articles are paired
//! with their twins as unchanged.

mod diff_common;

use diff_common::{build, revise, secrets_law, seed, Edit};
use fatiao::diff::{check, diff_documents, outline};
use proptest::prelude::*;

fn edit() -> impl Strategy<Value = Edit> {
    let i = 0usize..1000;
    prop_oneof![
        i.clone().prop_map(Edit::Delete),
        (i.clone(), i.clone()).prop_map(|(a, b)| Edit::Insert(a, b)),
        i.clone().prop_map(Edit::Modify),
        i.clone().prop_map(Edit::Extend),
        (i.clone(), i.clone()).prop_map(|(a, b)| Edit::Move(a, b)),
        i.clone().prop_map(Edit::Split),
        i.clone().prop_map(Edit::Merge),
        i.prop_map(Edit::Rename),
    ]
}

fn assert_sound(doc: &fatiao::Document, edits: &[Edit]) {
    let old = build("old.txt", &outline(doc));
    let new = build("new.txt", &revise(doc, edits));
    let diff = diff_documents(&old, &new);
    let problems = check(&old, &new, &diff);
    assert!(problems.is_empty(), "{edits:?}: {problems:#?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn revisions_of_a_law_round_trip(edits in prop::collection::vec(edit(), 0..12)) {
        assert_sound(&secrets_law(), &edits);
    }

    /// A policy document whose units are items （一）, under divisions 一、.
    #[test]
    fn revisions_of_a_policy_document_round_trip(edits in prop::collection::vec(edit(), 0..12)) {
        assert_sound(&seed("001_84d012676d770e65.txt", 1), &edits);
    }

    /// Units with line breaks inside them must not confuse splits and merges.
    #[test]
    fn revisions_of_multi_paragraph_units_round_trip(edits in prop::collection::vec(edit(), 0..12)) {
        assert_sound(&seed("003_9e439a833bd76b20.txt", 6), &edits);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// Both sides as the parser reads them: OLD is the seed's own parse, NEW is the revision
    /// written out as text (one line per heading and article) and parsed again.
    #[test]
    fn revisions_written_out_and_parsed_round_trip(edits in prop::collection::vec(edit(), 0..12)) {
        let old = secrets_law();
        let mut text = String::from("中华人民共和国保守国家秘密法\n\n");
        for e in revise(&old, &edits) {
            text.push_str(&e.line());
            text.push('\n');
        }
        let docs = fatiao::extract_text(&text, "new.txt");
        let new = docs.iter().max_by_key(|d| d.articles().count()).expect("a document");
        let diff = diff_documents(&old, new);
        let problems = check(&old, new, &diff);
        prop_assert!(problems.is_empty(), "{edits:?}: {problems:#?}");
    }
}

#[test]
fn the_real_parse_of_a_seed_round_trips_against_a_revision() {
    // Not rebuilt: OLD as the parser gives it, with its nested paragraphs and items.
    let old = secrets_law();
    let new = build(
        "new.txt",
        &revise(
            &old,
            &[Edit::Insert(0, 5), Edit::Split(20), Edit::Delete(40)],
        ),
    );
    let diff = diff_documents(&old, &new);
    assert_eq!(check(&old, &new, &diff), Vec::<String>::new());
}
