//! Bytes to text: which encoding a file is in, decided here for every
//! build; the decoding itself in Rust for UTF-8 and UTF-16, and through a
//! [`LegacyDecoder`] for GBK/GB18030, so that no encoding tables enter the
//! wasm core (the browser has them).

use serde::Serialize;

use super::{ProblemKind, MAX_BYTES};

/// The encodings a reader's file is read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    /// GB18030, of which GBK (Excel's CSV on Chinese Windows) is a part.
    Gb18030,
}

/// Decodes GB18030 with tables from outside the core: `None` when the bytes
/// are not valid GB18030.
pub trait LegacyDecoder {
    fn gb18030(&self, bytes: &[u8]) -> Option<String>;
}

/// The native decoder, with `encoding_rs`.
#[cfg(not(target_arch = "wasm32"))]
pub struct NativeDecoder;

#[cfg(not(target_arch = "wasm32"))]
impl LegacyDecoder for NativeDecoder {
    fn gb18030(&self, bytes: &[u8]) -> Option<String> {
        encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes).map(|s| s.into_owned())
    }
}

/// Text and the encoding it was read in.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub text: String,
    pub encoding: Encoding,
}

/// The start of an xlsx/ods (a zip archive) or of an old xls (OLE2).
const WORKBOOKS: [&[u8]; 2] = [b"PK\x03\x04", &[0xD0, 0xCF, 0x11, 0xE0]];

/// Decodes a file's bytes.
pub fn decode(bytes: &[u8], legacy: &dyn LegacyDecoder) -> Result<Decoded, ProblemKind> {
    if bytes.len() > MAX_BYTES {
        return Err(ProblemKind::TooLarge { bytes: bytes.len(), max: MAX_BYTES });
    }
    if WORKBOOKS.iter().any(|w| bytes.starts_with(w)) {
        return Err(ProblemKind::Workbook);
    }
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        (std::str::from_utf8(rest).map_err(|_| ProblemKind::NotText)?.to_string(), Encoding::Utf8)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        (utf16(rest, u16::from_le_bytes).ok_or(ProblemKind::BadUtf16)?, Encoding::Utf16Le)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        (utf16(rest, u16::from_be_bytes).ok_or(ProblemKind::BadUtf16)?, Encoding::Utf16Be)
    } else if let Some(le) = utf16_without_bom(bytes) {
        let read = if le { utf16(bytes, u16::from_le_bytes) } else { utf16(bytes, u16::from_be_bytes) };
        (read.ok_or(ProblemKind::BadUtf16)?, if le { Encoding::Utf16Le } else { Encoding::Utf16Be })
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        (s.to_string(), Encoding::Utf8)
    } else {
        (legacy.gb18030(bytes).ok_or(ProblemKind::NotText)?, Encoding::Gb18030)
    };
    // A NUL is no part of a text table: a binary file that happens to decode.
    if text.contains('\0') {
        return Err(ProblemKind::NotText);
    }
    Ok(Decoded { text, encoding })
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Option<String> {
    if bytes.len() % 2 != 0 {
        return None;
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units).collect::<Result<String, _>>().ok()
}

/// UTF-16 without a byte-order mark, told by its zero bytes: text in ASCII
/// (digits, commas, Latin headers) has a zero in every other byte. `Some(true)`
/// for little-endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    let pairs = head.len() / 2;
    if pairs < 8 || bytes.len() % 2 != 0 {
        return None;
    }
    let zeros = |parity: usize| head.iter().skip(parity).step_by(2).filter(|b| **b == 0).count();
    let (even, odd) = (zeros(0), zeros(1));
    if odd * 10 >= pairs * 4 && even * 20 < pairs {
        Some(true)
    } else if even * 10 >= pairs * 4 && odd * 20 < pairs {
        Some(false)
    } else {
        None
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> Result<Decoded, ProblemKind> {
        decode(bytes, &NativeDecoder)
    }

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        out.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        out
    }

    #[test]
    fn tells_every_encoding_spreadsheets_write() {
        let text = "年龄,女,男\n0-4,1,2\n";
        assert_eq!(read(text.as_bytes()).unwrap(), Decoded { text: text.into(), encoding: Encoding::Utf8 });
        let bom = [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat();
        assert_eq!(read(&bom).unwrap().text, text);
        assert_eq!(read(&utf16le(text, true)).unwrap(), Decoded { text: text.into(), encoding: Encoding::Utf16Le });
        assert_eq!(read(&utf16le(text, false)).unwrap().encoding, Encoding::Utf16Le);
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(read(&be).unwrap(), Decoded { text: text.into(), encoding: Encoding::Utf16Be });
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        assert_eq!(read(&gbk).unwrap(), Decoded { text: text.into(), encoding: Encoding::Gb18030 });
    }

    #[test]
    fn refuses_what_is_not_text() {
        assert_eq!(read(b"PK\x03\x04\x14\x00rest"), Err(ProblemKind::Workbook));
        assert_eq!(read(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1]), Err(ProblemKind::Workbook));
        assert_eq!(read(&[0xFF, 0xFE, 0x00]), Err(ProblemKind::BadUtf16));
        assert_eq!(read(&[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]), Err(ProblemKind::BadUtf16), "a lone surrogate");
        assert_eq!(read(b"a,b\0c"), Err(ProblemKind::NotText));
        assert_eq!(read(&[0x81, 0x20, 0xFF, 0xFF]), Err(ProblemKind::NotText), "not GB18030 either");
        assert!(matches!(read(&vec![b'a'; MAX_BYTES + 1]), Err(ProblemKind::TooLarge { .. })));
    }
}
