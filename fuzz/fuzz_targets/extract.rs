//! Any bytes through the whole of `extract`: decode, parse, the JSON (which must read back as
//! what was extracted) and the CSV rows; and, when a document came out, its diff against itself
//! and against a fixed law, whose own check must find nothing wrong. A panic, or a run longer
//! than libFuzzer's `-timeout`, is a finding.
//!
//! ```text
//! RUSTC_BOOTSTRAP=1 cargo fuzz run extract fuzz/corpus/extract ../input -- -max_len=65536 -timeout=10
//! ```
#![no_main]

use fatiao::emit::{to_csv_rows, to_json};
use fatiao::{extract_bytes, Options};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

/// A small law to diff against, with chapters, articles, paragraphs and items.
const LAW: &str = "某某管理条例\n第一章 总则\n第一条 为了规范管理，制定本条例。\n第二条 本条例适用于：\n（一）甲；\n（二）乙。\n第二章 附则\n第三条 本条例自公布之日起施行。\n";

fn law() -> &'static fatiao::Document {
    static DOC: OnceLock<fatiao::Document> = OnceLock::new();
    DOC.get_or_init(|| {
        let x = extract_bytes(LAW.as_bytes(), "law.txt", &Options::default()).unwrap();
        x.documents.into_iter().next().unwrap()
    })
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(x) = extract_bytes(bytes, "fuzz.txt", &Options::default()) else {
        return;
    };
    let json = to_json(&x).expect("an extraction always serialises");
    let back: fatiao::Extraction = serde_json::from_slice(&json).expect("JSON reads back");
    assert_eq!(back, x);
    to_csv_rows(&x).expect("an extraction always flattens to CSV");
    if let Some(doc) = fatiao::diff::main_document(&x, None) {
        for (old, new) in [(doc, law()), (law(), doc), (doc, doc)] {
            let diff = fatiao::diff::diff_documents(old, new);
            let problems = fatiao::diff::check(old, new, &diff);
            assert!(problems.is_empty(), "{problems:?}");
        }
    }
});
