//! The command line: the plan audit, charts and data, for people and CI.
//!
//! ```text
//! liangshan-pop audit [--json] [--lang zh|en]
//! liangshan-pop render CHART [--width PX] [--lang zh|en]
//! liangshan-pop classify [--json] [--lang zh|en]
//! ```

use std::process::ExitCode;

use liangshan_pop::charts::{self, Spec, Theme, CHART_IDS};
use liangshan_pop::i18n::{fixed, Lang};
use liangshan_pop::indicators::audit::{audit, observations, Verdict};
use liangshan_pop::indicators::classify_counties;
use liangshan_pop::indicators::derived::{derived_figures, describe};
use liangshan_pop::projection::{project, Spec as ProjectionSpec};
use liangshan_pop::Error;

const USAGE: &str = "usage:
  liangshan-pop audit [--json] [--lang zh|en]      recompute the plan's figures and compare
  liangshan-pop render CHART [--width PX] [--lang zh|en] [--theme light|dark] [--large]
                                                   print a chart as SVG
  liangshan-pop classify [--json] [--lang zh|en]   every county by the bands of Table 5's note
  liangshan-pop project [--input SPEC.json]        cohort-component projection of a spec (stdin without --input)
  liangshan-pop base [--json]                      the estimated 2020 base population and its fit
  liangshan-pop scenario [PRESET] [--region COUNTY] [--population FILE.csv] [--json]
                                                   project 2020-2050: plan, constant, low, high, zero-migration
  liangshan-pop targets [PRESET] [--json]          the plan's targets and forecasts against that projection
  liangshan-pop bench [--input SPECS.json]        time the engine; without --input, write the 18 regions' specs to stdout
  liangshan-pop simulate [PRESET] [--trajectories N] [--seed S] [--json]
                                                   probabilistic projection: medians, 80% and 95% intervals
  liangshan-pop prerender [--width W] [--out DIR] [--lang L --theme T --view FILE] FILE.html...
                                                   every chart in its default state (W px wide, 720
                                                   unless given) into the pages' <!--static:ID-->
                                                   blocks, and as DIR/ID.svg; the key figures too;
                                                   --view: the page's static view in L and T as JSON
charts: ";

struct Args {
    /// `--lang` was given (the projection speaks English unless asked).
    lang_set: bool,
    json: bool,
    input: Option<String>,
    out: Option<String>,
    /// `prerender --view FILE`: the page's static view in `--lang` and `--theme` as JSON.
    view: Option<String>,
    trajectories: usize,
    seed: u64,
    region: Option<String>,
    population: Option<String>,
    lang: Lang,
    width: f64,
    theme: Theme,
    large: bool,
    positional: Vec<String>,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut out = Args {
        lang_set: false,
        json: false,
        input: None,
        out: None,
        view: None,
        trajectories: 1000,
        seed: 20_240_919,
        region: None,
        population: None,
        lang: Lang::Zh,
        width: 720.0,
        theme: Theme::Light,
        large: false,
        positional: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => out.json = true,
            "--lang" => {
                let v = it.next().ok_or("--lang needs a value (zh or en)")?;
                out.lang = Lang::parse(v).map_err(|e| e.to_string())?;
                out.lang_set = true;
            }
            "--large" => out.large = true,
            "--population" => out.population = Some(it.next().ok_or("--population needs a CSV file (age,female,male)")?.clone()),
            "--region" => out.region = Some(it.next().ok_or("--region needs a county id (xichang, muli, ...)")?.clone()),
            "--trajectories" => {
                let v = it.next().ok_or("--trajectories needs a number")?;
                out.trajectories = v.parse().map_err(|_| format!("--trajectories: not a whole number: {v}"))?;
            }
            "--seed" => {
                let v = it.next().ok_or("--seed needs a number")?;
                out.seed = v.parse().map_err(|_| format!("--seed: not a whole number: {v}"))?;
            }
            "--input" => out.input = Some(it.next().ok_or("--input needs a file (or leave it out to read stdin)")?.clone()),
            "--out" => out.out = Some(it.next().ok_or("--out needs a directory")?.clone()),
            "--view" => out.view = Some(it.next().ok_or("--view needs a file")?.clone()),
            "--theme" => {
                let v = it.next().ok_or("--theme needs a value (light or dark)")?;
                out.theme = Theme::parse(v).map_err(|e| e.to_string())?;
            }
            "--width" => {
                let v = it.next().ok_or("--width needs a number of pixels")?;
                out.width = v.parse().map_err(|_| format!("--width: not a number: {v}"))?;
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            s => out.positional.push(s.to_string()),
        }
    }
    Ok(out)
}

