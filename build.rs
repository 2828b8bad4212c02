//! Turns the external tables the core embeds (`data/external/*.csv`, which
//! stay the source of truth) into Rust constants, so that nothing is parsed
//! when the page or the CLI starts and no CSV text travels in the wasm. A
//! table that does not read stops the build, naming its file and line.
//!
//! Numbers are written as the shortest literal that gives back the same f64
//! (`{:?}`), so a constant is the bit pattern the CSV's text parses to. The
//! Coale-Demeny West tables, most of the bytes, are written as millionths in
//! `u32` (every value has six decimals): `n as f64 / 1e6` is the correctly
//! rounded quotient of two exact numbers, the same f64 as parsing the text,
//! in a quarter of the compressed size of `f64` constants.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

// The crate's own reader, the one uploads go through.
#[allow(dead_code)]
#[path = "src/csv.rs"]
mod csv;

const DIR: &str = "data/external";

/// A table read from `data/external/<file>`: its header and records, each
/// with the line it starts on.
struct Table {
    file: &'static str,
    header: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
}

impl Table {
    fn read(file: &'static str, header: &[&str]) -> Table {
        let path = Path::new(DIR).join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let read = csv::records(&text, csv::Delimiter::Comma).unwrap_or_else(|e| panic!("{file}:{}: {:?}", e.line, e.problem));
        let mut records = read.into_iter().map(|r| (r.line, r.fields));
        let (_, head) = records.next().unwrap_or_else(|| panic!("{file}: empty"));
        if !header.is_empty() && head != header {
            panic!("{file}: header {head:?}, expected {header:?}");
        }
        let rows: Vec<_> = records.collect();
        for (line, r) in &rows {
            if r.len() != head.len() {
                panic!("{file}:{line}: {} fields, the header has {}", r.len(), head.len());
            }
        }
        Table { file, header: head, rows }
    }

    fn number(&self, line: usize, s: &str) -> f64 {
        if s == "Inf" {
            return f64::INFINITY;
        }
        s.trim().parse().unwrap_or_else(|_| panic!("{}:{line}: {s:?} is not a number", self.file))
    }

    fn integer<T: std::str::FromStr>(&self, line: usize, s: &str) -> T {
        s.trim().parse().unwrap_or_else(|_| panic!("{}:{line}: {s:?} is not a whole number", self.file))
    }

    /// A value with six decimals, in millionths.
    fn millionths(&self, line: usize, s: &str) -> u32 {
        let (whole, frac) = s.split_once('.').unwrap_or_else(|| panic!("{}:{line}: {s:?} has no decimals", self.file));
        if frac.len() != 6 || !frac.bytes().all(|b| b.is_ascii_digit()) {
            panic!("{}:{line}: {s:?} does not have six decimals", self.file);
        }
        let n: u32 = self.integer(line, &format!("{whole}{frac}"));
        assert_eq!(n as f64 / 1e6, self.number(line, s), "{}:{line}: {s}", self.file);
        n
    }
}

/// A Rust literal of `x` that gives back the same bits.
fn lit(x: f64) -> String {
    assert!(!x.is_nan(), "NaN in a table");
    if x.is_infinite() {
        (if x > 0.0 { "f64::INFINITY" } else { "f64::NEG_INFINITY" }).to_string()
    } else {
        format!("{x:?}")
    }
}

/// The census facts: `CENSUS_FACTS`, in file order.
fn census_facts(out: &mut String) {
    let t = Table::read("liangshan_sichuan_census_facts.csv", &["area", "year", "indicator", "value", "unit", "source"]);
    writeln!(out, "pub static CENSUS_FACTS: [CensusFact; {}] = [", t.rows.len()).unwrap();
    for (line, r) in &t.rows {
        let (indicator, source) = (&r[2], &r[5]);
        // Official bulletins are on the government's own hosts; the rest are reposts.
        let official = source.split('/').nth(2).is_some_and(|host| host.ends_with(".gov.cn"));
        writeln!(
            out,
            "    CensusFact {{ area: {:?}, year: {}, indicator: {:?}, value: {}, unit: {:?}, \
             source: Source::External {{ file: CENSUS_FACTS_FILE, url: {:?}, secondary: {} }}, derived: {} }},",
            r[0],
            t.integer::<u16>(*line, &r[1]),
            indicator,
            lit(t.number(*line, &r[3])),
            r[4],
            source,
            !official,
            indicator.ends_with("_derived") || source.starts_with("derived"),
        )
        .unwrap();
    }
    out.push_str("];\n");
}

/// UN WPP 2024 for China: `WPP_CHINA`, (indicator, variant, year, value).
fn wpp_china(out: &mut String) {
    let t = Table::read("wpp2024_china_annual_indicators.csv", &["indicator", "variant", "year", "value", "source_file"]);
    writeln!(out, "pub static WPP_CHINA: [(&str, &str, u16, f64); {}] = [", t.rows.len()).unwrap();
    for (line, r) in &t.rows {
        writeln!(out, "    ({:?}, {:?}, {}, {}),", r[0], r[1], t.integer::<u16>(*line, &r[2]), lit(t.number(*line, &r[3]))).unwrap();
    }
    out.push_str("];\n");
}

