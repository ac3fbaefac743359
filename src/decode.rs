//! Stage 1, read/decode: raw bytes → [`Decoded`] text, or a [`DecodeError`] that says why not.
//!
//! The rule is *no silent garbage*: a file is decoded only when the whole of it decodes without a
//! single replacement character. Binary files (NUL bytes, control characters) are refused before
//! any decoding is tried.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};

/// Text decoded from a file, with the name of the encoding that gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding's WHATWG name, except that GBK is reported as `GB18030` (its superset, and
    /// the decoder encoding_rs uses for both).
    pub encoding: &'static str,
}

/// Why the bytes of a file are not text fatiao can read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("the file is empty")]
    Empty,
    #[error("the file holds only white space")]
    Blank,
    #[error("binary data, not text ({0})")]
    Binary(String),
    #[error("not valid {encoding}: malformed byte sequence at byte {offset}")]
    Malformed {
        encoding: &'static str,
        offset: usize,
    },
    #[error("unknown encoding label `{0}` (try utf-8, utf-16le, utf-16be, gb18030, gbk, big5)")]
    UnknownLabel(String),
    #[error("cannot tell the encoding: the bytes are neither UTF-8, UTF-16 nor GB18030 (detection guessed {0}); pass --encoding to force one")]
    Undetectable(&'static str),
}

/// Decodes `bytes`. With `label`, that encoding is used (a BOM still wins, as in every browser);
/// without it, a BOM, then UTF-8, then GB18030 (Big5 when chardetng reads the bytes so), then
/// chardetng's guess are tried in turn.
pub fn decode(bytes: &[u8], label: Option<&str>) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let forced = match label {
        Some(l) => Some(
            Encoding::for_label(l.trim().as_bytes())
                .ok_or_else(|| DecodeError::UnknownLabel(l.to_string()))?,
        ),
        None => None,
    };
    let (encoding, text) = match Encoding::for_bom(bytes) {
        Some((enc, bom_len)) => (enc, decode_text(enc, &bytes[bom_len..])?),
        None => match forced {
            Some(enc) => (enc, decode_text(enc, bytes)?),
            None => match detect(bytes)? {
                // Validated by `detect`, whose binary check saw exactly these bytes: copied, not
                // decoded and checked a second time.
                Detected::Utf8(text) => (UTF_8, text.to_owned()),
                Detected::Other(enc) => (enc, decode_text(enc, bytes)?),
            },
        },
    };
    if text.trim().is_empty() {
        return Err(DecodeError::Blank);
    }
    Ok(Decoded {
        text,
        encoding: display_name(encoding),
    })
}