fn run_audit(a: &Args) -> Result<String, Error> {
    let checks = audit(a.lang)?;
    if a.json {
        return Ok(serde_json::to_string_pretty(&checks).unwrap_or_default() + "\n");
    }
    let mut out = String::new();
    let (h_id, h_pub, h_rec, h_diff, h_v) = match a.lang {
        Lang::Zh => ("检查项", "公布值", "重算值", "差", "结论"),
        Lang::En => ("check", "published", "recomputed", "diff", "verdict"),
    };
    out.push_str(&format!("{h_id:<44} {h_pub:>12} {h_rec:>14} {h_diff:>10}  {h_v}\n"));
    for c in &checks {
        out.push_str(&format!(
            "{:<44} {:>12} {:>14} {:>10}  {}\n    {}\n",
            c.id,
            c.published_text,
            fixed(c.recomputed, 4, Lang::Zh),
            format!("{:+.4}", c.difference),
            c.verdict.label().get(a.lang),
            c.claim,
        ));
    }
    let bad = checks.iter().filter(|c| c.verdict == Verdict::Disagrees).count();
    out.push_str(&match a.lang {
        Lang::Zh => format!("\n共{}项检查：{}项一致，{}项不一致。\n", checks.len(), checks.len() - bad, bad),
        Lang::En => format!("\n{} checks: {} agree, {} disagree.\n", checks.len(), checks.len() - bad, bad),
    });
    out.push_str(match a.lang {
        Lang::Zh => "\n其他发现（非算术）：\n",
        Lang::En => "\nObservations (not arithmetic):\n",
    });
    for o in observations(a.lang) {
        out.push_str(&match a.lang {
            Lang::Zh => format!("  - {}（{}）\n", o.text, o.source),
            Lang::En => format!("  - {} ({})\n", o.text, o.source),
        });
    }
    out.push_str(match a.lang {
        Lang::Zh => "\n正文隐含但未直接公布的数字（推算）：\n",
        Lang::En => "\nFigures the text implies but does not print (derived):\n",
    });
    for d in derived_figures()? {
        out.push_str(&format!("  - {}\n", describe(&d, a.lang)));
    }
    Ok(out)
}

/// The spec from `--input FILE`, or from standard input: at most
/// [`MAX_SPEC_BYTES`], in UTF-8.
fn read_input(a: &Args) -> Result<String, String> {
    let bytes = match &a.input {
        Some(path) => read_bounded(std::fs::File::open(path).map_err(|e| format!("cannot read {path}: {e}"))?, MAX_SPEC_BYTES, path)?,
        None => read_bounded(std::io::stdin().lock(), MAX_SPEC_BYTES, "standard input")?,
    };
    String::from_utf8(bytes).map_err(|e| format!("the spec is not UTF-8 text (byte {})", e.utf8_error().valid_up_to()))
}

fn run_base(a: &Args) -> Result<String, Error> {
    let b = liangshan_pop::projection::base::estimate()?;
    if a.json {
        return Ok(serde_json::to_string_pretty(&b).unwrap_or_default() + "\n");
    }
    let mut out = format!(
        "ESTIMATE of the 2020 population by sex and single year of age (the census table is not public)\n\
         e0 women {:.2}, men {:.2}; births implied by those aged 0: {:.0}; TFR implied: {:.2}\n\n",
        b.e0_female, b.e0_male, b.births, b.tfr
    );
    out.push_str(&format!("{:<44} {:>14} {:>14} {:>10}  {}\n", "constraint", "published", "estimate", "tolerance", "met"));
    for f in &b.fit {
        out.push_str(&format!(
            "{:<44} {:>14.3} {:>14.3} {:>10.3}  {}\n",
            f.what.en,
            f.target,
            f.estimate,
            f.tolerance,
            if f.met { "yes" } else { "NO" }
        ));
    }
    Ok(out)
}

