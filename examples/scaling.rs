//! Does the time to extract a file grow with its length, and not faster? For each of a set of
//! shapes of text, real and adversarial, a file of that shape of SIZE bytes is extracted in
//! memory (decoded, parsed, written as JSON and CSV rows), and one four times as long; the time
//! should grow four times. A rule that
//! compares each heading with every other, or walks back from each over all before it, grows
//! sixteen times, and turns a 20 MB file into an hour's work for a batch that nobody watches.
//!
//! ```text
//! cargo run --release --example scaling [-- SIZE_KB]
//! ```
//!
//! Real text comes from the seeds in `input/` (repeated to the size), as they are, on one line,
//! cut into lines of 7 characters and wrapped at 30; the rest is made up: a file of nothing but
//! `第一章 总则`, a 目录 of thousands of entries, an outline of policy numbering, references that
//! look like labels, news items (their sources' quotes left open, too) and dated prose on one
//! line, unbalanced brackets. Each size is timed as the fastest of three runs, the two sizes
//! taking turns.
//!
//! Exits 1 when a shape grows more than [`LIMIT`] times (twice linear: noise on a loaded
//! machine reaches 1.5×, a square law gives 16×), so that CI fails on it.

use std::process::ExitCode;
use std::time::{Duration, Instant};

/// The growth, for four times the input, above which a shape fails.
const LIMIT: f64 = 8.0;

