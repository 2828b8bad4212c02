//! The projection contract: `liangshan-pop project` and the spec's rules.

use std::io::Write;
use std::process::{Command, Stdio};

use liangshan_pop::projection::{project, Spec};

mod common;

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

/// Preston, Heuveline & Guillot (2001), *Demography: Measuring and Modeling
/// Population Processes*, ch. 6, Boxes 6.1 and 6.2: the female population of
/// Sweden, 1993, projected to 1998 with net migration. Inputs and published
/// results as printed in the book (five-year groups, 85+ open).
mod preston_sweden_1993 {
    pub const POPULATION: [f64; 18] = [
        293395.0, 248369.0, 240012.0, 261346.0, 285209.0, 314388.0, 281290.0, 286923.0, 304108.0, 324946.0, 247613.0, 211351.0, 215140.0,
        221764.0, 223506.0, 183654.0, 141990.0, 112424.0,
    ];
    pub const NLX: [f64; 18] = [
        497487.0, 497138.0, 496901.0, 496531.0, 495902.0, 495168.0, 494213.0, 492760.0, 490447.0, 486613.0, 480665.0, 471786.0, 457852.0,
        436153.0, 402775.0, 350358.0, 271512.0, 291707.0,
    ];
    pub const ASFR: [f64; 18] =
        [0.0, 0.0, 0.0, 0.0120, 0.0908, 0.1499, 0.1125, 0.0441, 0.0074, 0.0003, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0];
    pub const NET_MIGRANTS: [f64; 18] = [
        6840.0, 4150.0, 3365.0, 5270.0, 9240.0, 8230.0, 5470.0, 3155.0, 1770.0, 1115.0, 1075.0, 845.0, 645.0, 530.0, 465.0, 300.0, 250.0,
        175.0,
    ];
    /// Births over 1993-1998 by mother's age (15-19 to 45-49).
    pub const BIRTHS_BY_AGE: [f64; 7] = [15244.0, 126688.0, 229354.0, 170057.0, 63203.0, 10971.0, 472.0];
    /// The projected female population of 1998.
    pub const POPULATION_1998: [f64; 18] = [
        302392.0, 298682.0, 252007.0, 244150.0, 268267.0, 293515.0, 320624.0, 284767.0, 288031.0, 303166.0, 322062.0, 243989.0, 205841.0,
        205516.0, 205270.0, 194771.0, 142565.0, 131966.0,
    ];
}

#[test]
fn reproduces_preston_heuveline_guillot_box_6_1_to_the_person() {
    use preston_sweden_1993 as s;
    let spec = serde_json::json!({
        "base_year": 1993, "step": 5, "steps": 1, "radix": 100000,
        "female": { "population": s::POPULATION, "nLx": s::NLX },
        "asfr": s::ASFR, "srb": 1.05,
        "net_migrants": { "female": s::NET_MIGRANTS }
    });
    let p = project(&Spec::from_json(&spec.to_string()).unwrap()).unwrap();
    let got: Vec<f64> = p.female[1].iter().map(|x| x.round()).collect();
    assert_eq!(got, s::POPULATION_1998.to_vec());
    let births: Vec<f64> = p.births[0].by_mother_age[3..10].iter().map(|x| x.round()).collect();
    assert_eq!(births, s::BIRTHS_BY_AGE.to_vec());
    // The book's total is the sum of its rounded parts; the unrounded total
    // is within a person of it.
    assert!((p.births[0].total - s::BIRTHS_BY_AGE.iter().sum::<f64>()).abs() < 1.0);
}

#[test]
fn numbers_cross_the_json_contract_exactly() {
    // Other tools must get back to the last bit what they sent and what the
    // engine computed: serde_json parses floats exactly (float_roundtrip).
    let tricky = [0.30000000000000004, 1.0000000000000002, 123456.78901234567, 9.999999999999999e-5];
    let spec = serde_json::json!({
        "base_year": 2020, "step": 5, "steps": 0, "radix": 100000,
        "female": { "population": tricky, "nLx": [490000, 480000, 470000, 900000] },
        "asfr": [0, 0.05, 0.05, 0], "srb": 1.05
    });
    let p = project(&Spec::from_json(&spec.to_string()).unwrap()).unwrap();
    assert_eq!(p.female[0], tricky.to_vec());
    let back: serde_json::Value = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
    let again: Vec<f64> = back["female"][0].as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect();
    assert_eq!(again, tricky.to_vec());
}

/// The page's fans for the plan's path (200 trajectories from seed 7), to
/// the last bit: the snapshot the browser suite checks its own against
/// (tests/web.rs), so that the same seed gives the same intervals natively
/// and in wasm. `UPDATE_SNAPSHOTS=1` rewrites it.
#[test]
fn the_seed_gives_the_snapshots_fans_to_the_last_bit() {
    let got = common::plan_fans_json();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/fans-plan-200-seed-7.json");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &got).unwrap();
    }
    assert!(got == std::fs::read_to_string(&path).unwrap(), "the fans differ from {} (UPDATE_SNAPSHOTS=1 if intended)", path.display());
}
