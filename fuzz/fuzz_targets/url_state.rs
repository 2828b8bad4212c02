//! The page's state from a URL or an element's attributes: any query reads
//! to a valid state (with notices), which writes back to a query that reads
//! to the same state; a notice never quotes more than 40 characters of input.
#![no_main]
use libfuzzer_sys::fuzz_target;
use liangshan_pop::i18n::Lang;
use liangshan_pop::present::state::notice;
use liangshan_pop::state::{parse, to_query, Source};

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    let (state, notices) = parse(&query);
    let (again, more) = parse(&to_query(&state));
    assert_eq!(again, state);
    assert!(more.is_empty(), "{more:?}");
    for n in notices {
        assert!(n.found.chars().count() <= 40);
        for lang in [Lang::Zh, Lang::En] {
            assert!(notice(&n, Source::Url, lang).chars().count() < 400);
        }
    }
});
