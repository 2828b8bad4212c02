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
    let (highest, lowest) = (name(top.0), name(bottom.0));
    let (high, low) = (k.figure(&top.1, lang), k.figure(&bottom.1, lang));
    let (anning, other) = (k.figure(&k.c.group(Table5Group::AnningBasin), lang), k.figure(&k.c.group(Table5Group::Other), lang));
    let (basin, rest) = (group_name(Table5Group::AnningBasin), group_name(Table5Group::Other));
    let summary = say(
        lang,
        format!("按此情景，{year}年{service}{measure}最高的是{highest}（{high}），最低的是{lowest}（{low}）；{}合计{anning}，{}合计{other}。", basin.zh, rest.zh),
        format!(
            "Under this scenario, {service} in {year}, {measure}: highest in {highest} ({high}), lowest in {lowest} ({low}); the {} together {anning}, the {} {other}.",
            basin.en, rest.en
        ),
    );
    finish(
        ChartId::CountyMap,
        spec,
        &map.plot(width, &spec.style(), lang),
        Texts { title, summary, sources: k.sources(lang), notes: k.notes(lang), table: k.county_table(lang) },
    )
}