fn preset_of(a: &Args) -> Result<liangshan_pop::projection::scenario::Preset, Error> {
    use liangshan_pop::projection::scenario::Preset;
    let which = a.positional.first().map(String::as_str).unwrap_or("plan");
    let p = match which {
        "plan" => Preset::Plan,
        "constant" => Preset::Constant,
        "low" => Preset::Low,
        "high" => Preset::High,
        "zero-migration" => Preset::ZeroMigration,
        other => {
            return Err(liangshan_pop::ErrorKind::InvalidArgument {
                name: "scenario",
                value: other.chars().take(40).collect(),
                expected: "plan, constant, low, high, zero-migration",
            }
            .into())
        }
    };
    Ok(p)
}

fn run_scenario(a: &Args) -> Result<String, Error> {
    use liangshan_pop::projection::scenario::{estimate_migration, preset, run};
    let p = preset_of(a)?;
    let base = base_of(a)?;
    let mig = estimate_migration(&base)?;
    let assumptions = preset(p, &base, &mig);
    let (r, place) = match a.region.as_deref() {
        None | Some("liangshan") => (run(&base, &assumptions)?, liangshan_pop::i18n::Text::new("凉山州", "Liangshan")),
        Some(id) => {
            let i = liangshan_pop::data::counties::COUNTIES.iter().position(|c| c.id == id).ok_or_else(|| {
                Error::from(liangshan_pop::ErrorKind::InvalidArgument {
                    name: "region",
                    value: id.chars().take(40).collect(),
                    expected: "liangshan or a county id (xichang, muli, ...)",
                })
            })?;
            let counties = liangshan_pop::projection::counties::estimate_counties(&base)?;
            let (mut runs, _) = liangshan_pop::projection::counties::run_counties_exact(&base, &counties, &assumptions)?;
            (runs.swap_remove(i), liangshan_pop::data::counties::COUNTIES[i].name)
        }
    };
    if a.json {
        return Ok(serde_json::to_string_pretty(&r.years).unwrap_or_default() + "\n");
    }
    let mut out = format!("{}, {} ({})\n{:?}\n\n", place.get(a.lang), p.name().get(a.lang), origin(&base), r.assumptions);
    out.push_str("year  population   births   deaths  net mig   TFR  e0 F  e0 M  0-14%  15-59%  60+%  65+%  median\n");
    for y in &r.years {
        out.push_str(&format!(
            "{}  {:>10.0} {:>8.0} {:>8.0} {:>8.0}  {:.2} {:.1} {:.1}  {:>5.2}  {:>6.2} {:>5.2} {:>5.2}  {:>5.1}\n",
            y.year,
            y.population,
            y.births.unwrap_or(f64::NAN),
            y.deaths.unwrap_or(f64::NAN),
            y.net_migrants.unwrap_or(f64::NAN),
            y.tfr,
            y.e0_female,
            y.e0_male,
            y.share_0_14,
            y.share_15_59,
            y.share_60_plus,
            y.share_65_plus,
            y.median_age
        ));
    }
    Ok(out)
}

fn run_targets(a: &Args) -> Result<String, Error> {
    use liangshan_pop::projection::scenario::{estimate_migration, preset, run};
    use liangshan_pop::projection::targets::track;
    let p = preset_of(a)?;
    let base = base_of(a)?;
    let mig = estimate_migration(&base)?;
    let r = run(&base, &preset(p, &base, &mig))?;
    let tracked = track(&r, &liangshan_pop::projection::urbanisation::project(r.assumptions.horizon)?, a.lang)?;
    if a.json {
        return Ok(serde_json::to_string_pretty(&tracked).unwrap_or_default() + "\n");
    }
    let mut out = format!("{} ({})\n", p.name().get(a.lang), origin(&base));
    for t in &tracked {
        out.push_str(&format!(
            "{:<60} {} target {:>10}  projected {:>12.2}  {:?}  crossed {}  {}\n",
            t.claim,
            t.year,
            t.target,
            t.projected,
            t.status,
            t.crossed_in.map_or("-".to_string(), |y| y.to_string()),
            t.note
        ));
    }
    Ok(out)
}