/// `bytes` decoded strictly, unless the text reads as binary.
fn decode_text(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, DecodeError> {
    let text = decode_strict(encoding, bytes)?;
    match binary_reason(text.as_bytes()) {
        Some(reason) => Err(DecodeError::Binary(reason)),
        None => Ok(text),
    }
}

/// What [`detect`] found: UTF-8 text (already validated, so not decoded again), or another
/// encoding to decode with.
enum Detected<'a> {
    Utf8(&'a str),
    Other(&'static Encoding),
}

/// Picks an encoding for bytes without a BOM.
fn detect(bytes: &[u8]) -> Result<Detected<'_>, DecodeError> {
    use Detected::Other;
    if let Some(enc) = utf16_without_bom(bytes) {
        return Ok(Other(enc));
    }
    if let Some(reason) = binary_reason(bytes) {
        return Err(DecodeError::Binary(reason));
    }
    // simdutf8: std's validator slows to a byte at a time on non-ASCII text, and Chinese text is
    // almost all non-ASCII; this validation sees every byte of every UTF-8 file.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok(Detected::Utf8(text));
    }
    // Chinese documents that are not UTF-8 are overwhelmingly GB18030/GBK: try it first, strictly.
    // But GB18030 decodes almost any run of high bytes, Big5 among them, into text that is not
    // what was written: when chardetng reads the bytes as Big5 and they decode strictly as Big5,
    // they are Big5. (Without a hint of where the text is from: the `cn` hint makes it read Big5
    // as GBK. Without one it read each of lawref-dev's 664 laws and the seeds in GB18030 as GBK.)
    if decode_strict(GB18030, bytes).is_ok() {
        let big5 = guess(bytes, None) == encoding_rs::BIG5
            && decode_strict(encoding_rs::BIG5, bytes).is_ok();
        return Ok(Other(if big5 { encoding_rs::BIG5 } else { GB18030 }));
    }
    // UTF-8 that breaks after a stretch of valid non-ASCII text (a download cut inside a
    // character, a corrupt byte) is UTF-8 with an error, not a puzzle for the detector: GB18030
    // text fails UTF-8 validation within a character or two. Report where the UTF-8 breaks.
    if let Err(e) = simdutf8::compat::from_utf8(bytes) {
        let valid = &bytes[..e.valid_up_to()];
        if valid.iter().filter(|&&b| b >= 0xC0).count() >= UTF8_EVIDENCE {
            return Err(DecodeError::Malformed {
                encoding: display_name(UTF_8),
                offset: e.valid_up_to(),
            });
        }
    }
    let guess = guess(bytes, Some(b"cn"));
    // Only encodings that Chinese text really comes in; anything else would be garbage.
    if guess == encoding_rs::BIG5 && decode_strict(guess, bytes).is_ok() {
        return Ok(Other(guess));
    }
    if guess == UTF_8 || guess == encoding_rs::GBK || guess == GB18030 {
        // The guess is one we already tried strictly: report where it breaks.
        let enc = if guess == UTF_8 { UTF_8 } else { GB18030 };
        return Err(decode_strict(enc, bytes).unwrap_err());
    }
    Err(DecodeError::Undetectable(guess.name()))
}

/// chardetng's guess for the whole of `bytes`, given the top-level domain the text is from.
fn guess(bytes: &[u8], tld: Option<&[u8]>) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    detector.guess(tld, true)
}

/// Multi-byte characters that must decode as UTF-8 before a file that breaks is taken as UTF-8
/// with an error.
const UTF8_EVIDENCE: usize = 8;

/// UTF-16 without a BOM (what `encode('utf-16-le')` and some exporters write). Its ASCII
/// characters, line ends at least, put NULs in the bytes, so only files with a NUL are asked.
/// Both byte orders are decoded; the one whose characters read as Chinese or ASCII text
/// ([`reads_as_text`]) wins. The NUL pattern alone cannot tell: in Chinese text few characters
/// are ASCII, and a CJK character's low byte may be zero (`一` is U+4E00).
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    // A vectorised search (the memchr crate): most files have no NUL and are done here.
    if bytes.len() < 4 || bytes.len() % 2 != 0 || memchr::memchr(0, bytes).is_none() {
        return None;
    }
    let share = |enc: &'static Encoding| {
        let text = decode_strict(enc, bytes).ok()?;
        binary_reason(text.as_bytes())
            .is_none()
            .then(|| reads_as_text(&text))
    };
    let (le, be) = (share(UTF_16LE), share(UTF_16BE));
    match (le, be) {
        (Some(l), b) if l >= TEXT_SHARE && b.is_none_or(|b| l > b) => Some(UTF_16LE),
        (l, Some(b)) if b >= TEXT_SHARE && l.is_none_or(|l| b > l) => Some(UTF_16BE),
        _ => None,
    }
}

/// The share of characters a text in a wrong byte order or binary data decoded as UTF-16 does
/// not reach: random 16-bit units land in these ranges about a third of the time.
const TEXT_SHARE: f64 = 0.9;

/// The share of `text`'s characters that Chinese documents are written in: ASCII, CJK
/// ideographs, CJK and full-width punctuation, general punctuation, circled numbers.
fn reads_as_text(text: &str) -> f64 {
    let (mut all, mut plain) = (0usize, 0usize);
    for c in text.chars() {
        all += 1;
        plain += usize::from(matches!(c,
            '\t' | '\n' | '\r' | ' '..='~'
            | '\u{A0}'..='\u{FF}'
            | '\u{2000}'..='\u{206F}'
            | '\u{2460}'..='\u{24FF}'
            | '\u{3000}'..='\u{303F}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{FEFF}'
            | '\u{FF00}'..='\u{FFEF}'));
    }
    plain as f64 / all.max(1) as f64
}