/// The counties' land areas: `COUNTY_AREAS`, in file order.
fn county_areas(out: &mut String) {
    let t = Table::read("liangshan_county_area_km2.csv", &["county_zh", "county_en", "area_km2", "source", "alternative_values"]);
    writeln!(out, "pub static COUNTY_AREAS: [CountyArea; {}] = [", t.rows.len()).unwrap();
    for (line, r) in &t.rows {
        writeln!(
            out,
            "    CountyArea {{ county_zh: {:?}, county_en: {:?}, area_km2: {}, \
             source: Source::External {{ file: COUNTY_AREA_FILE, url: {:?}, secondary: true }}, alternative_values: {:?} }},",
            r[0],
            r[1],
            lit(t.number(*line, &r[2])),
            r[3],
            r[4],
        )
        .unwrap();
    }
    out.push_str("];\n");
}

/// Booth's standard (`BOOTH`: exact age, Ys) and China's fertility pattern
/// (`WPP_ASFR_YEARS`, `WPP_ASFR_PERCENT[year][group]`).
fn fertility(out: &mut String) {
    let t = Table::read("booth_standard_relational_gompertz.csv", &[]);
    writeln!(out, "pub static BOOTH: [(u32, f64); {}] = [", t.rows.len()).unwrap();
    for (line, r) in &t.rows {
        writeln!(out, "    ({}, {}),", t.integer::<u32>(*line, &r[0]), lit(t.number(*line, &r[1]))).unwrap();
    }
    out.push_str("];\n");

    let t = Table::read("wpp2024_china_percentASFR_5yr.csv", &[]);
    let groups = ["10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49"];
    // The groups the model uses (the file goes on to 50-54).
    let rows = &t.rows[..groups.len()];
    let found: Vec<&str> = rows.iter().map(|(_, r)| r[0].as_str()).collect();
    assert_eq!(found, groups, "{}: the age groups", t.file);
    let years: Vec<u32> = t.header[1..].iter().map(|y| t.integer(1, y)).collect();
    writeln!(out, "pub static WPP_ASFR_YEARS: [u32; {}] = {years:?};", years.len()).unwrap();
    writeln!(out, "pub static WPP_ASFR_PERCENT: [[f64; 8]; {}] = [", years.len()).unwrap();
    for col in 1..t.header.len() {
        let v: Vec<String> = rows.iter().map(|(line, r)| lit(t.number(*line, &r[col]))).collect();
        writeln!(out, "    [{}],", v.join(", ")).unwrap();
    }
    out.push_str("];\n");
}

/// The West tables: `CD_WEST_AGES`, `CD_WEST_E0[sex][level]` and
/// `CD_WEST[sex][level][column][age]` (columns lx, nax, nLx, nmx), in
/// millionths; sexes F, M; levels 1-25.
fn cd_west(out: &mut String) {
    let t = Table::read("cd_west_model_life_tables.csv", &["sex", "level", "age", "nqx", "lx", "nax", "nLx", "nmx", "ex"]);
    const LEVELS: usize = 25;
    let ages: Vec<u32> = t.rows.iter().take_while(|(_, r)| r[0] == "F" && r[1] == "1").map(|(line, r)| t.integer(*line, &r[2])).collect();
    let n = ages.len();
    assert_eq!(t.rows.len(), 2 * LEVELS * n, "{}: expected 2 sexes x {LEVELS} levels x {n} ages", t.file);
    let mut e0 = [[0u32; LEVELS]; 2];
    let mut columns = vec![vec![vec![0u32; n]; 4]; 2 * LEVELS];
    for (i, (line, r)) in t.rows.iter().enumerate() {
        let (sex, level, age) = (i / (LEVELS * n), i / n % LEVELS, i % n);
        let want = (["F", "M"][sex], (level + 1).to_string(), ages[age].to_string());
        assert_eq!((r[0].as_str(), &r[1], &r[2]), (want.0, &want.1, &want.2), "{}:{line}: sex, level, age out of order", t.file);
        if age == 0 {
            e0[sex][level] = t.millionths(*line, &r[8]);
        }
        for (c, col) in [4, 5, 6, 7].into_iter().enumerate() {
            columns[sex * LEVELS + level][c][age] = t.millionths(*line, &r[col]);
        }
    }
    writeln!(out, "pub const CD_WEST_AGES: [f64; {n}] = {:?};", ages.iter().map(|&a| f64::from(a)).collect::<Vec<_>>()).unwrap();
    writeln!(out, "pub static CD_WEST_E0: [[u32; {LEVELS}]; 2] = {e0:?};").unwrap();
    writeln!(out, "pub static CD_WEST: [[[[u32; {n}]; 4]; {LEVELS}]; 2] = [").unwrap();
    for sex in 0..2 {
        out.push_str("    [\n");
        for level in 0..LEVELS {
            writeln!(out, "        {:?},", columns[sex * LEVELS + level]).unwrap();
        }
        out.push_str("    ],\n");
    }
    out.push_str("];\n");
}

/// Writes one generated file's constants.
type Writer = fn(&mut String);

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/csv.rs");
    let dir = env::var("OUT_DIR").expect("OUT_DIR");
    let outputs: [(&str, Writer); 3] = [
        ("external.rs", |o| {
            census_facts(o);
            wpp_china(o);
            county_areas(o);
        }),
        ("fertility.rs", fertility),
        ("cd_west.rs", cd_west),
    ];
    for (name, write) in outputs {
        let mut out = String::from("// Written by build.rs from data/external: do not edit.\n");
        write(&mut out);
        fs::write(Path::new(&dir).join(name), out).expect("write the embedded tables");
    }
}
