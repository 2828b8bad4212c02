//! The command line, as CI and other people's scripts use it.

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_liangshan-pop")).args(args).output().expect("run liangshan-pop");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

#[test]
fn audit_json_lists_every_check_with_a_verdict() {
    let (code, out, _) = run(&["audit", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let checks = v.as_array().unwrap();
    assert!(checks.len() >= 100);
    for c in checks {
        assert!(c["id"].is_string() && c["claim"].is_string(), "{c}");
        assert!(c["published"].is_number() && c["recomputed"].is_number(), "{c}");
        assert!(matches!(c["verdict"].as_str(), Some("agrees" | "disagrees")), "{c}");
    }
    let yuexi = checks.iter().find(|c| c["id"] == "t3.change.yuexi").unwrap();
    assert_eq!(yuexi["verdict"], "disagrees");
    assert_eq!(yuexi["published"], 0.31);
}

#[test]
fn audit_table_reads_in_english() {
    let (code, out, _) = run(&["audit", "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(out.contains("t3.change.yuexi"));
    assert!(out.contains("checks:") && out.contains("disagree"));
    assert!(out.contains("Observations"));
}

#[test]
fn render_prints_svg() {
    let (code, out, _) = run(&["render", "county-population", "--width", "400", "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("<svg") && out.trim_end().ends_with("</svg>"));
}

#[test]
fn bad_input_gets_a_message_not_a_panic() {
    let (code, _, err) = run(&["render", "nope"]);
    assert_eq!(code, 1);
    assert!(err.contains("chart"), "{err}");
    let (code, _, err) = run(&["audit", "--lang", "fr"]);
    assert_eq!(code, 2);
    assert!(err.contains("lang"), "{err}");
    let (code, _, err) = run(&["render", "county-population", "--width", "wide"]);
    assert_eq!(code, 2);
    assert!(err.contains("--width"), "{err}");
    let (code, _, err) = run(&["render", "county-population", "--width", "NaN"]);
    assert_eq!(code, 1);
    assert!(err.contains("宽") || err.contains("width"), "{err}");
    let (code, _, err) = run(&["frobnicate"]);
    assert_eq!(code, 2);
    assert!(err.contains("usage"));
    let (code, _, _) = run(&[]);
    assert_eq!(code, 2);
}

#[test]
fn classify_names_every_county() {
    let (code, out, _) = run(&["classify", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 17);
}
