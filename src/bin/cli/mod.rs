//! The commands and their flags (clap), read once into typed values by the
//! same parsers the page's state uses ([`liangshan_pop::state`]); then each
//! command's output.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use liangshan_pop::charts::{ChartId, Theme};
use liangshan_pop::data::counties::Region;
use liangshan_pop::i18n::Lang;
use liangshan_pop::projection::scenario::Preset;
use liangshan_pop::Error;

mod input;
mod life_table;
mod plan;
mod projection;

#[derive(Parser)]
#[command(
    name = "liangshan-pop",
    version,
    about = "The data, audit and projections of Liangshan Prefecture's population plan (2024)",
    arg_required_else_help = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

fn lang(s: &str) -> Result<Lang, String> {
    liangshan_pop::state::lang(s).ok_or_else(|| format!("not a language: {} (zh or en)", s.chars().take(40).collect::<String>()))
}

fn theme(s: &str) -> Result<Theme, String> {
    liangshan_pop::state::theme(s).ok_or_else(|| "not a theme (light or dark)".to_string())
}

fn chart(s: &str) -> Result<ChartId, String> {
    ChartId::from_slug(s).ok_or_else(|| {
        format!(
            "not a chart: {}; one of {}",
            s.chars().take(40).collect::<String>(),
            ChartId::all().chain(ChartId::METHODS).map(ChartId::slug).collect::<Vec<_>>().join(", ")
        )
    })
}

fn preset(s: &str) -> Result<Preset, String> {
    Preset::from_slug(s).ok_or_else(|| "not a scenario (plan, constant, low, high, zero-migration)".to_string())
}

fn region(s: &str) -> Result<Region, String> {
    Region::from_slug(s).ok_or_else(|| "not a region (liangshan or a county: xichang, muli, ...)".to_string())
}

/// The Chinese or the English of something said.
fn pick<T>(lang: Lang, zh: T, en: T) -> T {
    if lang == Lang::Zh {
        zh
    } else {
        en
    }
}

/// How a command speaks: `--lang zh|en` (Chinese unless asked) and `--json`.
#[derive(Args, Clone, Copy)]
struct Output {
    /// The language of the output
    #[arg(long, value_parser = lang, default_value = "zh")]
    lang: Lang,
    /// Print JSON (numbers and ids) instead of a table
    #[arg(long)]
    json: bool,
}

/// A scenario: its preset, and how far it runs.
#[derive(Args, Clone, Copy)]
#[group(id = "scenario_args")]
pub struct Scenario {
    #[arg(value_parser = preset, default_value = "plan")]
    preset: Preset,
    /// The last year projected (2021-2100). After 2050 the TFR stays at its
    /// 2050 value, life expectancy keeps its yearly gain after 2030, and net
    /// migration stays as it is
    #[arg(long, value_parser = clap::value_parser!(u16).range(2021..=2100), default_value_t = 2050)]
    horizon: u16,
}

