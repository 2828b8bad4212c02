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
    // A bad value of an argument is a usage error, said at the edge (exit 2).
    let (code, _, err) = run(&["render", "nope"]);
    assert_eq!(code, 2);
    assert!(err.contains("not a chart: nope"), "{err}");
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
    assert!(err.contains("unrecognized subcommand 'frobnicate'") && err.contains("Usage"), "{err}");
    let (code, _, _) = run(&[]);
    assert_eq!(code, 2);
    // An unknown flag is an error naming it; every command has its own help.
    let (code, _, err) = run(&["audit", "--frobnicate"]);
    assert_eq!(code, 2);
    assert!(err.contains("unexpected argument '--frobnicate'"), "{err}");
    let (code, _, err) = run(&["base", "--region", "xide"]);
    assert_eq!(code, 2, "base takes no region");
    assert!(err.contains("'--region'"), "{err}");
    for cmd in ["audit", "classify", "render", "project", "base", "scenario", "targets", "simulate", "bench", "prerender"] {
        let (code, out, _) = run(&[cmd, "--help"]);
        assert_eq!(code, 0, "{cmd}");
        assert!(out.contains(&format!("Usage: liangshan-pop {cmd}")), "{cmd}: {out}");
    }
}

#[test]
fn classify_names_every_county() {
    let (code, out, _) = run(&["classify", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 17);
}

#[test]
fn a_population_table_replaces_the_estimate_and_bad_ones_are_refused() {
    let dir = std::env::temp_dir();
    let good = dir.join(format!("liangshan-pop-{}.csv", std::process::id()));
    let mut csv = String::from("age,female,male\n");
    for g in 0..17 {
        csv.push_str(&format!("{}-{},{},{}\n", g * 5, g * 5 + 4, 180_000 - g * 8000, 190_000 - g * 8500));
    }
    csv.push_str("85+,12000,7000\n");
    std::fs::write(&good, csv).unwrap();
    let (code, out, _) = run(&["scenario", "--population", good.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(out.contains("from the population table given") && !out.contains("ESTIMATE"));
    let bad = dir.join(format!("liangshan-bad-{}.csv", std::process::id()));
    std::fs::write(&bad, "age,female,male\n0-4,1,x\nfoo,1,1\n").unwrap();
    let (code, _, err) = run(&["scenario", "--population", bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("第2行") && err.contains("第3行"), "{err}");
    std::fs::remove_file(good).unwrap();
    std::fs::remove_file(bad).unwrap();
}

#[test]
fn the_projection_commands_run() {
    for args in [&["base"][..], &["scenario", "low", "--lang", "en"], &["targets"], &["scenario", "--region", "yuexi", "--json"]] {
        let (code, out, err) = run(args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(!out.is_empty());
    }
    let (code, out, _) = run(&["simulate", "--trajectories", "30", "--seed", "5", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["trajectories"], 30);
    let (code, _, err) = run(&["simulate", "--trajectories", "0"]);
    assert_eq!(code, 1);
    assert!(err.contains("trajectories"));
    let (code, _, err) = run(&["scenario", "utopia"]);
    assert_eq!(code, 2);
    assert!(err.contains("not a scenario"), "{err}");
}

#[test]
fn input_is_read_up_to_a_stated_size_and_an_endless_pipe_is_refused() {
    // A file that never ends.
    let (code, _, err) = run(&["project", "--input", "/dev/zero"]);
    assert_eq!(code, 2);
    assert!(err.contains("larger than 67108864 bytes"), "{err}");
    // Standard input that never ends: the command stops reading and says so.
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_liangshan-pop"))
        .arg("project")
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let chunk = vec![b' '; 1 << 16];
        while stdin.write_all(&chunk).is_ok() {}
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("standard input is larger than"));
    // A population file is bounded as the page's uploads are.
    let (code, _, err) = run(&["scenario", "--population", "/dev/zero"]);
    assert_eq!(code, 1);
    assert!(err.contains("1000000"), "{err}");
}

#[test]
fn a_spec_whose_numbers_overflow_is_an_error_naming_the_field() {
    let dir = std::env::temp_dir();
    let spec = |name: &str, json: String| {
        let path = dir.join(format!("liangshan-spec-{name}-{}.json", std::process::id()));
        std::fs::write(&path, json).unwrap();
        let r = run(&["project", "--input", path.to_str().unwrap()]);
        std::fs::remove_file(path).unwrap();
        r
    };
    let base = |pop: &str, asfr: &str, steps: u32| {
        format!(
            r#"{{"base_year": 2000, "step": 5, "steps": {steps}, "radix": 100000,
               "female": {{"population": {pop}, "nLx": [499000, 498000, 497000, 400000]}},
               "asfr": {asfr}, "srb": 1.05}}"#
        )
    };
    // Too many persons in a group: refused up front, with the field.
    let (code, out, err) = spec("huge", base("[1e308, 1e308, 1, 1]", "[0, 0.1, 0.1, 0]", 3));
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(err.contains("female.population[0]") && err.contains("at most"), "{err}");
    // Valid inputs that grow past what a number holds: an error, not null.
    let (code, out, err) = spec("growth", base("[1e12, 1e12, 1e12, 1e12]", "[0, 1, 1, 0]", 1000));
    assert_eq!(code, 1, "{out}");
    assert!(!out.contains("null"));
    assert!(err.contains("overflows in step") && err.contains("female["), "{err}");
}

#[test]
fn services_print_every_region_year_and_indicator_and_the_counties_add_up() {
    let (code, out, err) = run(&["services", "--json", "--trajectories", "20"]);
    assert_eq!(code, 0, "{err}");
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    let ids = [
        "age_0_2",
        "age_3_5",
        "age_6_11",
        "age_12_14",
        "age_15_17",
        "age_18_22",
        "women_15_49",
        "age_15_59",
        "age_15_64",
        "age_60_plus",
        "age_65_plus",
        "age_80_plus",
        "childcare_places_4_5",
    ];
    assert_eq!(rows.len(), 18 * 31 * ids.len());
    let value = |region: &str, year: u64, id: &str, field: &str| {
        rows.iter().find(|r| r["region"] == region && r["year"] == year && r["indicator"] == id).unwrap()[field].as_f64().unwrap()
    };
    for id in ids {
        for year in [2020, 2030, 2050] {
            let counties: f64 = rows
                .iter()
                .filter(|r| r["region"] != "liangshan" && r["year"] == year && r["indicator"] == id)
                .map(|r| r["value"].as_f64().unwrap())
                .sum();
            let whole = value("liangshan", year, id, "value");
            assert!((counties / whole - 1.0).abs() < 1e-12, "{id} {year}: {counties} vs {whole}");
            let (lo95, lo80, hi80, hi95) = (
                value("xide", year, id, "lo95"),
                value("xide", year, id, "lo80"),
                value("xide", year, id, "hi80"),
                value("xide", year, id, "hi95"),
            );
            assert!(lo95 <= lo80 && lo80 <= hi80 && hi80 <= hi95, "{id} {year}");
        }
    }
    // The norm: 4.5 places per 1,000 residents.
    let women = value("xichang", 2030, "women_15_49", "value");
    assert!(women > 0.0 && women < value("xichang", 2030, "age_15_59", "value"));
    let places = value("xichang", 2030, "childcare_places_4_5", "value");
    let pop: f64 = ["age_0_2", "age_3_5", "age_6_11", "age_12_14", "age_15_64", "age_65_plus"]
        .iter()
        .map(|id| value("xichang", 2030, id, "value"))
        .sum();
    assert!((places - pop * 0.0045).abs() < 1e-6, "{places} vs {pop}");
}

#[test]
fn services_for_the_regions_asked_as_csv_without_intervals() {
    let (code, out, _) = run(&["services", "low", "--region", "zhaojue", "--region", "liangshan", "--csv", "--trajectories", "0"]);
    assert_eq!(code, 0);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("region,year,indicator,value,lo80,hi80,lo95,hi95"));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), 2 * 31 * 13);
    assert!(rows.iter().all(|r| r.len() == 8 && r[4..].iter().all(|c| c.is_empty())));
    assert_eq!(rows[0][..3], ["zhaojue", "2020", "age_0_2"]);
    assert_eq!(rows[31 * 13][0], "liangshan");
    // A region that is not one, and two formats at once: usage errors.
    let (code, _, err) = run(&["services", "--region", "nowhere"]);
    assert_eq!(code, 2);
    assert!(err.contains("not a region"), "{err}");
    assert_eq!(run(&["services", "--csv", "--json"]).0, 2);
}

