//! A reader's population table (the explorer's upload): any bytes give a
//! table or problems by line, never a panic; an accepted table has 101 ages
//! a sex, none negative.
#![no_main]
use libfuzzer_sys::fuzz_target;
use liangshan_pop::projection::upload::read_population;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match read_population(&text) {
        Ok((f, m)) => {
            assert_eq!((f.len(), m.len()), (101, 101));
            assert!(f.iter().chain(&m).all(|v| v.is_finite() && *v >= 0.0));
        }
        Err(problems) => assert!(!problems.is_empty()),
    }
});
