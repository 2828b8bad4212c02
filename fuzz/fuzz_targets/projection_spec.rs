//! The projection spec (`liangshan-pop project`, the JSON contract): any
//! bytes are read, validated and, when valid, projected, without a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use liangshan_pop::projection::{project, Spec};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(spec) = Spec::from_json(text) {
        // Valid specs are bounded (1,000 steps, 200 groups): projecting is too.
        if let Ok(p) = project(&spec) {
            assert_eq!(p.female.len(), spec.steps as usize + 1);
        }
    }
});