/// Decodes the whole of `bytes` or reports the offset of the first malformed sequence.
fn decode_strict(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, DecodeError> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len() * 3 + 16);
    let mut text = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut text, true);
    match result {
        encoding_rs::DecoderResult::InputEmpty => Ok(text),
        encoding_rs::DecoderResult::Malformed(bad, _) => Err(DecodeError::Malformed {
            encoding: display_name(encoding),
            offset: read - bad as usize,
        }),
        // The buffer was sized for the worst case, so this cannot happen; report it as malformed
        // at the point reached rather than panic.
        encoding_rs::DecoderResult::OutputFull => Err(DecodeError::Malformed {
            encoding: display_name(encoding),
            offset: read,
        }),
    }
}

/// Text has no NUL and almost no C0 control characters besides tab, CR, LF and form feed.
fn binary_reason(bytes: &[u8]) -> Option<String> {
    // A vectorised search (the memchr crate): it sees every byte of every file.
    if let Some(pos) = memchr::memchr(0, bytes) {
        return Some(format!("NUL byte at byte {pos}"));
    }
    let controls = count_controls(bytes);
    // A stray control character or two happens in real exports; many do not.
    if controls > 8 && controls * 100 > bytes.len() {
        return Some(format!("{controls} control characters"));
    }
    None
}