fn run_simulate(a: &Args) -> Result<String, Error> {
    use liangshan_pop::projection::scenario::{estimate_migration, preset};
    use liangshan_pop::projection::stochastic::{simulate, DEFAULT_UNCERTAINTY};
    let p = preset_of(a)?;
    let base = base_of(a)?;
    let mig = estimate_migration(&base)?;
    let r = simulate(&base, &preset(p, &base, &mig), &DEFAULT_UNCERTAINTY, a.trajectories, a.seed)?;
    if a.json {
        return Ok(serde_json::to_string(&r).unwrap_or_default() + "\n");
    }
    let mut out = format!(
        "{} ({}), {} trajectories, seed {}\nP(5 million by 2030) = {:.2}; P(60+ above 20% in 2030) = {:.2}\n",
        p.name().get(a.lang),
        origin(&base),
        r.trajectories,
        r.seed,
        r.p_5_million_2030,
        r.p_60_plus_over_20_in_2030
    );
    for f in r.fans.iter().filter(|f| matches!(f.indicator.as_str(), "population" | "share_60_plus")) {
        out.push_str(&format!("\n{}: year, 2.5%, 10%, median, 90%, 97.5%\n", f.indicator));
        for (k, y) in f.years.iter().enumerate().filter(|(_, y)| *y % 5 == 0) {
            out.push_str(&format!(
                "{y} {:>12.2} {:>12.2} {:>12.2} {:>12.2} {:>12.2}\n",
                f.lo95[k], f.lo80[k], f.median[k], f.hi80[k], f.hi95[k]
            ));
        }
    }
    Ok(out)
}

/// Without `--input`: the plan's 2020-2050 inputs for the prefecture and
/// its 17 counties, as a JSON array of specs (for the other implementations).
/// With `--input`: projects those specs repeatedly and prints timings as JSON.
fn run_bench(a: &Args) -> Result<String, Error> {
    use liangshan_pop::projection::scenario::{estimate_migration, preset, Preset};
    use liangshan_pop::projection::stochastic::{simulate, DEFAULT_UNCERTAINTY};
    use std::time::Instant;
    let base = liangshan_pop::projection::base::estimate()?;
    let mig = estimate_migration(&base)?;
    let assumptions = preset(Preset::Plan, &base, &mig);
    let Some(path) = &a.input else {
        let counties = liangshan_pop::projection::counties::estimate_counties(&base)?;
        let specs = liangshan_pop::projection::counties::region_specs(&base, &counties, &assumptions)?;
        return Ok(serde_json::to_string(&specs).unwrap_or_default() + "\n");
    };
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::from(liangshan_pop::ErrorKind::Csv { file: path.clone(), line: 0, message: e.to_string() }))?;
    let specs: Vec<liangshan_pop::projection::Spec> = serde_json::from_str(&text)
        .map_err(|e| Error::from(liangshan_pop::ErrorKind::Spec { field: "(JSON)".into(), message: e.to_string() }))?;
    let mut times = Vec::new();
    let mut checksum = 0.0;
    for _ in 0..50 {
        let t = Instant::now();
        checksum = 0.0;
        for s in &specs {
            let p = project(s)?;
            checksum += p.female.last().map_or(0.0, |v| v.iter().sum::<f64>())
                + p.male.as_ref().and_then(|m| m.last()).map_or(0.0, |v| v.iter().sum::<f64>());
        }
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    let t = Instant::now();
    let sim = simulate(&base, &assumptions, &DEFAULT_UNCERTAINTY, 1000, 1)?;
    let sim_ms = t.elapsed().as_secs_f64() * 1000.0;
    Ok(serde_json::json!({
        "regions": specs.len(),
        "projection_ms_median": times[times.len() / 2],
        "projection_ms_min": times[0],
        "checksum_2050": checksum,
        "trajectories": sim.trajectories,
        "simulation_ms": sim_ms,
    })
    .to_string()
        + "\n")
}

