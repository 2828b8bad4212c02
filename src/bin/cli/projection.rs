//! The projection commands: the engine on a spec, the estimated base, the
//! scenarios, the targets, the probabilistic runs, the benchmark, and the
//! charts drawn from them.

use std::path::Path;

use liangshan_pop::charts::{self, ChartId, Spec};
use liangshan_pop::data::counties::Region;
use liangshan_pop::i18n::Lang;
use liangshan_pop::model::Model;
use liangshan_pop::present::explorer::{fit_name, preset_name};
use liangshan_pop::projection::base::{BaseDraws, BasePopulation, TILT_SD};
use liangshan_pop::projection::counties::RegionInputs;
use liangshan_pop::projection::indicator::Indicator;
use liangshan_pop::projection::scenario::{check, estimate_migration, preset as preset_of, run, Assumptions, Preset};
use liangshan_pop::projection::stochastic::{
    simulate as simulate_runs, simulate_counties, simulate_region, CountyFans, Draws, COUNTY_INDICATORS, DEFAULT_UNCERTAINTY, EXPLORER,
};
use liangshan_pop::projection::{project as engine, Prepared, Spec as ProjectionSpec};

use super::input::{self, MAX_SPEC_BYTES};
use super::{Base, Failure, Output, Scenario};

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default() + "\n"
}

/// Where the base population came from, for every heading.
fn origin(base: &BasePopulation) -> &'static str {
    if base.estimate {
        "ESTIMATE: projected from an estimated base population"
    } else {
        "from the population table given"
    }
}

/// The model's base population, or the reader's table in its place.
fn base_of(model: &Model, b: &Base, lang: liangshan_pop::i18n::Lang) -> Result<BasePopulation, Failure> {
    input::base(model.base.clone(), b, lang)
}

/// The last year a county is projected to: their migration is a fixed
/// number of moves a year (the 2010-2020 decade's), which later empties the
/// smallest counties.
const COUNTY_HORIZON: u16 = 2050;

/// The assumptions of scenario `s` for `base`, to its horizon (counties to
/// [`COUNTY_HORIZON`] at most).
fn assumptions(s: Scenario, base: &BasePopulation, counties: bool, lang: Lang) -> Result<Assumptions, Failure> {
    if counties && s.horizon > COUNTY_HORIZON {
        return Err(Failure::Input(match lang {
            Lang::Zh => format!("县（市）的预测只到{COUNTY_HORIZON}年：其迁移按2010—2020年每年固定人数推算，更远会把人口最少的县推空；全州可到2100年"),
            Lang::En => format!(
                "counties are projected to {COUNTY_HORIZON} at most: their migration is a fixed number of moves a year (2010-2020's), which later empties the smallest counties; the prefecture runs to 2100"
            ),
        }));
    }
    let a = Assumptions { horizon: s.horizon, ..preset_of(s.preset, base, &estimate_migration(base)?) };
    check(&a)?;
    Ok(a)
}

pub fn project(path: Option<&Path>) -> Result<String, Failure> {
    let text = input::text(path, MAX_SPEC_BYTES)?;
    let p = ProjectionSpec::from_json(&text).and_then(|spec| engine(&spec))?;
    Ok(serde_json::to_string(&p).unwrap_or_default() + "\n")
}

pub fn base(o: Output) -> Result<String, Failure> {
    let b = Model::new()?.base;
    if o.json {
        return Ok(json(&b));
    }
    let mut out = format!(
        "ESTIMATE of the 2020 population by sex and single year of age (the census table is not public)\n\
         e0 women {:.2}, men {:.2}; births implied by those aged 0: {:.0}; TFR implied: {:.2}\n\n",
        b.e0_female, b.e0_male, b.births, b.tfr
    );
    out.push_str(&format!("{:<44} {:>14} {:>14} {:>10}  {}\n", "constraint", "published", "estimate", "tolerance", "met"));
    for f in &b.fit {
        let met = if f.met { "yes" } else { "NO" };
        out.push_str(&format!("{:<44} {:>14.3} {:>14.3} {:>10.3}  {met}\n", fit_name(f.id).en, f.target, f.estimate, f.tolerance));
    }
    Ok(out)
}