#[test]
fn a_reader_who_stops_reading_is_not_an_error() {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_liangshan-pop"))
        .args(["services", "--trajectories", "0"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The pipe is closed once the first bytes are read.
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn the_prefecture_projects_to_2100_and_counties_stop_at_2050() {
    let (code, out, err) = run(&["scenario", "--horizon", "2100", "--json"]);
    assert_eq!(code, 0, "{err}");
    let years: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(years.len(), 81);
    assert_eq!(years[80]["year"], 2100);
    // The same path as the default run to 2050, continued after it: the TFR at
    // its 2050 value, life expectancy gaining as after 2030.
    let (_, to_2050, _) = run(&["scenario", "--json"]);
    let to_2050: Vec<serde_json::Value> = serde_json::from_str(&to_2050).unwrap();
    assert_eq!(years[30]["population"], to_2050[30]["population"]);
    assert_eq!(years[80]["tfr"], years[30]["tfr"]);
    let e0 = |y: &serde_json::Value| y["e0_female"].as_f64().unwrap();
    assert!((e0(&years[80]) - e0(&years[30]) - 50.0 * 0.15).abs() < 1e-9);
    let (code, out, _) = run(&["simulate", "--horizon", "2100", "--trajectories", "20", "--json"]);
    assert_eq!(code, 0);
    let sim: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(sim["fans"][0]["years"].as_array().unwrap().last().unwrap(), 2100);
    // Counties: a clear refusal in the reader's language, not an emptied county.
    let (code, out, err) = run(&["scenario", "--horizon", "2060", "--region", "xide"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("2050") && err.contains("县"), "{err}");
    let (code, _, err) = run(&["services", "--horizon", "2051", "--lang", "en"]);
    assert_eq!(code, 2);
    assert!(err.contains("counties are projected to 2050"), "{err}");
    assert_eq!(run(&["scenario", "--horizon", "2101"]).0, 2);
}

fn run_with(args: &[&str], input: &[u8]) -> (i32, String, String) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_liangshan-pop"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    let out = child.wait_with_output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

/// United Nations (1982), Model Life Tables for Developing Countries, p. 34:
/// the first Latin American model table for males, rates as printed.
const UN_1982: &str = "age,nMx\n0,.23669\n1,.04672\n5,.00982\n10,.00511\n15,.00697\n20,.01036\n25,.01169\n30,.01332\n35,.01528\n\
40,.01757\n45,.02092\n50,.02517\n55,.03225\n60,.04241\n65,.06056\n70,.08574\n75,.11840\n80,.16226\n85+,.23745\n";

#[test]
fn life_table_prints_the_un_worked_example_with_its_separation_factors() {
    let (code, out, err) = run_with(&["life-table", "--ax", "un", "--sex", "male", "--lang", "en"], UN_1982.as_bytes());
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Life table (United Nations (1982; MortPak)"), "{out}");
    let rows: Vec<Vec<&str>> =
        out.lines().skip_while(|l| !l.trim_start().starts_with("age")).skip(1).map(|l| l.split_whitespace().collect()).collect();
    assert_eq!(rows.len(), 19);
    // The printed table's nax, all of them; its ex from 25 on (younger ages
    // differ by up to 0.003, from the rounding of the printed rates: the
    // core's tests bound that).
    let nax: Vec<&str> = rows.iter().map(|r| r[2]).collect();
    assert_eq!(
        nax,
        [
            "0.330", "1.352", "2.500", "2.500", "2.633", "2.586", "2.528", "2.528", "2.526", "2.529", "2.531", "2.538", "2.542", "2.543",
            "2.520", "2.461", "2.386", "2.295", "4.211"
        ]
    );
    let ex: Vec<&str> = rows[6..].iter().map(|r| r[8]).collect();
    assert_eq!(ex[..3], ["33.691", "30.568", "27.500"]);
    assert_eq!(ex[3..], ["24.485", "21.504", "18.599", "15.758", "13.080", "10.584", "8.466", "6.729", "5.312", "4.211"]);
    assert_eq!(rows[0][4], "100000");
    assert_eq!(rows[18][0], "85+");
    // JSON and CSV carry the same table unrounded.
    let (_, json, _) = run_with(&["life-table", "--ax", "un", "--sex", "male", "--json", "--radix", "1"], UN_1982.as_bytes());
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["separation"], "un");
    assert_eq!(v["radix"], 1.0);
    assert_eq!(v["rows"].as_array().unwrap().len(), 19);
    assert_eq!(v["rows"][18]["open"], true);
    assert!((v["rows"][18]["ex"].as_f64().unwrap() - 1.0 / 0.23745).abs() < 1e-12);
    let (_, csv, _) = run_with(&["life-table", "--ax", "un", "--sex", "male", "--csv"], UN_1982.as_bytes());
    assert!(csv.starts_with("age,nMx,nax,nqx,lx,ndx,nLx,Tx,ex\n0,0.23669,0.33,"), "{csv}");
    assert_eq!(csv.lines().count(), 20);
}

#[test]
fn life_table_reads_given_nax_single_years_and_the_files_spreadsheets_write() {
    // A file with its own nax is read with them, the open group's made 1/m.
    let given = "age,nMx,nax\n0,0.02,0.1\n1,0.002,1.6\n5,0.001,2.5\n10+,0.05,\n";
    let (code, json, err) = run_with(&["life-table", "--json"], given.as_bytes());
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["separation"], "given");
    assert_eq!(v["rows"][0]["nax"], 0.1);
    assert_eq!(v["rows"][3]["nax"], 20.0);
    // Single years with the engine's rules, in the encodings and separators
    // spreadsheets write: UTF-16 with semicolons, and GBK with a Chinese header.
    let single: String =
        std::iter::once("age;mx\n".to_string()).chain((0..=100).map(|a| format!("{a};{}\n", 0.0005 * 1.09f64.powi(a)))).collect();
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(single.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let (code, out, err) = run_with(&["life-table", "--sex", "female", "--csv"], &utf16);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 102);
    assert!(out.lines().nth(2).unwrap().starts_with("1,"));
    let (gbk, _, _) = encoding_rs::GBK.encode("年龄,死亡率\r\n0,0.03\r\n1,0.002\r\n2+,0.1\r\n");
    let (code, out, err) = run_with(&["life-table", "--sex", "male", "--csv"], &gbk);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 4);
    // PAS with an IMR: the table's q0 is the IMR.
    let (code, json, err) =
        run_with(&["life-table", "--ax", "pas", "--cd-region", "north", "--sex", "male", "--imr", "0.1", "--json"], UN_1982.as_bytes());
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!((v["rows"][0]["nqx"].as_f64().unwrap() - 0.1).abs() < 1e-12);
    assert_eq!(v["cdRegion"], "north");
}

#[test]
fn life_table_refuses_bad_files_by_line_in_the_readers_language() {
    let cases: [(&str, &[&str], &str, &str); 9] = [
        (
            "age,nMx,nax\n0,0.1,0.3\n1,0.01,4.5\n5,0.2,\n",
            &[],
            "第 3 行：nax 4.5 超出组距（0 至 4）",
            "line 3: nax 4.5 lies outside its group (0 to 4)",
        ),
        ("age,nMx\n0,0.1\n1,x\n5,0.2\n", &["--sex", "male"], "第 3 行", "line 3: \"x\" is not a non-negative death rate"),
        ("age,rate\n0,0.1\n", &["--sex", "male"], "nMx", "the header has no nMx column"),
        ("age,nMx\n0,0.1\n1,0.01\n7,0.2\n", &["--sex", "male"], "第 4 行", "line 4: the ages must be abridged"),
        ("age,nMx\n1,0.1\n2,0.2\n", &["--sex", "male"], "第 2 行", "line 2: the first group must start at age 0"),
        ("age,nMx\n0,0.1\n1+,0.01\n5,0.2\n", &["--sex", "male"], "第 3 行", "line 3: only the last group can be open"),
        ("age,nMx\n0,0.1\n1,0\n", &["--sex", "male"], "第 3 行", "line 3: the open group's rate must be above 0"),
        (UN_1982, &[], "--sex", "--sex female|male"),
        ("age,nMx\n0,0.1\n1,0.02\n2,0.2\n", &["--ax", "un", "--sex", "male"], "简略", "--ax un is for abridged tables"),
    ];
    for (file, flags, zh, en) in cases {
        for (lang, want) in [("zh", zh), ("en", en)] {
            let args: Vec<&str> = ["life-table", "--lang", lang].into_iter().chain(flags.iter().copied()).collect();
            let (code, out, err) = run_with(&args, file.as_bytes());
            assert_eq!(code, 2, "{file:?} {lang}: {out}");
            assert!(err.contains(want), "{file:?} {lang}: {err}");
            assert!(!err.contains("panicked"), "{err}");
        }
    }
    let (code, _, err) = run_with(&["life-table", "--sex", "male", "--imr", "0.1"], UN_1982.as_bytes());
    assert_eq!(code, 2);
    assert!(err.contains("--imr"), "{err}");
    let (code, _, err) = run(&["life-table", "--input", "/dev/zero"]);
    assert_eq!(code, 2);
    assert!(err.contains("larger than"), "{err}");
}

#[test]
fn hindcast_prints_every_published_aggregate_against_both_paths() {
    let (code, out, err) = run(&["hindcast", "--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Hindcast: the method from a 2010 base to 2020"), "{out}");
    for name in [
        "Population",
        "Share aged 0-14",
        "Share aged 10-14",
        "Share aged 15-64",
        "Share aged 55-59",
        "Share aged 60+",
        "Share aged 65+",
        "Sex ratio",
    ] {
        assert_eq!(out.lines().filter(|l| l.starts_with(name)).count(), 1, "{name}: {out}");
    }
    let (code, json, _) = run(&["hindcast", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 8);
    assert_eq!(rows[0]["aggregate"], "total");
    assert_eq!(rows[0]["published"], 4_858_359.0);
    assert_eq!(v["paths"][0]["components"], "then");
    assert_eq!(v["paths"][1]["components"], "census");
    assert_eq!(v["base"]["year"], 2010);
    assert_eq!(v["estimate"], true);
    let (_, zh, _) = run(&["hindcast"]);
    assert!(zh.starts_with("回溯检验"), "{zh}");
    let (code, svg, err) = run(&["render", "hindcast", "--lang", "en", "--width", "480"]);
    assert_eq!(code, 0, "{err}");
    assert!(svg.starts_with("<svg") && svg.contains("Hindcast"), "{}", &svg[..svg.len().min(200)]);
}

#[test]
fn simulate_decomposes_the_headline_intervals_between_base_and_rates() {
    let (code, out, err) = run(&["simulate", "--decompose", "--trajectories", "200", "--base-draws", "20"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("where the intervals come from: 200 trajectories"), "{out}");
    for h in ["population_2030", "share_60_plus_2030", "share_60_plus_2035", "year_15_59_passes_sichuan"] {
        assert_eq!(out.lines().filter(|l| l.starts_with(h)).count(), 1, "{h}: {out}");
    }
    let (code, json, _) = run(&["simulate", "--decompose", "--trajectories", "200", "--base-draws", "20", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let d = &v["decomposition"];
    assert_eq!(d["bases"], 20);
    assert_eq!(d["sichuan_15_59"], 62.19);
    assert_eq!(d["headlines"].as_array().unwrap().len(), 4);
    assert!(d["headlines"].as_array().unwrap().iter().all(|h| (0.0..=1.0).contains(&h["base_share"].as_f64().unwrap())));
    // Without the flag there is none; the fans start from the alternative
    // bases as the page's do, or from the estimate alone with 0.
    let (_, plain, _) = run(&["simulate", "--trajectories", "50", "--json"]);
    let plain: serde_json::Value = serde_json::from_str(&plain).unwrap();
    assert!(plain.get("decomposition").is_none());
    assert_eq!(plain["bases"], 200);
    let (_, alone, _) = run(&["simulate", "--trajectories", "50", "--base-draws", "0"]);
    assert!(alone.lines().next().unwrap().ends_with("each from the base itself"), "{alone}");
    let (code, _, err) = run(&["simulate", "--decompose", "--base-draws", "0"]);
    assert_eq!(code, 2, "{err}");
}
