//! A reader's population table (the explorer's upload), from the bytes of
//! a file: any bytes give a table or problems, never a panic; an accepted
//! table has 101 ages a sex, none negative, and a finite total within the
//! plausible range of the region's published total.
#![no_main]
use libfuzzer_sys::fuzz_target;
use liangshan_pop::upload::{decode::NativeDecoder, plausible::FACTOR, read, Expectation};

fuzz_target!(|data: &[u8]| {
    let flat = [500.0; 101];
    let expect = Expectation { published_total: 101_000.0, female: &flat, male: &flat };
    match read(data, &NativeDecoder, &expect) {
        Ok(r) => {
            let (f, m) = (&r.table.female, &r.table.male);
            assert_eq!((f.len(), m.len()), (101, 101));
            assert!(f.iter().chain(m).all(|v| v.is_finite() && *v >= 0.0));
            let total = r.table.total();
            assert!(total.is_finite() && total >= expect.published_total / FACTOR && total <= expect.published_total * FACTOR);
        }
        Err(problems) => assert!(!problems.is_empty()),
    }
});