/// The columns a terminal gives a cell: CJK characters take two.
fn columns(s: &str) -> usize {
    s.chars().map(|c| if charts::text_width(&c.to_string(), 1.0) >= 1.0 { 2 } else { 1 }).sum()
}

/// A table for a terminal: every column padded to its widest cell.
fn aligned(t: &charts::DataTable) -> String {
    let rows: Vec<&Vec<String>> = std::iter::once(&t.columns).chain(t.rows.iter()).collect();
    let widths: Vec<usize> = (0..t.columns.len()).map(|i| rows.iter().map(|r| columns(&r[i])).max().unwrap_or(0)).collect();
    let mut out = String::new();
    for r in rows {
        let cells: Vec<String> = r.iter().zip(&widths).map(|(c, w)| format!("{c}{}", " ".repeat(w - columns(c)))).collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

/// The hindcast: the 2010 base projected to 2020, against the census.
pub fn hindcast(o: Output) -> Result<String, Failure> {
    use liangshan_pop::charts::hindcast as words;
    let h = liangshan_pop::projection::hindcast::hindcast(&Model::new()?.base)?;
    if o.json {
        return Ok(json(&h));
    }
    let chart = words::render(&h, &Spec::new(720.0, o.lang))?;
    let mut out = format!("{}\n\n{}\n\n", chart.title, chart.summary);
    out.push_str(&aligned(&chart.table));
    out.push('\n');
    for n in &chart.notes {
        out.push_str(&format!("- {n}\n"));
    }
    out.push_str(&format!("{}\n", chart.source));
    Ok(out)
}

pub fn scenario(s: Scenario, region: Region, b: &Base, o: Output) -> Result<String, Failure> {
    let base = base_of(&Model::new()?, b, o.lang)?;
    let assumptions = assumptions(s, &base, region != Region::Prefecture, o.lang)?;
    let p = s.preset;
    let r = match region {
        Region::Prefecture => run(&base, &assumptions)?,
        Region::County(c) => {
            let counties = liangshan_pop::projection::counties::estimate_counties(&base)?;
            let (mut runs, _) = liangshan_pop::projection::counties::run_counties_exact(&base, &counties, &assumptions)?;
            runs.swap_remove(c.index())
        }
    };
    if o.json {
        return Ok(json(&r.years));
    }
    let mut out = format!("{}, {} ({})\n{:?}\n\n", region.name().get(o.lang), preset_name(p).get(o.lang), origin(&base), r.assumptions);
    out.push_str("year  population   births   deaths  net mig   TFR  e0 F  e0 M  0-14%  15-59%  60+%  65+%  median\n");
    for y in &r.years {
        let flow = |v: Option<f64>| v.unwrap_or(f64::NAN);
        out.push_str(&format!(
            "{}  {:>10.0} {:>8.0} {:>8.0} {:>8.0}  {:.2} {:.1} {:.1}  {:>5.2}  {:>6.2} {:>5.2} {:>5.2}  {:>5.1}\n",
            y.year,
            y.population,
            flow(y.births),
            flow(y.deaths),
            flow(y.net_migrants),
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

pub fn targets(p: Preset, b: &Base, o: Output) -> Result<String, Failure> {
    use liangshan_pop::explorer::Tracker;
    use liangshan_pop::projection::targets::track;
    let model = Model::new()?;
    let base = base_of(&model, b, o.lang)?;
    let r = run(&base, &preset_of(p, &base, &estimate_migration(&base)?))?;
    let rows = track(&r, &model.urbanisation)?;
    if o.json {
        return Ok(json(&rows));
    }
    let table = liangshan_pop::present::tracker::table(&Tracker { rows, intervals: true, preset: p, adjusted: false }, o.lang);
    let mut out = format!("{} ({})\n{}\n", table.caption, origin(&base), table.table.columns.join(" | "));
    for row in &table.table.rows {
        out.push_str(&row.join(" | "));
        out.push('\n');
    }
    Ok(out)
}

/// `simulate`: `trajectories` from `seed`, starting from `base_draws`
/// alternative bases (where the base is the estimate), and the
/// decomposition of the headlines when `decompose`.
pub fn simulate(
    s: Scenario,
    trajectories: usize,
    seed: u64,
    (base_draws, decompose): (usize, bool),
    b: &Base,
    o: Output,
) -> Result<String, Failure> {
    let base = base_of(&Model::new()?, b, o.lang)?;
    let a = assumptions(s, &base, false, o.lang)?;
    if decompose && (b.population.is_some() || base_draws == 0) {
        return Err(Failure::Input(
            "--decompose draws alternatives to the estimate (--base-draws 1 or more), not to a reader's own table".into(),
        ));
    }
    let draws = drawn_bases(&base, base_draws, seed)?;
    let r = simulate_runs(&base, &a, Draws { bases: draws.as_ref(), ..Draws::rates(&DEFAULT_UNCERTAINTY, trajectories, seed) })?;
    let decomposition = match &draws {
        Some(bases) if decompose => {
            let sichuan = liangshan_pop::data::external::census_fact("Sichuan", 2020, "share_15_59")?.value;
            Some(liangshan_pop::projection::stochastic::decompose(&base, &a, &DEFAULT_UNCERTAINTY, bases, trajectories, seed, sichuan)?)
        }
        _ => None,
    };
    let p = s.preset;
    if o.json {
        let mut v = serde_json::to_value(&r).unwrap_or_default();
        if let Some(d) = &decomposition {
            v["decomposition"] = serde_json::to_value(d).unwrap_or_default();
        }
        return Ok(v.to_string() + "\n");
    }
    let starts = match r.bases {
        0 => "each from the base itself".to_string(),
        n => format!("each from one of {n} alternative bases"),
    };
    let mut out =
        format!("{} ({}), {} trajectories, seed {}, {starts}\n", preset_name(p).get(o.lang), origin(&base), r.trajectories, r.seed);
    for (c, share) in liangshan_pop::projection::targets::checks()?.iter().zip(&r.met) {
        use liangshan_pop::projection::targets::Test;
        let side = match c.test {
            Test::AtLeast(_) => ">=",
            Test::Above(_) => ">",
            Test::AtMost(_) => "<=",
        };
        out.push_str(&format!("P({} {side} {} in {}) = {share:.2}\n", c.indicator.slug(), c.test.threshold(), c.year));
    }
    for f in r.fans.iter().filter(|f| matches!(f.indicator, Indicator::Population | Indicator::Share60Plus)) {
        out.push_str(&format!("\n{}: year, 2.5%, 10%, median, 90%, 97.5%\n", f.indicator.slug()));
        for (k, y) in f.years.iter().enumerate().filter(|(_, y)| *y % 5 == 0) {
            out.push_str(&format!(
                "{y} {:>12.2} {:>12.2} {:>12.2} {:>12.2} {:>12.2}\n",
                f.lo95[k], f.lo80[k], f.median[k], f.hi80[k], f.hi95[k]
            ));
        }
    }
    if let Some(d) = &decomposition {
        out.push_str(&decomposition_text(d));
    }
    Ok(out)
}

/// `n` alternative bases from `seed` for a run from `base`: none when `n`
/// is 0 or the base is a reader's table (which is never drawn).
fn drawn_bases(base: &BasePopulation, n: usize, seed: u64) -> Result<Option<BaseDraws>, Failure> {
    Ok(if n > 0 && base.estimate { Some(BaseDraws::new(base, n, seed, TILT_SD)?) } else { None })
}

/// The decomposition as `simulate --decompose` prints it.
fn decomposition_text(d: &liangshan_pop::projection::stochastic::Decomposition) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "\nwhere the intervals come from: {} trajectories, seed {}, {} alternative bases (each meets every published aggregate; \
         within-cell tilts of sd {}); the 95% interval with the future rates alone (from the estimate), the base alone \
         (along the scenario's paths), and both (the fans above); the base's share of the two sources' variance\n",
        d.trajectories, d.seed, d.bases, TILT_SD
    ));
    out.push_str(&format!("{:<27} {:>27} {:>27} {:>27} {:>6}\n", "headline", "rates alone", "base alone", "both", "base"));
    for h in &d.headlines {
        let decimals = match h.headline {
            liangshan_pop::projection::stochastic::Headline::Population2030 => 0,
            liangshan_pop::projection::stochastic::Headline::Year15To59PassesSichuan => 0,
            _ => 2,
        };
        let interval = |q: &[f64; 5]| format!("{:.decimals$} ({:.decimals$}-{:.decimals$})", q[2], q[0], q[4]);
        out.push_str(&format!(
            "{:<27} {:>27} {:>27} {:>27} {:>5.0}%\n",
            h.headline.slug(),
            interval(&h.rates),
            interval(&h.base),
            interval(&h.both),
            h.base_share * 100.0
        ));
    }
    out.push_str(&format!(
        "(year_15_59_passes_sichuan: the first year the share aged 15-59 reaches Sichuan's 2020 level, {}%)\n",
        d.sichuan_15_59
    ));
    out
}

/// What `services` was asked for.
pub struct ServicesAsked {
    pub scenario: Scenario,
    /// None: all 18.
    pub regions: Vec<Region>,
    pub trajectories: usize,
    pub seed: u64,
    pub csv: bool,
}

/// The service populations of the regions asked: the counties' runs and
/// the prefecture as their sum (so that they add up, in the path and in
/// every trajectory), with the intervals of their trajectories.
pub fn services(asked: &ServicesAsked, b: &Base, o: Output) -> Result<String, Failure> {
    use liangshan_pop::model::BASE_DRAWS;
    use liangshan_pop::projection::counties::{estimate_counties, run_counties_exact};
    use liangshan_pop::projection::services::{records, Record};
    use liangshan_pop::projection::stochastic::{LifeTableGrid, COUNTY_SERVICES};
    let base = base_of(&Model::new()?, b, o.lang)?;
    // The prefecture here is the sum of its counties.
    let a = assumptions(asked.scenario, &base, true, o.lang)?;
    let counties = estimate_counties(&base)?;
    let (runs, sum) = run_counties_exact(&base, &counties, &a)?;
    let fans = if asked.trajectories == 0 {
        None
    } else {
        let inputs = counties.iter().map(|c| RegionInputs::county(&base, c)).collect::<Result<Vec<_>, _>>()?;
        let mut grid = LifeTableGrid::new(&base.mortality);
        // Counties of the estimate start from its alternative bases, as the
        // page's fans do; counties of a reader's table from the table.
        let draws = drawn_bases(&base, BASE_DRAWS, asked.seed)?;
        let d = Draws { bases: draws.as_ref(), ..Draws::rates(&DEFAULT_UNCERTAINTY, asked.trajectories, asked.seed) };
        Some(simulate_counties(&mut grid, &base, &inputs, &a, d, COUNTY_SERVICES)?)
    };
    let regions: Vec<Region> = if asked.regions.is_empty() { Region::all().collect() } else { asked.regions.clone() };
    let mut rows: Vec<Record> = Vec::new();
    for r in &regions {
        let (run, fan) = match r {
            Region::Prefecture => (&sum, fans.as_ref().map(|f| &f.sum)),
            Region::County(c) => (&runs[c.index()], fans.as_ref().map(|f| &f.counties[c.index()])),
        };
        rows.extend(records(*r, run, fan));
    }
    if o.json {
        return Ok(json(&rows));
    }
    // One record's fields as text: the value and its intervals to `decimals`
    // (empty where there are none).
    let fields = |r: &Record, decimals: usize| -> [String; 8] {
        let cell = |v: Option<f64>| v.map_or(String::new(), |v| format!("{v:.decimals$}"));
        [
            r.region.slug().to_string(),
            r.year.to_string(),
            r.service.slug().to_string(),
            cell(Some(r.value)),
            cell(r.lo80),
            cell(r.hi80),
            cell(r.lo95),
            cell(r.hi95),
        ]
    };
    const HEADER: [&str; 8] = ["region", "year", "indicator", "value", "lo80", "hi80", "lo95", "hi95"];
    if asked.csv {
        let mut out = HEADER.join(",") + "\n";
        for r in &rows {
            out.push_str(&(fields(r, 1).join(",") + "\n"));
        }
        return Ok(out);
    }
    let intervals = match &fans {
        Some(f) => format!("intervals from {} trajectories, seed {}", f.sum.trajectories, asked.seed),
        None => "no intervals".to_string(),
    };
    let line =
        |f: [&str; 8]| format!("{:<10} {:>4}  {:<20} {:>10} {:>10} {:>10} {:>10} {:>10}\n", f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]);
    let mut out = format!(
        "{} ({}); {intervals}; the prefecture is the sum of its counties\n\n",
        preset_name(asked.scenario.preset).get(o.lang),
        origin(&base)
    );
    out.push_str(&line(HEADER));
    for r in &rows {
        let f = fields(r, 0);
        out.push_str(&line(f.each_ref().map(String::as_str)));
    }
    Ok(out)
}

/// Without `--input`: the plan's 2020-2050 inputs for the prefecture and
/// its 17 counties, as a JSON array of specs (for the other implementations).
/// With `--input`: projects those specs repeatedly and prints timings as JSON.
pub fn bench(path: Option<&Path>) -> Result<String, Failure> {
    use std::time::Instant;
    let model = Model::new()?;
    let assumptions = model.preset(Preset::Plan);
    let Some(path) = path else {
        let specs = liangshan_pop::projection::counties::region_specs(&model.base, model.counties()?, &assumptions)?;
        return Ok(serde_json::to_string(&specs).unwrap_or_default() + "\n");
    };
    let text = input::text(Some(path), MAX_SPEC_BYTES)?;
    let specs: Vec<ProjectionSpec> = serde_json::from_str(&text).map_err(|e| Failure::Input(format!("the specs cannot be read: {e}")))?;
    // Validated once, as a run's spec is when it is prepared: the time is the engine's.
    let specs = specs.into_iter().map(Prepared::new).collect::<Result<Vec<_>, _>>()?;
    let mut times = Vec::new();
    let mut checksum = 0.0;
    for _ in 0..50 {
        let t = Instant::now();
        checksum = 0.0;
        for s in &specs {
            let p = s.project()?;
            checksum += p.female.last().map_or(0.0, |v| v.iter().sum::<f64>())
                + p.male.as_ref().and_then(|m| m.last()).map_or(0.0, |v| v.iter().sum::<f64>());
        }
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    // The prefecture's 1,000 trajectories as the explorer runs them: the
    // first run fills the model's life-table grid, later ones reuse it.
    // The alternative bases they start from, drawn once.
    let t = Instant::now();
    let draws = model.base_draws()?;
    let base_draws_ms = t.elapsed().as_secs_f64() * 1000.0;
    let whole = RegionInputs::whole(&model.base);
    let timed = || -> Result<(f64, usize), Failure> {
        let t = Instant::now();
        let d = Draws::rates(&DEFAULT_UNCERTAINTY, 1000, 1).with_bases(draws);
        let sim = simulate_region(&mut model.grid.borrow_mut(), &model.base, &whole, &assumptions, d, EXPLORER)?;
        Ok((t.elapsed().as_secs_f64() * 1000.0, sim.trajectories))
    };
    let (first_ms, trajectories) = timed()?;
    let (sim_ms, _) = timed()?;
    let t = Instant::now();
    let counties = county_fans(&model, &assumptions)?;
    let counties_ms = t.elapsed().as_secs_f64() * 1000.0;
    Ok(serde_json::json!({
        "regions": specs.len(),
        "projection_ms_median": times[times.len() / 2],
        "projection_ms_min": times[0],
        "checksum_2050": checksum,
        "trajectories": trajectories,
        "base_draws": draws.len(),
        "base_draws_ms": base_draws_ms,
        "simulation_first_ms": first_ms,
        "simulation_ms": sim_ms,
        "counties": counties.counties.len(),
        "simulation_counties_ms": counties_ms,
    })
    .to_string()
        + "\n")
}

/// 1,000 trajectories of every county at once, as the explorer's county
/// fans are run: the indicators its charts draw.
fn county_fans(model: &Model, a: &liangshan_pop::projection::scenario::Assumptions) -> Result<CountyFans, Failure> {
    let inputs = model.counties()?.iter().map(|c| RegionInputs::county(&model.base, c)).collect::<Result<Vec<_>, _>>()?;
    let d = Draws::rates(&DEFAULT_UNCERTAINTY, 1000, 1).with_bases(model.base_draws()?);
    Ok(simulate_counties(&mut model.grid.borrow_mut(), &model.base, &inputs, a, d, COUNTY_INDICATORS)?)
}

/// A chart as SVG: the plan's, or a projection chart under the plan's path
/// (with 200 trajectories for the fan, the pyramid in 2035).
pub fn render(id: ChartId, spec: &Spec, seed: u64, b: &Base) -> Result<String, Failure> {
    if id == ChartId::Hindcast {
        let h = liangshan_pop::projection::hindcast::hindcast(&Model::new()?.base)?;
        return Ok(charts::hindcast::render(&h, spec)?.svg);
    }
    if !id.is_projection() {
        return Ok(charts::render(id, spec)?.svg);
    }
    use liangshan_pop::charts::projection::View;
    let model = Model::new()?;
    let base = base_of(&model, b, spec.lang)?;
    let assumptions = preset_of(Preset::Plan, &base, &estimate_migration(&base)?);
    let r = run(&base, &assumptions)?;
    // The fans as the page's: from the alternative bases where the base is
    // the estimate, with the service populations its charts draw.
    let d = Draws::rates(&DEFAULT_UNCERTAINTY, 200, seed);
    let d = if base.estimate { d.with_bases(model.base_draws()?) } else { d };
    let sim = simulate_region(&mut model.grid.borrow_mut(), &base, &RegionInputs::whole(&base), &assumptions, d, EXPLORER)?;
    // The counties compared as the page's default: their own estimates (a
    // reader's prefecture table changes the prefecture alone).
    let compared = if id.compares_counties() {
        let a = preset_of(Preset::Plan, &model.base, &model.migration);
        let (runs, _) =
            liangshan_pop::projection::counties::run_counties(&model.base, model.counties()?, &a, &|sex, e0| model.nlx(sex, e0))?;
        let c = liangshan_pop::state::Compare::default();
        Some((liangshan_pop::projection::compare::Comparison::of(&runs, c.service, c.year)?, c.measure))
    } else {
        None
    };
    let view = View {
        run: &r,
        fans: Some(&sim),
        year: 2035,
        region: Region::Prefecture,
        urbanisation: Some(&model.urbanisation),
        compared: compared.as_ref().map(|(c, m)| (c, *m)),
    };
    Ok(charts::projection::render(id, &view, spec)?.svg)
}