fn main() -> ExitCode {
    let size_kb = match std::env::args().nth(1).map(|a| a.parse::<usize>()) {
        None => 1000,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("usage: cargo run --release --example scaling [-- SIZE_KB]");
            return ExitCode::from(2);
        }
    };
    let seeds = match seed_text() {
        Ok(text) => text,
        Err(e) => {
            eprintln!("scaling: cannot read the seeds in input/: {e}");
            return ExitCode::from(2);
        }
    };
    let size = size_kb * 1024;
    println!(
        "{:<16} {:>10} {:>10} {:>7}   (fastest of 3; {size_kb} KB and 4× that)",
        "shape", "ms", "ms (4×)", "growth"
    );
    let mut failed = Vec::new();
    for (name, make) in shapes() {
        let small = make(&seeds, size);
        let large = make(&seeds, 4 * size);
        let (t1, t4) = fastest_of_three(&small, &large);
        let growth = t4.as_secs_f64() / t1.as_secs_f64().max(1e-6);
        let flag = if growth > LIMIT {
            "  ← grows too fast"
        } else {
            ""
        };
        println!(
            "{name:<16} {:>10.1} {:>10.1} {growth:>6.1}×{flag}",
            ms(t1),
            ms(t4)
        );
        if growth > LIMIT {
            failed.push(name);
        }
    }
    if failed.is_empty() {
        println!("scaling: every shape within {LIMIT}× for 4× the input");
        ExitCode::SUCCESS
    } else {
        println!("scaling: FAIL: {}", failed.join(", "));
        ExitCode::FAILURE
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The fastest of three runs of each file, taking turns, so that a change in the machine's load
/// during the measurement weighs on both sizes alike.
fn fastest_of_three(small: &str, large: &str) -> (Duration, Duration) {
    let (mut t1, mut t4) = (Duration::MAX, Duration::MAX);
    for _ in 0..3 {
        t1 = t1.min(extract_time(small));
        t4 = t4.min(extract_time(large));
    }
    (t1, t4)
}

/// What `extract` does with a file, in memory: decode, parse, and write the JSON and the CSV
/// rows.
fn extract_time(text: &str) -> Duration {
    let t = Instant::now();
    let extraction = fatiao::extract_bytes(text.as_bytes(), "scaling", &fatiao::Options::default())
        .expect("the shapes are text");
    let json = fatiao::emit::json::to_json(&extraction).expect("JSON in memory");
    let rows = fatiao::emit::csv::to_csv_rows(&extraction).expect("CSV in memory");
    let elapsed = t.elapsed();
    std::hint::black_box((json, rows));
    elapsed
}

/// The seeds, in file name order, joined by blank lines.
fn seed_text() -> std::io::Result<String> {
    let mut paths: Vec<_> = std::fs::read_dir("input")?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    paths.sort();
    let mut text = String::new();
    for path in paths {
        let bytes = std::fs::read(&path)?;
        let decoded = fatiao::decode::decode(&bytes, None)
            .map_err(|e| std::io::Error::other(format!("{}: {e}", path.display())))?;
        text.push_str(&decoded.text);
        text.push_str("\n\n");
    }
    Ok(text)
}

type Make = fn(&str, usize) -> String;

fn shapes() -> Vec<(&'static str, Make)> {
    vec![
        ("seeds", |s, n| repeat_to(s, n)),
        ("one line", |s, n| repeat_to(s, n).replace('\n', "")),
        ("lines of 7", |s, n| cut_lines(&repeat_to(s, n), 7)),
        ("wrapped at 30", |s, n| cut_lines(&repeat_to(s, n), 30)),
        ("same chapter", |_, n| repeat_to("第一章 总则\n", n)),
        ("chapters", |_, n| {
            numbered(n, |i| format!("第{}章 总则\n", numeral(i % 99 + 1)))
        }),
        ("same article", |_, n| repeat_to("第一条\n", n)),
        ("chapter article", |_, n| {
            numbered(n, |i| {
                format!("第{}章 总则\n第一条 内容。\n", numeral(i % 99 + 1))
            })
        }),
        ("contents", |_, n| {
            let entries = numbered(n, |i| format!("第{}章 总则……{i}\n", numeral(i % 99 + 1)));
            format!("目录\n{entries}")
        }),
        ("policy outline", |_, n| {
            numbered(n, |i| {
                let (c, d) = (numeral(i % 9 + 1), i % 9 + 1);
                format!("{c}、总体要求\n（{c}）指导思想。\n{d}.加强领导。\n（{d}）落实责任。\n")
            })
        }),
        ("divisions inline", |_, n| {
            numbered(n, |i| format!("{}、加强管理工作。", numeral(i % 99 + 1)))
        }),
        ("references", |_, n| {
            numbered(n, |i| {
                let (a, b) = (numeral(i % 99 + 1), numeral(i % 50 + 1));
                format!("第{a}条 依照本法第{b}条规定执行。")
            })
        }),
        ("titled notes", |_, n| {
            numbered(n, |i| {
                let (y, m, d) = (2000 + i % 20, i % 12 + 1, i % 28 + 1);
                format!("关于加强管理的通知\n{y}年{m}月{d}日通过\n第一条 内容。\n")
            })
        }),
        ("prose, no label", |_, n| {
            numbered(n, |i| {
                let line = if i % 20 == 19 { "\n" } else { "" };
                format!("各地区各部门要切实加强组织领导，认真抓好贯彻落实。{line}")
            })
        }),
        ("plans, one line", |_, n| {
            numbered(n, |i| {
                format!("关于加强第{i}项管理工作的意见 一、总体要求。坚持稳中求进。二、主要任务。加强组织领导。 ")
            })
        }),
        ("news, one line", |_, n| {
            numbered(n, |i| {
                let (m, d, c) = (i % 12 + 1, i % 28 + 1, numeral(i % 99 + 1));
                format!(
                    "会议强调要加强管理。（2024 年 {m} 月 {d} 日在某某会议上的讲话）{c}、要坚持\
                     稳中求进。 发布时间：2024 年 {m} 月 {d} 日来源：“学习强国”学习平 台 \
                     某某主持召开会议 新华社北京{m}月{d}日电 "
                )
            })
        }),
        ("sources open", |_, n| {
            repeat_to("会议强调。发布时间：2024年1月1日来源：“某某", n)
        }),
        ("dated, one line", |_, n| {
            numbered(n, |i| {
                let (m, d) = (i % 12 + 1, i % 28 + 1);
                format!("会议强调要加强管理。（2024 年 {m} 月 {d} 日在某某会议上的讲话）")
            })
        }),
        ("amendments", |_, n| {
            numbered(n, |i| {
                let a = numeral(i % 99 + 1);
                format!(
                    "{}、将第{a}条修改为：“第{a}条 国家加强管理。”\n",
                    numeral(i % 99 + 1)
                )
            })
        }),
        ("attachments", |_, n| {
            numbered(n, |i| {
                format!("附件{}：某某实施方案\n一、总体要求\n", i % 9 + 1)
            })
        }),
        ("page furniture", |s, n| {
            let lines: Vec<&str> = s.lines().collect();
            numbered(n, |i| {
                let line = lines[i % lines.len()];
                if i % 30 == 29 {
                    format!("{line}\n- {} -\n某某管理条例\n", i / 30 + 1)
                } else {
                    format!("{line}\n")
                }
            })
        }),
        ("open brackets", |_, n| {
            let half = n / 2;
            format!("{}{}", repeat_to("（", half), repeat_to("一、", half))
        }),
        ("open quotes", |_, n| {
            let half = n / 2;
            format!("{}{}", repeat_to("《", half), repeat_to("》", half))
        }),
    ]
}

/// `unit` repeated to `bytes` bytes, cut at a character boundary.
fn repeat_to(unit: &str, bytes: usize) -> String {
    let mut s = unit.repeat(bytes / unit.len() + 1);
    let mut end = bytes.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    s
}

/// Pieces `piece(0)`, `piece(1)`, … joined, up to `bytes` bytes.
fn numbered(bytes: usize, piece: impl Fn(usize) -> String) -> String {
    let mut s = String::new();
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(&piece(i));
        i += 1;
    }
    s
}

/// The text without its line breaks, broken every `width` characters.
fn cut_lines(text: &str, width: usize) -> String {
    let chars: Vec<char> = text.chars().filter(|&c| c != '\n').collect();
    let mut out = String::with_capacity(text.len() + text.len() / width);
    for line in chars.chunks(width) {
        out.extend(line);
        out.push('\n');
    }
    out
}

/// 1..=99 in Chinese numerals: 一, 十, 十一, 二十, 九十九.
fn numeral(n: usize) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match (n / 10, n % 10) {
        (0, u) => DIGITS[u].to_string(),
        (1, u) => format!("十{}", DIGITS[u]),
        (t, u) => format!("{}十{}", DIGITS[t], DIGITS[u]),
    }
}
