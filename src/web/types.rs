//! What [`super::Core`]'s methods give, shaped as the page reads it
//! (camelCase fields), and its TypeScript declarations (`core.d.ts`, which
//! wasm-bindgen writes into the module's `.d.ts`).

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::charts::{self, ChartId, DataTable, Spec};
use crate::data::counties::Region;
use crate::error::Error;
use crate::explorer::{Accepted, Explorer, FanSet, MethodFigures};
use crate::i18n::Lang;
use crate::present;
use crate::projection::compare::Measure;
use crate::projection::scenario::Preset;
use crate::projection::services::Service;
use crate::state::{Notice, PageState, Source, CONTROLS, YEARS};
use crate::upload::Problem;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = include_str!("core.d.ts");

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Control {
    param: &'static str,
    min: f64,
    max: f64,
    step: f64,
    big_step: f64,
    decimals: usize,
    label: &'static str,
    unit: &'static str,
}

#[derive(Serialize)]
struct Named {
    id: &'static str,
    name: &'static str,
}

#[derive(Serialize)]
pub struct Controls {
    controls: Vec<Control>,
    presets: Vec<Named>,
    regions: Vec<Named>,
    years: (u16, u16),
    services: Vec<Named>,
    measures: Vec<Named>,
}

/// The explorer's controls, presets and regions, labelled in `lang`.
pub fn controls(lang: Lang) -> Controls {
    use present::explorer::{preset_name, CONTROL_WORDS};
    let controls = CONTROLS
        .iter()
        .zip(CONTROL_WORDS)
        .map(|(c, (_, label, unit))| Control {
            param: c.param,
            min: c.min,
            max: c.max,
            step: c.step,
            big_step: c.big_step,
            decimals: c.decimals,
            label: label.get(lang),
            unit: unit.get(lang),
        })
        .collect();
    let presets = Preset::ALL.iter().map(|p| Named { id: p.slug(), name: preset_name(*p).get(lang) }).collect();
    let regions = Region::all().map(|r| Named { id: r.slug(), name: r.name().get(lang) }).collect();
    use present::services::{measure_name, service_name};
    let services = Service::ALL.iter().map(|s| Named { id: s.slug(), name: service_name(*s).get(lang) }).collect();
    let measures = Measure::ALL.iter().map(|m| Named { id: m.slug(), name: measure_name(*m).get(lang) }).collect();
    Controls { controls, presets, regions, years: YEARS, services, measures }
}

/// A notice in both languages (the page may switch language after reading it).
#[derive(Serialize)]
struct NoticeWords {
    param: String,
    zh: String,
    en: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParsedState {
    state: PageState,
    notices: Vec<NoticeWords>,
    query: String,
    key: String,
    values: Vec<(&'static str, f64)>,
    preset_values: Vec<(&'static str, f64)>,
}

/// A parsed query as the page reads it: the state, its notices in words,
/// its canonical query and key, and what the controls show.
pub fn parsed_state(x: &Explorer, state: PageState, notices: &[Notice], source: Source, upload: Option<&str>) -> ParsedState {
    let notices = notices
        .iter()
        .map(|n| NoticeWords {
            param: n.param.clone(),
            zh: present::state::notice(n, source, Lang::Zh),
            en: present::state::notice(n, source, Lang::En),
        })
        .collect();
    // What each control resets to: the preset's own value.
    let preset_only =
        PageState { scenario: crate::model::Scenario { preset: state.scenario.preset, ..Default::default() }, ..Default::default() };
    let params = CONTROLS.iter().map(|c| c.param);
    ParsedState {
        query: crate::state::to_query(&state),
        key: crate::explorer::key(&state, upload),
        values: params.clone().zip(x.control_values(&state)).collect(),
        preset_values: params.zip(x.control_values(&preset_only)).collect(),
        state,
        notices,
    }
}

#[derive(Serialize)]
pub struct Explored {
    key: String,
    charts: Vec<charts::Chart>,
    tracker: Option<present::tracker::TrackerTable>,
    headline: Option<Vec<present::explorer::HeadlineItem>>,
    uploaded: Option<Region>,
    intervals: bool,
}

/// The explorer's charts of a state (`only` those, or all but `skip` with
/// the tracker and the headline), with `fans` where they are of this state.
pub fn explore(
    x: &Explorer,
    state: &PageState,
    fans: Option<&FanSet>,
    spec: &Spec,
    only: &[ChartId],
    skip: &[ChartId],
) -> Result<Explored, Error> {
    let key = x.key(state);
    let fans = fans.filter(|f| f.key == key);
    let all = only.is_empty();
    let wanted: Vec<ChartId> = if all { ChartId::PROJECTION.into_iter().filter(|id| !skip.contains(id)).collect() } else { only.to_vec() };
    Ok(Explored {
        charts: if wanted.is_empty() { Vec::new() } else { x.charts(state, fans, spec, &wanted)? },
        tracker: if all { Some(present::tracker::table(&x.tracker(state, fans)?, state.lang)) } else { None },
        headline: if all { Some(present::explorer::headline(&x.headline(state)?, state.lang)) } else { None },
        uploaded: x.uploaded_region(),
        intervals: fans.is_some(),
        key,
    })
}

#[derive(Serialize)]
pub struct UploadResult {
    ok: bool,
    message: String,
    problems: Vec<String>,
    notes: Vec<String>,
    token: Option<String>,
}

/// A read file in the reader's words: accepted, or refused with every problem.
pub fn upload_result(read: Result<Accepted, Vec<Problem>>, region: Region, lang: Lang) -> UploadResult {
    use present::upload as words;
    let name = region.name();
    match read {
        Ok(a) => UploadResult {
            ok: true,
            message: words::accepted(name, a.female, a.male, lang),
            problems: Vec::new(),
            notes: a.notes.iter().map(|n| words::note(n, name, lang)).collect(),
            token: Some(a.token),
        },
        Err(problems) => UploadResult {
            ok: false,
            message: String::new(),
            problems: problems.iter().map(|p| words::problem(p, name, lang)).collect(),
            notes: Vec::new(),
            token: None,
        },
    }
}

#[derive(Serialize)]
pub struct Methods {
    pub figures: MethodFigures,
    pub fit: DataTable,
}

/// GB18030 through the browser's own decoder: no tables in the module.
pub struct BrowserDecoder;

impl crate::upload::LegacyDecoder for BrowserDecoder {
    fn gb18030(&self, bytes: &[u8]) -> Option<String> {
        let options = web_sys::TextDecoderOptions::new();
        options.set_fatal(true);
        let decoder = web_sys::TextDecoder::new_with_label_and_options("gb18030", &options).ok()?;
        decoder.decode_with_u8_array(bytes).ok()
    }
}
