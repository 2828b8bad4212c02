//! The upload's decoder: any bytes are either text in one of the encodings
//! read (UTF-8, UTF-16, GB18030) or a problem, never a panic; text has no
//! NUL, and UTF-8 input that is valid comes back unchanged.
#![no_main]
use libfuzzer_sys::fuzz_target;
use liangshan_pop::upload::decode::{decode, Encoding, NativeDecoder};

fuzz_target!(|data: &[u8]| {
    if let Ok(d) = decode(data, &NativeDecoder) {
        assert!(!d.text.contains('\0'));
        if d.encoding == Encoding::Utf8 && !data.starts_with(&[0xEF, 0xBB, 0xBF]) {
            assert_eq!(d.text.as_bytes(), data);
        }
    }
});
