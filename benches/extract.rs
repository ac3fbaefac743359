//! Where the time goes, stage by stage, on the seeds: the numbering parsers, the tree builder
//! (the candidate scan and the whole structure stage, on paragraphs already reflowed), the
//! parser proper (text already decoded), the whole extract (bytes in), and the writers (JSON and
//! CSV into memory). Run with `cargo bench --bench extract`.

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use fatiao::emit::{to_csv_rows, to_json};
use fatiao::layout::{self, Para};
use fatiao::numbering::parse_marker;
use fatiao::structure::{candidates, structure};
use fatiao::{extract_bytes, extract_text, Options};
use fatiao::{furniture, normalise, segment};
use std::path::Path;

/// The seeds in input/, by file name, sorted.
fn seeds() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("input");
    let mut seeds: Vec<_> = std::fs::read_dir(dir)
        .expect("input/ holds the seeds")
        .map(|e| {
            let path = e.expect("readable entry").path();
            let name = path.file_name().unwrap().to_string_lossy()[..3].to_string();
            (name, std::fs::read(&path).expect("readable seed"))
        })
        .collect();
    seeds.sort();
    seeds
}

fn numbering(c: &mut Criterion) {
    // One of each family, plus text that is no marker at all (the common case on most lines).
    let labels = [
        "第一千二百六十条 ",
        "第十一条之一",
        "第3条",
        "第二分编",
        "（二十八）",
        "(六)",
        "一、",
        "1．",
        "（1）",
        "①",
        "依照本法第二十条的规定",
    ];
    c.bench_function("numbering/parse_marker x11", |b| {
        b.iter(|| {
            for l in labels {
                black_box(parse_marker(black_box(l)));
            }
        })
    });
}

/// A seed's documents as the tree builder receives them: decoded, normalised, reflowed, cut.
fn documents_of(bytes: &[u8]) -> Vec<Vec<Para>> {
    let text = String::from_utf8(bytes.to_vec()).expect("seeds are UTF-8");
    let lines = furniture::set_aside(normalise::normalise(&text));
    segment::segment(layout::reflow(lines))
}

fn tree(c: &mut Criterion) {
    let mut group = c.benchmark_group("tree");
    for (name, bytes) in seeds() {
        let documents = documents_of(&bytes);
        let bodies: Vec<String> = documents.iter().map(|d| layout::join(d)).collect();
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        // Every place a marker could start, with its evidence: the numbering recognised.
        group.bench_with_input(BenchmarkId::new("scan", &name), &bodies, |b, bodies| {
            b.iter(|| {
                for body in bodies {
                    black_box(candidates::scan(body));
                }
            })
        });
        // The scan, the choice of the running sequences, and the nodes built and nested.
        group.bench_with_input(
            BenchmarkId::new("structure", &name),
            &documents,
            |b, documents| {
                b.iter(|| {
                    for paras in documents {
                        black_box(structure(paras));
                    }
                })
            },
        );
    }
    group.finish();
}

fn extract(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract");
    for (name, bytes) in seeds() {
        let text = String::from_utf8(bytes.clone()).expect("seeds are UTF-8");
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::new("bytes", &name), &bytes, |b, bytes| {
            b.iter(|| extract_bytes(bytes, "seed.txt", &Options::default()).unwrap())
        });
        group.bench_with_input(BenchmarkId::new("parse", &name), &text, |b, text| {
            b.iter(|| extract_text(text, "seed.txt"))
        });
    }
    group.finish();
}

fn writers(c: &mut Criterion) {
    let mut group = c.benchmark_group("emit");
    for (name, bytes) in seeds() {
        let x = extract_bytes(&bytes, "seed.txt", &Options::default()).unwrap();
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::new("json", &name), &x, |b, x| {
            b.iter(|| to_json(x).unwrap())
        });
        group.bench_with_input(BenchmarkId::new("csv", &name), &x, |b, x| {
            b.iter(|| to_csv_rows(x).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, numbering, tree, extract, writers);
criterion_main!(benches);