/// The static fallback: charts into the pages, and as SVG files.
fn run_prerender(a: &Args) -> Result<String, Error> {
    use liangshan_pop::prerender::{default_charts, inline, static_view};
    let charts = default_charts(&liangshan_pop::charts::Spec::new(a.width, Lang::Zh))?;
    let io = |e: std::io::Error, path: &str| {
        Error::from(liangshan_pop::ErrorKind::InvalidArgument {
            name: "file",
            value: format!("{path}: {e}"),
            expected: "a readable and writable file",
        })
    };
    let mut report = String::new();
    for path in &a.positional {
        let html = std::fs::read_to_string(path).map_err(|e| io(e, path))?;
        let filled = inline(&html, &charts)?;
        if filled != html {
            std::fs::write(path, &filled).map_err(|e| io(e, path))?;
        }
        report.push_str(&format!("{path}: {} static blocks\n", filled.matches("<!--/static:").count()));
    }
    if let Some(dir) = &a.out {
        std::fs::create_dir_all(dir).map_err(|e| io(e, dir))?;
        for c in &charts {
            let path = format!("{dir}/{}.svg", c.id);
            if std::fs::read_to_string(&path).ok().as_deref() != Some(c.svg.as_str()) {
                std::fs::write(&path, &c.svg).map_err(|e| io(e, &path))?;
            }
        }
        report.push_str(&format!("{dir}: {} SVG files\n", charts.len()));
    }
    if let Some(path) = &a.view {
        let view = static_view(&liangshan_pop::charts::Spec { width: a.width, lang: a.lang, theme: a.theme, large: false })?;
        if std::fs::read_to_string(path).ok().as_deref() != Some(view.as_str()) {
            std::fs::write(path, &view).map_err(|e| io(e, path))?;
        }
        report.push_str(&format!("{path}: the static view in {}, {:?}\n", a.lang.code(), a.theme));
    }
    Ok(report)
}

/// A projection chart under the plan's path (with 200 trajectories for the fan).
fn render_projection(a: &Args) -> Result<String, Error> {
    use liangshan_pop::charts::projection::{render, View};
    use liangshan_pop::projection::scenario::{estimate_migration, preset, run, Preset};
    use liangshan_pop::projection::stochastic::{simulate, DEFAULT_UNCERTAINTY};
    let base = base_of(a)?;
    let mig = estimate_migration(&base)?;
    let assumptions = preset(Preset::Plan, &base, &mig);
    let r = run(&base, &assumptions)?;
    let sim = simulate(&base, &assumptions, &DEFAULT_UNCERTAINTY, 200, a.seed)?;
    let urban = liangshan_pop::projection::urbanisation::project(assumptions.horizon)?;
    let view = View {
        run: &r,
        fans: Some(&sim),
        year: 2035,
        place: liangshan_pop::i18n::Text::new("凉山州", "Liangshan"),
        urbanisation: Some(&urban),
    };
    let spec = Spec { width: a.width, lang: a.lang, theme: a.theme, large: a.large };
    render(a.positional.first().map(String::as_str).unwrap_or(""), &view, &spec).map(|c| c.svg)
}

/// Where the base population came from, for every heading.
fn origin(base: &liangshan_pop::projection::base::BasePopulation) -> &'static str {
    if base.estimate {
        "ESTIMATE: projected from an estimated base population"
    } else {
        "from the population table given"
    }
}

/// GB18030 natively through `encoding_rs`. (The command line runs natively;
/// `cargo test --target wasm32-unknown-unknown` compiles it too, where no
/// file is ever read.)
#[cfg(not(target_arch = "wasm32"))]
use liangshan_pop::upload::decode::NativeDecoder;
#[cfg(target_arch = "wasm32")]
struct NativeDecoder;
#[cfg(target_arch = "wasm32")]
impl liangshan_pop::upload::LegacyDecoder for NativeDecoder {
    fn gb18030(&self, _: &[u8]) -> Option<String> {
        None
    }
}

/// The most a projection spec may be, in bytes (`project --input`): the
/// eighteen regions' specs of the benchmark are about 4 MB.
const MAX_SPEC_BYTES: u64 = 64 << 20;

/// Reads at most `limit` bytes of `r`; more is an error, so that an endless
/// pipe (`--input /dev/zero`) stops at once instead of filling memory.
fn read_bounded(r: impl std::io::Read, limit: u64, what: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut r.take(limit + 1), &mut bytes).map_err(|e| format!("cannot read {what}: {e}"))?;
    if bytes.len() as u64 > limit {
        return Err(format!("{what} is larger than {limit} bytes; nothing was read"));
    }
    Ok(bytes)
}