/// Bytes below 0x20 other than tab, LF, CR and form feed. Counted in a `u8` per block of 255
/// bytes (a block's count fits), without the table lookup per byte of the first version (a
/// third of the instructions): this sees every byte of every file.
fn count_controls(bytes: &[u8]) -> usize {
    bytes
        .chunks(255)
        .map(|block| {
            let in_block = block.iter().fold(0u8, |n, &b| {
                n + u8::from(b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
            });
            usize::from(in_block)
        })
        .sum()
}

fn display_name(encoding: &'static Encoding) -> &'static str {
    if encoding == encoding_rs::GBK || encoding == GB18030 {
        "GB18030"
    } else {
        encoding.name()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode("第一条 总则".as_bytes(), None).unwrap();
        assert_eq!(plain.text, "第一条 总则");
        assert_eq!(plain.encoding, "UTF-8");
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend_from_slice("第一条".as_bytes());
        assert_eq!(decode(&with_bom, None).unwrap().text, "第一条");
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let text = "第一条 为了保守国家秘密。";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in text.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&le, None).unwrap().encoding, "UTF-16LE");
        assert_eq!(decode(&le, None).unwrap().text, text);
        assert_eq!(decode(&be, None).unwrap().text, text);
    }

    #[test]
    fn utf16_without_bom_both_orders_chinese_or_ascii() {
        // Chinese with few ASCII characters, and `一` (U+4E00) puts a NUL in its low byte.
        let chinese = "第一条 为了保守国家秘密，维护国家安全和利益，制定本法。\n第二条 国家秘密受法律保护。\n";
        let ascii = "Article 1 This law is made to protect state secrets.\n";
        for text in [chinese, ascii] {
            let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
            let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
            let d = decode(&le, None).unwrap();
            assert_eq!((d.encoding, d.text.as_str()), ("UTF-16LE", text));
            let d = decode(&be, None).unwrap();
            assert_eq!((d.encoding, d.text.as_str()), ("UTF-16BE", text));
        }
    }

    #[test]
    fn binary_of_even_length_is_not_utf16() {
        // Bytes of a compressed file: they decode as UTF-16 in either order, to nothing a text
        // is written in.
        let mut x: u32 = 7;
        let bytes: Vec<u8> = (0..4000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                (x >> 8) as u8
            })
            .chain([0, 0])
            .collect();
        assert!(matches!(decode(&bytes, None), Err(DecodeError::Binary(_))));
    }

    #[test]
    fn gb18030_is_detected() {
        let text = "第一条 为了加强反间谍工作，防范、制止和惩治间谍行为，维护国家安全。\n";
        let (bytes, _, _) = GB18030.encode(text);
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.text, text);
        assert_eq!(d.encoding, "GB18030");
    }

    #[test]
    fn big5_is_detected_though_it_decodes_as_gb18030() {
        let text = "中華人民共和國憲法\n第一條 中華人民共和國是工人階級領導的、以工農聯盟為基礎的人民民主專政的社會主義國家。\n";
        let (bytes, _, _) = encoding_rs::BIG5.encode(text);
        // The bytes are valid GB18030 too, which reads them as other characters.
        assert!(decode_strict(GB18030, &bytes).is_ok_and(|t| t != text));
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.text, text);
        assert_eq!(d.encoding, "Big5");
        // Simplified text in GBK, however short, stays GB18030.
        for text in [
            "第一条",
            "本法自公布之日起施行。",
            "中华人民共和国宪法\n第一条 国家实行",
        ] {
            let (bytes, _, _) = GB18030.encode(text);
            assert_eq!(decode(&bytes, None).unwrap().encoding, "GB18030", "{text}");
        }
    }

    #[test]
    fn truncated_gb18030_names_the_offset() {
        let (bytes, _, _) = GB18030.encode("第一条 国家秘密受法律保护。");
        let cut = &bytes[..bytes.len() - 1];
        match decode(cut, None) {
            Err(DecodeError::Malformed { encoding, offset }) => {
                assert_eq!(encoding, "GB18030");
                assert_eq!(offset, cut.len() - 1);
            }
            other => panic!("expected a malformed error, got {other:?}"),
        }
    }

    #[test]
    fn utf8_that_breaks_after_valid_text_names_utf8_and_the_offset() {
        let text = "第一条 国家秘密受法律保护。第二条 本法自公布之日起施行。";
        // Cut inside the last character, as a truncated download is.
        let cut = &text.as_bytes()[..text.len() - 1];
        let last = text.len() - "。".len();
        assert_eq!(
            decode(cut, None),
            Err(DecodeError::Malformed {
                encoding: "UTF-8",
                offset: last
            })
        );
        // One corrupt byte in the middle.
        let mut bytes = text.as_bytes().to_vec();
        let at = text.find("第二条").unwrap();
        bytes[at] = 0xFF;
        assert_eq!(
            decode(&bytes, None),
            Err(DecodeError::Malformed {
                encoding: "UTF-8",
                offset: at
            })
        );
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert_eq!(decode(b"", None), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t ", None), Err(DecodeError::Blank));
        assert!(matches!(
            decode(b"PK\x03\x04\x00\x00binary", None),
            Err(DecodeError::Binary(_))
        ));
    }

    #[test]
    fn control_bytes_are_counted_across_blocks_and_text_controls_are_not() {
        // 600 bytes: more than two blocks of 255, controls in each and on a block boundary.
        let mut bytes = b"\t\n\r\x0c".repeat(150);
        for i in [0, 254, 255, 256, 510, 599] {
            bytes[i] = 0x1b;
        }
        assert_eq!(count_controls(&bytes), 6);
        assert_eq!(
            count_controls(&[0x1f; 1000]),
            1000,
            "a block's count must not overflow"
        );
        // Few controls in much text is a real export; many is binary.
        assert_eq!(binary_reason(&bytes), None);
        assert_eq!(
            binary_reason(&[b'a', 0x01].repeat(10)).as_deref(),
            Some("10 control characters")
        );
    }

    #[test]
    fn forced_label_is_used_and_unknown_label_refused() {
        let (bytes, _, _) = GB18030.encode("法条");
        assert_eq!(decode(&bytes, Some("gbk")).unwrap().text, "法条");
        assert!(matches!(
            decode(b"x", Some("klingon")),
            Err(DecodeError::UnknownLabel(_))
        ));
        // Forcing UTF-8 on GB18030 bytes is an error, not garbage.
        assert!(matches!(
            decode(&bytes, Some("utf-8")),
            Err(DecodeError::Malformed { .. })
        ));
    }
}
