//! 图2 as a schematic tile map ([`crate::charts::tiles`]), each county's
//! tile coloured by its density class (light to dark).

use super::{class_label, class_of, common, rows, CLASS_COLOURS};
use crate::charts::tiles::{Tile, TileMap};
use crate::charts::{finish, Chart, ChartId, Spec, Texts};
use crate::error::Error;
use crate::i18n::{fixed, Text};

pub const TITLE: Text = Text::new("各县（市）人口密度示意图，2020年", "Population density by county, 2020 (schematic)");

pub fn render(width: u32, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let rows = rows()?;
    let (summary, sources, notes, table) = common(lang, &rows);
    let map = TileMap {
        tiles: rows
            .iter()
            .map(|r| Tile {
                county: r.county.county_id(),
                fill: CLASS_COLOURS[class_of(r.density)],
                figure: fixed(r.density, 0, lang),
                marked: false,
            })
            .collect(),
        unit: Text::new("人/平方千米", "persons per km²").get(lang).to_string(),
        classes: CLASS_COLOURS.iter().enumerate().map(|(i, c)| (*c, class_label(i, lang))).collect(),
        note: crate::charts::AccentNote::default(),
    };
    finish(
        ChartId::DensityMap,
        spec,
        &map.plot(width, &spec.style(), lang),
        Texts { title: TITLE.get(lang).to_string(), summary, sources, notes, table },
    )
}
