//! The projection contract: `liangshan-pop project` and the spec's rules.

use std::io::Write;
use std::process::{Command, Stdio};

use liangshan_pop::projection::{project, Spec};

const BASE: &str = r#"{
  "base_year": 1993, "step": 5, "steps": 2, "radix": 100000,
  "female": { "population": [1000, 950, 900, 850], "nLx": [495000, 493000, 490000, 2000000] },
  "male":   { "population": [1050, 980, 910, 700], "nLx": [494000, 490000, 485000, 1500000] },
  "asfr": [0, 0.06, 0.04, 0], "srb": 1.05,
  "net_migrants": { "female": [5, -3, 0, 0], "male": [4, -2, 0, 0] }
}"#;

fn with(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value = serde_json::from_str(BASE).unwrap();
    edit(&mut v);
    v.to_string()
}

fn error_of(json: &str) -> String {
    Spec::from_json(json).and_then(|s| project(&s)).unwrap_err().to_string()
}

#[test]
fn a_valid_spec_projects_both_sexes_with_every_component() {
    let p = project(&Spec::from_json(BASE).unwrap()).unwrap();
    assert_eq!(p.years, vec![1993, 1998, 2003]);
    assert_eq!(p.female.len(), 3);
    assert_eq!(p.male.as_ref().unwrap().len(), 3);
    assert_eq!(p.births.len(), 2);
    let b = &p.births[0];
    assert!((b.female + b.male - b.total).abs() < 1e-9);
    assert!((b.male / b.female - 1.05).abs() < 1e-12);
    assert_eq!(b.by_mother_age.len(), 4);
    assert_eq!(p.net_migrants[0].female, 2.0);
}

#[test]
fn per_step_values_and_missing_optional_fields() {
    let json = with(|v| {
        v["male"] = serde_json::Value::Null;
        v.as_object_mut().unwrap().remove("male");
        v.as_object_mut().unwrap().remove("net_migrants");
        v["srb"] = serde_json::json!([1.05, 1.07]);
        v["asfr"] = serde_json::json!([[0, 0.06, 0.04, 0], [0, 0.05, 0.03, 0]]);
    });
    let p = project(&Spec::from_json(&json).unwrap()).unwrap();
    assert!(p.male.is_none());
    assert!((p.births[1].male / p.births[1].female - 1.07).abs() < 1e-12);
    let out = serde_json::to_value(&p).unwrap();
    assert!(out.get("male").is_none());
    assert!(out["deaths"][0].get("male").is_none());
}

#[test]
fn bad_specs_are_rejected_naming_the_field_and_index() {
    let cases: Vec<(String, &str)> = vec![
        (with(|v| v["female"]["population"][2] = serde_json::json!(-1)), "female.population[2]"),
        (with(|v| v["male"]["nLx"] = serde_json::json!([494000, 490000, 485000])), "male.nLx"),
        (with(|v| v["female"]["nLx"][0] = serde_json::json!(600000)), "female.nLx[0]"),
        (with(|v| v["female"]["nLx"][2] = serde_json::json!(494000)), "female.nLx[2]"),
        (with(|v| v["asfr"][0] = serde_json::json!(0.1)), "asfr[0]"),
        (with(|v| v["asfr"] = serde_json::json!([[0, 0.06, 0.04, 0]])), "asfr"),
        (with(|v| v["srb"] = serde_json::json!(-1)), "srb"),
        (with(|v| v["step"] = serde_json::json!(0)), "step"),
        (with(|v| v["steps"] = serde_json::json!(5000)), "steps"),
        (with(|v| v["radix"] = serde_json::json!(0)), "radix"),
        (with(|v| v["net_migrants"]["male"] = serde_json::json!([1, 2])), "net_migrants.male"),
        (with(|v| v.as_object_mut().unwrap().remove("asfr").map(|_| ()).unwrap_or(())), "asfr"),
        (with(|v| v["frobnicate"] = serde_json::json!(1)), "frobnicate"),
        ("[1, 2".to_string(), "(JSON)"),
    ];
    for (json, field) in cases {
        let e = error_of(&json);
        assert!(e.contains(field), "expected {field} in: {e}");
    }
}

fn cli(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_liangshan-pop"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

#[test]
fn the_command_reads_stdin_or_a_file_and_prints_json() {
    let (code, out, _) = cli(&["project"], BASE);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["years"], serde_json::json!([1993, 1998, 2003]));
    let dir = std::env::temp_dir().join(format!("liangshan-spec-{}", std::process::id()));
    std::fs::write(&dir, BASE).unwrap();
    let (code, out2, _) = cli(&["project", "--input", dir.to_str().unwrap()], "");
    std::fs::remove_file(&dir).unwrap();
    assert_eq!(code, 0);
    assert_eq!(out, out2);
    let (code, _, err) = cli(&["project"], "{}");
    assert_eq!(code, 1);
    assert!(err.contains("missing field"), "{err}");
    let (code, _, err) = cli(&["project", "--input", "/nonexistent/spec.json"], "");
    assert_eq!(code, 2);
    assert!(err.contains("cannot read"), "{err}");
}
