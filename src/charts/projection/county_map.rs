//! The 17 counties on the schematic tile map of 图2, each coloured by the
//! comparison's measure in its year (a change diverging at zero, a level
//! light to dark), its figure written in its tile.

use super::counties::{group_name, Classes, Compared};
use super::say;
use crate::charts::tiles::{Tile, TileMap};
use crate::charts::{finish, Chart, ChartId, Spec, Texts};
use crate::data::counties::Table5Group;
use crate::error::Error;

pub fn render(width: u32, k: &Compared, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let values: Vec<f64> = k.c.counties.iter().map(|(_, t)| k.of_totals(t)).collect();
    let classes = Classes::of(&values, k.measure);
    let map = TileMap {
        tiles: k
            .c
            .counties
            .iter()
            .map(|(id, t)| Tile { county: *id, fill: classes.colour_of(k.of_totals(t)), figure: k.figure(t, lang), marked: k.marked(*id) })
            .collect(),
        unit: k.measure_words(lang),
        classes: classes.colours.iter().copied().zip(classes.labels(lang)).collect(),
        note: k.accent(width, &spec.style(), lang),
    };
    let (service, measure, year) = (k.service_words(lang), k.measure_words(lang), k.c.year);
    let title = k.title(format!("各县（市）{service}：{measure}，{year}年"), format!("By county: {service}, {measure}, {year}"), lang);
    let ranked = k.c.ranked(k.measure);
    let (top, bottom) = (&ranked[0], &ranked[ranked.len() - 1]);
    let name = |id: crate::data::counties::CountyId| id.county().short.get(lang);
    let (anning, other) = (k.c.group(Table5Group::AnningBasin), k.c.group(Table5Group::Other));
    let summary = say(
        lang,
        format!(
            "按此情景，{year}年{service}{measure}最高的是{}（{}），最低的是{}（{}）；{}合计{}，{}合计{}。",
            name(top.0),
            k.figure(&top.1, lang),
            name(bottom.0),
            k.figure(&bottom.1, lang),
            group_name(Table5Group::AnningBasin).zh,
            k.figure(&anning, lang),
            group_name(Table5Group::Other).zh,
            k.figure(&other, lang)
        ),
        format!(
            "Under this scenario, {service} in {year}, {measure}: highest in {} ({}), lowest in {} ({}); the {} together {}, the {} {}.",
            name(top.0),
            k.figure(&top.1, lang),
            name(bottom.0),
            k.figure(&bottom.1, lang),
            group_name(Table5Group::AnningBasin).en,
            k.figure(&anning, lang),
            group_name(Table5Group::Other).en,
            k.figure(&other, lang)
        ),
    );
    finish(
        ChartId::CountyMap,
        spec,
        &map.plot(width, &spec.style(), lang),
        Texts { title, summary, sources: k.sources(lang), notes: k.notes(lang), table: k.county_table(lang) },
    )
}
