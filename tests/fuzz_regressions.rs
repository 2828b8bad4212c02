//! Inputs the fuzzers found that once broke a parser (fuzz/artifacts/…),
//! kept as tests so that they stay fixed.

use liangshan_pop::upload::table::read;

#[test]
fn a_reversed_or_overflowing_age_range_is_a_problem_not_a_panic() {
    // fuzz/artifacts/population_csv/crash-fdd895c8…: "85-4" once subtracted 85 from 4.
    let found = b"\xe5\xb9\xb4\xe9\xbe\x84,\xe5\xa5\xb3,\xe7\x94\xb7\n0\xb4\xe9\xbe\x84,\xe5\xa5\xb3,\xe7\x94\xb7\n0-4,1,2\n5-9,\"3\",4\n85-4,1,2\n5-9,\"3\",4\n85\xe5\x8f\x8a\xe4\xbb\xa5\xe4\xb8\x8a,5,6\n";
    let problems = read(&String::from_utf8_lossy(found)).unwrap_err();
    assert!(!problems.is_empty());
    for text in
        ["age,female,male\n85-4,1,2\n", "age,female,male\n0-18446744073709551615,1,2\n", "age,female,male\n18446744073709551615+,1,2\n"]
    {
        assert!(read(text).is_err(), "{text}");
    }
}