/// The base population: the estimate, or the reader's own table
/// (`--population FILE.csv`), read and checked as the page reads an
/// upload, every problem reported by line.
fn base_of(a: &Args) -> Result<liangshan_pop::projection::base::BasePopulation, Error> {
    use liangshan_pop::present::upload as words;
    use liangshan_pop::upload::{Expectation, MAX_BYTES};
    let estimate = liangshan_pop::projection::base::estimate()?;
    let Some(path) = &a.population else { return Ok(estimate) };
    let fail = |message: String| Error::from(liangshan_pop::ErrorKind::Csv { file: path.clone(), line: 0, message });
    let file = std::fs::File::open(path).map_err(|e| fail(e.to_string()))?;
    let bytes = read_bounded(file, MAX_BYTES as u64, path).map_err(fail)?;
    let region = liangshan_pop::i18n::Text::new("凉山州", "Liangshan");
    let expect = Expectation {
        published_total: liangshan_pop::explorer::published_total("liangshan")?,
        female: &estimate.female,
        male: &estimate.male,
    };
    match liangshan_pop::upload::read(&bytes, &NativeDecoder, &expect) {
        Ok(r) => {
            for n in &r.notes {
                eprintln!("liangshan-pop: {path}: {}", words::note(n, region, a.lang));
            }
            Ok(liangshan_pop::projection::upload::replace_base(&estimate, r.table.female, r.table.male))
        }
        Err(problems) => Err(fail(problems.iter().map(|p| words::problem(p, region, a.lang)).collect::<Vec<_>>().join("\n"))),
    }
}

fn run_classify(a: &Args) -> String {
    let rows = classify_counties();
    if a.json {
        return serde_json::to_string_pretty(&rows).unwrap_or_default() + "\n";
    }
    rows.iter()
        .map(|c| {
            format!(
                "{:<32} {:>6}‰ {:<22} {:>6}% {}\n",
                c.name.get(a.lang),
                c.cbr_2020,
                c.birth_rate_band.name.get(a.lang),
                c.share_60plus_2020,
                c.ageing_band.name.get(a.lang)
            )
        })
        .collect()
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let Some((cmd, rest)) = argv.split_first() else {
        eprintln!("{USAGE}{}", CHART_IDS.join(", "));
        return ExitCode::from(2);
    };
    let args = match parse_args(rest) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("liangshan-pop: {e}\n{USAGE}{}", CHART_IDS.join(", "));
            return ExitCode::from(2);
        }
    };
    let result = match cmd.as_str() {
        "audit" => run_audit(&args),
        "classify" => Ok(run_classify(&args)),
        "base" => run_base(&args),
        "scenario" => run_scenario(&args),
        "targets" => run_targets(&args),
        "simulate" => run_simulate(&args),
        "bench" => run_bench(&args),
        "prerender" => run_prerender(&args),
        "project" => {
            // The projection contract is for engineers: English unless asked.
            let lang = if args.lang_set { args.lang } else { Lang::En };
            let text = match read_input(&args) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("liangshan-pop: {e}");
                    return ExitCode::from(2);
                }
            };
            let result = ProjectionSpec::from_json(&text).and_then(|spec| project(&spec));
            return finish(result.map(|p| serde_json::to_string(&p).unwrap_or_default() + "\n"), lang);
        }
        "render" if args.positional.first().is_some_and(|id| liangshan_pop::charts::projection::IDS.contains(&id.as_str())) => {
            render_projection(&args)
        }
        "render" => match args.positional.first() {
            Some(id) => {
                let spec = Spec { width: args.width, lang: args.lang, theme: args.theme, large: args.large };
                charts::render(id, &spec).map(|c| c.svg)
            }
            None => {
                eprintln!("liangshan-pop: render needs a chart id: {}", CHART_IDS.join(", "));
                return ExitCode::from(2);
            }
        },
        "help" | "--help" | "-h" => {
            println!("{USAGE}{}", CHART_IDS.join(", "));
            return ExitCode::SUCCESS;
        }
        other => {
            eprintln!("liangshan-pop: unknown command {other}\n{USAGE}{}", CHART_IDS.join(", "));
            return ExitCode::from(2);
        }
    };
    finish(result, args.lang)
}

/// Prints the output, or the error in `lang`; the exit code says which.
fn finish(result: Result<String, Error>, lang: Lang) -> ExitCode {
    match result {
        Ok(s) => {
            print!("{s}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("liangshan-pop: {}", e.message(lang));
            ExitCode::FAILURE
        }
    }
}