/// A projection's base population.
#[derive(Args, Clone)]
struct Base {
    /// A population table (age,female,male; single years or five-year groups,
    /// Chinese headers and census layouts accepted) in place of the estimate,
    /// read as the page reads an upload (at most 1 MB)
    #[arg(long, value_name = "FILE.csv")]
    population: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Recompute the plan's figures and compare them with what it prints
    Audit {
        #[command(flatten)]
        out: Output,
    },
    /// Every county by the bands of Table 5's note
    Classify {
        #[command(flatten)]
        out: Output,
    },
    /// Print a chart as SVG (projection charts: the plan's path, its pyramid in 2035; hindcast: the methods' hindcast)
    Render {
        #[arg(value_parser = chart)]
        chart: ChartId,
        /// The width of the chart's container, in CSS pixels
        #[arg(long, default_value_t = 720.0, allow_negative_numbers = true)]
        width: f64,
        #[arg(long, value_parser = lang, default_value = "zh")]
        lang: Lang,
        #[arg(long, value_parser = theme, default_value = "light")]
        theme: Theme,
        /// Larger text and stronger contrast (适老化)
        #[arg(long)]
        large: bool,
        /// The seed of the projection charts' fan (200 trajectories)
        #[arg(long, default_value_t = 20_240_919)]
        seed: u64,
        #[command(flatten)]
        base: Base,
    },
    /// The cohort-component engine on a spec (the JSON contract; standard input without --input)
    Project {
        /// The spec, at most 64 MiB
        #[arg(long, value_name = "SPEC.json")]
        input: Option<PathBuf>,
        /// The language of errors (English unless asked: the contract is for engineers)
        #[arg(long, value_parser = lang, default_value = "en")]
        lang: Lang,
    },
    /// The estimated 2020 base population and the fit of every published aggregate
    Base {
        #[command(flatten)]
        out: Output,
    },
    /// The method on a decade whose end is known: a 2010 base (estimated from
    /// what 2010 publishes) projected to 2020, against every published 2020
    /// aggregate
    Hindcast {
        #[command(flatten)]
        out: Output,
    },
    /// Project 2020-2050 (to 2100 with --horizon) under a scenario
    Scenario {
        #[command(flatten)]
        scenario: Scenario,
        #[arg(long, value_parser = region, default_value = "liangshan")]
        region: Region,
        #[command(flatten)]
        base: Base,
        #[command(flatten)]
        out: Output,
    },
    /// The plan's targets and forecasts against a scenario's projection
    Targets {
        #[arg(value_parser = preset, default_value = "plan")]
        preset: Preset,
        #[command(flatten)]
        base: Base,
        #[command(flatten)]
        out: Output,
    },
    /// Probabilistic projection: medians, 80% and 95% intervals
    Simulate {
        #[command(flatten)]
        scenario: Scenario,
        #[arg(long, default_value_t = 1000)]
        trajectories: usize,
        #[arg(long, default_value_t = 20_240_919)]
        seed: u64,
        /// Also split each headline's interval (population 2030, the 60+
        /// share in 2030 and 2035, the year 15-59 passes Sichuan's share)
        /// between the base's uncertainty and the future rates'
        #[arg(long)]
        decompose: bool,
        /// Alternative bases the trajectories start from in turn, as the
        /// page's do: each meets every published aggregate and differs
        /// where nothing is published (0: all from the estimate, the future
        /// rates alone; a reader's own table is never drawn)
        #[arg(long, default_value_t = 200, value_parser = clap::value_parser!(u64).range(0..=5000))]
        base_draws: u64,
        #[command(flatten)]
        base: Base,
        #[command(flatten)]
        out: Output,
    },
    /// Service populations (school ages, childcare, working ages, the old) and
    /// the childcare places of the plan's norm, for every region and year
    Services {
        #[command(flatten)]
        scenario: Scenario,
        /// A region (liangshan or a county id); repeat for several; all 18 without it
        #[arg(long = "region", value_parser = region)]
        regions: Vec<Region>,
        /// Trajectories for the 80% and 95% intervals (0: the path alone, intervals null)
        #[arg(long, default_value_t = 1000)]
        trajectories: usize,
        #[arg(long, default_value_t = 20_240_919)]
        seed: u64,
        /// Print CSV (one record a line) instead of a table
        #[arg(long, conflicts_with = "json")]
        csv: bool,
        #[command(flatten)]
        base: Base,
        #[command(flatten)]
        out: Output,
    },
    /// A life table from death rates: a CSV with a header naming age and nMx
    /// (optionally nax), ages 0, 1, 5, 10, ... or single years, the last
    /// group open (85 or 85+); standard input without --input
    LifeTable {
        #[arg(long, value_name = "FILE.csv")]
        input: Option<PathBuf>,
        /// How the nax are chosen: cd-west (Coale-Demeny West from m0, the
        /// engine's), un (United Nations 1982 and MortPak: Greville's
        /// formula), pas (PAS LTPOPDTH: Coale-Demeny from q0, mid-interval),
        /// given (the file's nax column). Given when the file has nax,
        /// cd-west otherwise. The open group's nax is always 1/nMx
        #[arg(long, value_parser = life_table::ax_method)]
        ax: Option<life_table::AxMethod>,
        /// female or male: the a0 and 4a1 rules differ by sex
        #[arg(long, value_parser = life_table::sex)]
        sex: Option<liangshan_pop::demography::Sex>,
        /// The Coale-Demeny family of pas's a0 and 4a1: west, north, south or east
        #[arg(long, value_parser = life_table::cd_region, default_value = "west")]
        cd_region: liangshan_pop::demography::life_table::CdRegion,
        /// The probability of dying before age 1, known apart from the rates
        /// (un and pas): sets the a0 and 4a1 rules and the table's q0
        #[arg(long)]
        imr: Option<f64>,
        /// lx at age 0
        #[arg(long, default_value_t = 100_000.0)]
        radix: f64,
        /// Print CSV (full precision) instead of a table
        #[arg(long, conflicts_with = "json")]
        csv: bool,
        #[command(flatten)]
        out: Output,
    },
    /// Time the engine; without --input, write the 18 regions' specs to standard output
    Bench {
        #[arg(long, value_name = "SPECS.json")]
        input: Option<PathBuf>,
    },
    /// Every chart in its default state into the pages' <!--static:ID--> blocks, and as DIR/ID.svg; --view: the page's static view as JSON
    Prerender {
        /// The drawings' width
        #[arg(long, default_value_t = 720.0)]
        width: f64,
        /// The width of the explorer's drawings in the --view (default: --width)
        #[arg(long, value_name = "PX")]
        explorer_width: Option<f64>,
        /// Write every chart as DIR/ID.svg
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        #[arg(long, value_parser = lang, default_value = "zh")]
        lang: Lang,
        #[arg(long, value_parser = theme, default_value = "light")]
        theme: Theme,
        /// With --view: write the explorer's drawings here (the --view then
        /// has their captions alone)
        #[arg(long, requires = "view")]
        explorer_view: Option<PathBuf>,
        /// Write the page's static view in --lang and --theme as JSON
        #[arg(long, value_name = "FILE")]
        view: Option<PathBuf>,
        /// Pages whose static blocks to fill
        files: Vec<PathBuf>,
    },
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let (result, lang) = match cli.command {
        Command::Audit { out } => (plan::audit(out), out.lang),
        Command::Classify { out } => (Ok(plan::classify(out)), out.lang),
        Command::Render { chart, width, lang, theme, large, seed, base } => {
            let spec = liangshan_pop::charts::Spec { width, lang, theme, large };
            (projection::render(chart, &spec, seed, &base), lang)
        }
        Command::Project { input, lang } => (projection::project(input.as_deref()), lang),
        Command::Base { out } => (projection::base(out), out.lang),
        Command::Hindcast { out } => (projection::hindcast(out), out.lang),
        Command::Scenario { scenario, region, base, out } => (projection::scenario(scenario, region, &base, out), out.lang),
        Command::Targets { preset, base, out } => (projection::targets(preset, &base, out), out.lang),
        Command::Simulate { scenario, trajectories, seed, decompose, base_draws, base, out } => {
            (projection::simulate(scenario, trajectories, seed, (base_draws as usize, decompose), &base, out), out.lang)
        }
        Command::Services { scenario, regions, trajectories, seed, csv, base, out } => {
            let asked = projection::ServicesAsked { scenario, regions, trajectories, seed, csv };
            (projection::services(&asked, &base, out), out.lang)
        }
        Command::LifeTable { input, ax, sex, cd_region, imr, radix, csv, out } => {
            let asked = life_table::Asked { input: input.as_deref(), ax, sex, cd_region, imr, radix, csv };
            (life_table::life_table(&asked, out), out.lang)
        }
        Command::Bench { input } => (projection::bench(input.as_deref()), Lang::En),
        Command::Prerender { width, explorer_width, out, lang, theme, view, explorer_view, files } => {
            let views = (view.as_deref(), explorer_view.as_deref());
            (plan::prerender(width, explorer_width, out.as_deref(), lang, theme, views, &files), lang)
        }
    };
    finish(result, lang)
}

/// What went wrong: the core's error, or the input could not be read (a
/// usage problem: exit code 2, as clap's own).
pub enum Failure {
    Core(Error),
    Input(String),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        Failure::Core(e)
    }
}

/// Prints the output, or the error in `lang`; the exit code says which.
fn finish(result: Result<String, Failure>, lang: Lang) -> ExitCode {
    match result {
        Ok(s) => {
            // A reader who stops reading (`| head`) is not an error.
            use std::io::Write;
            match std::io::stdout().lock().write_all(s.as_bytes()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("liangshan-pop: {e}");
                    ExitCode::FAILURE
                }
                _ => ExitCode::SUCCESS,
            }
        }
        Err(Failure::Core(e)) => {
            eprintln!("liangshan-pop: {}", e.message(lang));
            ExitCode::FAILURE
        }
        Err(Failure::Input(e)) => {
            eprintln!("liangshan-pop: {e}");
            ExitCode::from(2)
        }
    }
}
