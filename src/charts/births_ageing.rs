//! 表5: each county's 2020 birth rate against its share aged 60+, point size
//! by the share of ethnic minorities, Anning-basin counties as circles and
//! the others as triangles, over the bands of the table's own note.

use super::canvas::{Align, Baseline, Key, Legend, Style};
use super::grammar::{extent, line, text, Fill, Font, Label, Linear, Mark, Plot, Scale, Symbol};
use super::{finish, table, text_width, Chart, ChartId, DataTable, Spec, Texts};
use crate::data::counties::{County, ANNING_BASIN, COUNTIES, TABLE5_AT};
use crate::error::Error;
use crate::i18n::{fixed, Lang, Text};
use crate::indicators::{ageing_band, birth_rate_band, Band, AGEING_BANDS, BANDS_AT, BIRTH_RATE_BANDS};
use crate::num::ascending;

pub const ID: ChartId = ChartId::CountyBirthsAgeing;
pub const TITLE: Text = Text::new("各县（市）出生率与老龄化，2020年", "Birth rate and ageing by county, 2020");

const MARGIN: f64 = 8.0;
/// The birth-rate bands' names as the chart writes them, in the order of [`BIRTH_RATE_BANDS`].
const BAND_NAMES: [Text; 7] = [
    Text::new("超多子化", "ultra-high"),
    Text::new("严重多子化", "very high"),
    Text::new("多子化", "high"),
    Text::new("正常", "normal"),
    Text::new("少子化", "low"),
    Text::new("严重少子化", "very low"),
    Text::new("超少子化", "ultra-low"),
];
/// The names of the ageing thresholds (the upper bounds of [`AGEING_BANDS`] but the last).
const LINE_NAMES: [Text; 3] =
    [Text::new("老龄化社会", "ageing"), Text::new("中度老龄化", "moderately aged"), Text::new("重度老龄化", "severely aged")];
/// The minority shares the size key shows.
const SIZE_KEY: [f64; 3] = [10.0, 50.0, 100.0];

/// Radius from the minority share: area proportional to the share.
fn radius(share: f64, font: f64) -> f64 {
    font * 0.25 + font * 0.55 * (share / 100.0).sqrt()
}

fn basin(c: &County) -> bool {
    ANNING_BASIN.contains(c.county_id())
}

/// The finite bounds of `bands`.
fn bounds(bands: &[Band]) -> Vec<f64> {
    let finite: Vec<f64> = bands.iter().flat_map(|b| [b.lower, b.upper]).filter(|v| v.is_finite()).collect();
    let mut out = ascending(&finite);
    out.dedup();
    out
}

/// The birth-rate axis: the data's extent rounded out to fives; ticks at the
/// bands' bounds and at the fives farther than one band from any bound.
fn birth_axis(range: (f64, f64)) -> (Linear, Vec<f64>) {
    let (lo, hi) = extent(COUNTIES.iter().map(|c| c.cbr_2020.value));
    let x = Linear::new(((lo / 5.0).floor() * 5.0, (hi / 5.0).ceil() * 5.0), range);
    let bounds = bounds(&BIRTH_RATE_BANDS);
    let width = bounds[1] - bounds[0];
    let fives =
        (0..).map(|i| x.d0 + 5.0 * f64::from(i)).take_while(|v| *v <= x.d1).filter(|v| bounds.iter().all(|b| (b - v).abs() > width));
    let ticks: Vec<f64> = bounds.iter().copied().filter(|b| *b >= x.d0 && *b <= x.d1).chain(fives).collect();
    (x, ascending(&ticks))
}

/// The ageing axis: up to the highest of the data and the note's
/// thresholds, with a fifteenth more for the top line's name.
fn ageing_axis(range: (f64, f64)) -> Linear {
    let top = COUNTIES.iter().map(|c| c.share_60plus_2020.value).chain(bounds(&AGEING_BANDS)).fold(0.0, f64::max);
    Linear::new((0.0, top + top / 15.0), range)
}

/// Layout of the legend: the shapes, then what size means, on the same
/// line or the next.
struct Key2<'a> {
    legend: Legend<'a>,
    shapes_h: f64,
    size_title: &'static str,
    same_line: bool,
}

impl<'a> Key2<'a> {
    fn new(style: &Style, lang: Lang, x1: f64, names: [&'a str; 2]) -> Key2<'a> {
        let font = style.font_px;
        let legend = Legend { entries: vec![(Key::Dot(style.series[0]), names[0]), (Key::Triangle(style.series[1]), names[1])] };
        let shapes_h = legend.height(MARGIN, x1, font);
        let size_title = Text::new("点的大小：少数民族人口占比", "Size: % ethnic minorities").get(lang);
        let key_w: f64 = SIZE_KEY.iter().map(|s| Self::step(*s, style)).sum();
        let same_line = MARGIN + text_width(size_title, style.px(0.9)) + font + key_w <= x1;
        Key2 { legend, shapes_h, size_title, same_line }
    }

    /// The width of one entry of the size key.
    fn step(share: f64, style: &Style) -> f64 {
        2.0 * radius(share, style.font_px) + 4.0 + text_width("100%", style.px(0.9)) + style.font_px * 0.6
    }

    fn height(&self, font: f64) -> f64 {
        self.shapes_h + if self.same_line { font * 2.6 } else { font * 4.3 }
    }

    fn marks(self, style: &Style, x1: f64) -> Vec<Mark<'a>> {
        let font = style.font_px;
        let sy = MARGIN + self.shapes_h - font + font * 1.7;
        let title_w = text_width(self.size_title, style.px(0.9));
        let mut out = vec![
            Mark::Legend { legend: self.legend, x0: MARGIN, x1, y0: MARGIN },
            text(self.size_title, (MARGIN, sy), style.small(), Align::Start, Baseline::Middle),
        ];
        let (mut sx, sy) = if self.same_line { (MARGIN + title_w + font, sy) } else { (MARGIN, sy + font * 1.7) };
        for s in SIZE_KEY {
            let r = radius(s, font);
            out.push(Mark::Dots { x: Scale::Px, y: Scale::Px, points: vec![(sx + r, sy)], symbol: Symbol::Ring, r, colour: style.muted });
            out.push(text(format!("{s}%"), (sx + 2.0 * r + 4.0, sy), style.small(), Align::Start, Baseline::Middle));
            sx += Self::step(s, style);
        }
        out
    }
}

/// The note's birth-rate bands, alternately shaded, each named at its foot
/// where there is room; the ticks under them.
fn bands(x: &Linear, ticks: &[f64], (top, bottom): (f64, f64), style: &Style, lang: Lang) -> Vec<Mark<'static>> {
    let font = style.font_px;
    let band_label_px = style.px(0.8).min((x.map(2.0) - x.map(0.0)) * 0.7).floor();
    let mut out = Vec::new();
    for (i, b) in BIRTH_RATE_BANDS.iter().enumerate() {
        let (lo, hi) = (b.lower.max(x.d0), b.upper.min(x.d1));
        out.push(Mark::Rect {
            x: Scale::Px,
            y: Scale::Px,
            from: (x.map(lo), top),
            to: (x.map(hi), bottom),
            fill: Fill::Solid(style.bands[i % 2]),
        });
        if band_label_px >= 9.0 {
            let font = Font { px: band_label_px, colour: style.muted, bold: false };
            out.push(Mark::UpText { text: BAND_NAMES[i].get(lang).into(), x: (x.map(lo) + x.map(hi)) / 2.0, bottom: bottom - 4.0, font });
        }
    }
    // Where the ticks crowd, only the fives and the outermost bounds are labelled.
    let dense = x.map(2.0) - x.map(0.0) >= font * 1.8;
    let outer = bounds(&BIRTH_RATE_BANDS);
    for &t in ticks {
        let px = x.map(t);
        out.push(line(vec![(px, bottom), (px, bottom + 4.0)], style.muted, 1));
        if dense || t % 5.0 == 0.0 || t == outer[0] || t == outer[outer.len() - 1] {
            let align = if t == x.d1 { Align::End } else { Align::Middle };
            out.push(text(fixed(t, 0, lang), (px, bottom + 6.0), style.small(), align, Baseline::Top));
        }
    }
    let title = Text::new("2020年人口出生率（‰）", "Crude birth rate 2020 (‰)").get(lang);
    out.push(text(title, (x.r1, bottom + font * 1.9), style.small(), Align::End, Baseline::Top));
    out
}

/// The ageing axis's labels and the note's thresholds as dashed lines,
/// named at the left, where birth rates below 9‰ leave room.
fn ageing(x: &Linear, y: &Linear, top: f64, style: &Style, lang: Lang) -> Vec<Mark<'static>> {
    let mut out: Vec<Mark> = y
        .ticks(style.font_px * 3.0)
        .into_iter()
        .map(|t| text(fixed(t, 0, lang), (x.r0 - 6.0, y.map(t)), style.small(), Align::End, Baseline::Middle))
        .collect();
    let title = Text::new("60岁及以上人口占比（%）", "Share aged 60+ (%)").get(lang);
    out.push(text(title, (MARGIN, top - style.font_px * 1.4), style.small(), Align::Start, Baseline::Bottom));
    for (v, name) in bounds(&AGEING_BANDS).into_iter().zip(LINE_NAMES) {
        out.push(Mark::Dashed {
            x: Scale::Px,
            y: Scale::Px,
            from: (x.r0, y.map(v)),
            to: (x.r1, y.map(v)),
            colour: style.muted,
            width: 1,
            dash: 4.0,
        });
        out.push(text(
            format!("{}% {}", fixed(v, 0, lang), name.get(lang)),
            (x.r0 + 4.0, y.map(v) - 3.0),
            style.small(),
            Align::Start,
            Baseline::Bottom,
        ));
    }
    out
}

/// An axis-aligned box, for keeping labels apart.
#[derive(Clone, Copy)]
struct Box2 {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Box2 {
    fn hits(&self, o: &Box2) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    /// The area it shares with `o`.
    fn overlap(&self, o: &Box2) -> f64 {
        (self.x1.min(o.x1) - self.x0.max(o.x0)).max(0.0) * (self.y1.min(o.y1) - self.y0.max(o.y0)).max(0.0)
    }
}

/// The counties' points, largest first so that small ones stay visible,
/// and the boxes they take.
fn points(x: &Linear, y: &Linear, style: &Style) -> (Vec<Mark<'static>>, Vec<Box2>) {
    let font = style.font_px;
    let counties = crate::num::largest_first(COUNTIES.iter(), |c| c.minority_share_2020.value);
    let (mut marks, mut taken) = (Vec::new(), Vec::new());
    for county in counties {
        let at = (county.cbr_2020.value, county.share_60plus_2020.value);
        let (px, py) = (x.map(at.0), y.map(at.1));
        let r = radius(county.minority_share_2020.value, font);
        taken.push(Box2 { x0: px - r, y0: py - r, x1: px + r, y1: py + r });
        let dot = |symbol, colour| Mark::Dots { x: (*x).into(), y: (*y).into(), points: vec![at], symbol, r, colour };
        if basin(county) {
            marks.extend([dot(Symbol::Dot, style.series[0]), dot(Symbol::Ring, style.paper)]);
        } else {
            marks.push(dot(Symbol::Triangle, style.series[1]));
        }
    }
    (marks, taken)
}

/// Each county's name at the first place around its point that touches no
/// other name or point, or, where every place touches something, the one
/// that touches least; the order is fixed, so the result is too.
fn names(x: &Linear, y: &Linear, area: Box2, mut taken: Vec<Box2>, style: &Style, lang: Lang) -> Mark<'static> {
    let label_px = style.px(0.85);
    let inside = |b: &Box2| b.x0 >= area.x0 && b.x1 <= area.x1 && b.y0 >= area.y0 && b.y1 <= area.y1;
    let mut labels = Vec::new();
    for county in COUNTIES.iter() {
        let (px, py) = (x.map(county.cbr_2020.value), y.map(county.share_60plus_2020.value));
        let r = radius(county.minority_share_2020.value, style.font_px) + 3.0;
        let name = county.short.get(lang);
        let (w, h) = (text_width(name, label_px), label_px * 1.1);
        let candidates = [
            (px + r, py - h / 2.0, Align::Start),
            (px - r - w, py - h / 2.0, Align::End),
            (px - w / 2.0, py - r - h, Align::Middle),
            (px - w / 2.0, py + r, Align::Middle),
            (px + r, py - r - h * 0.8, Align::Start),
            (px + r, py + r * 0.2, Align::Start),
            (px - r - w, py - r - h * 0.8, Align::End),
            (px - r - w, py + r * 0.2, Align::End),
        ];
        let boxes: Vec<(Box2, Align)> =
            candidates.iter().map(|&(bx, by, a)| (Box2 { x0: bx, y0: by, x1: bx + w, y1: by + h }, a)).collect();
        let overlap = |b: &Box2| if inside(b) { 0.0 } else { w * h } + taken.iter().map(|t| b.overlap(t)).sum::<f64>();
        let (b, align) = boxes
            .iter()
            .copied()
            .find(|(b, _)| inside(b) && !taken.iter().any(|t| t.hits(b)))
            .unwrap_or_else(|| boxes.iter().copied().min_by(|a, b| overlap(&a.0).total_cmp(&overlap(&b.0))).unwrap_or(boxes[0]));
        taken.push(b);
        let tx = match align {
            Align::Start => b.x0,
            Align::End => b.x1,
            Align::Middle => (b.x0 + b.x1) / 2.0,
        };
        let font = Font { px: label_px, colour: style.ink, bold: false };
        labels.push(Label::new(name, (tx, (b.y0 + b.y1) / 2.0), font, align, Baseline::Middle));
    }
    Mark::Text { x: Scale::Px, y: Scale::Px, labels }
}

fn plot(width: u32, spec: &Spec) -> Plot<'static> {
    let (lang, style) = (spec.lang, spec.style());
    let font = style.font_px;
    let x0 = MARGIN + text_width("20", font * 0.9) + 12.0;
    let x1 = f64::from(width) - MARGIN;
    let areas = [Text::new("安宁河流域县（市）", "Anning river basin"), Text::new("其他区域县", "Other counties")].map(|t| t.get(lang));
    let key = Key2::new(&style, lang, x1, areas);
    let top = MARGIN + key.height(font) + font * 1.8;
    let bottom = top + (f64::from(width) * 0.7).clamp(font * 22.0, font * 34.0);
    let (x, ticks) = birth_axis((x0, x1));
    let y = ageing_axis((bottom, top));
    let mut plot = Plot::new(width, (bottom + font * 3.6 + MARGIN) as u32);
    plot.extend(key.marks(&style, x1));
    plot.extend(bands(&x, &ticks, (top, bottom), &style, lang));
    plot.extend(ageing(&x, &y, top, &style, lang));
    plot.add(line(vec![(x0, bottom), (x1, bottom)], style.ink, 1));
    plot.add(line(vec![(x0, top), (x0, bottom)], style.ink, 1));
    let (marks, taken) = points(&x, &y, &style);
    plot.extend(marks);
    plot.add(names(&x, &y, Box2 { x0, y0: top, x1, y1: bottom }, taken, &style, lang));
    plot
}

fn summary(lang: Lang) -> String {
    let in_basin: Vec<&County> = COUNTIES.iter().filter(|c| basin(c)).collect();
    // The low end of the note's normal birth rates, and the start of ageing.
    let (low_cbr, ageing) = (BIRTH_RATE_BANDS[3].lower, AGEING_BANDS[0].upper);
    let low = in_basin.iter().filter(|c| c.cbr_2020.value < low_cbr).count();
    let old = in_basin.iter().filter(|c| c.share_60plus_2020.value > ageing).count();
    let (Some(lo), Some(hi)) = (
        COUNTIES.iter().min_by(|a, b| a.cbr_2020.value.total_cmp(&b.cbr_2020.value)),
        COUNTIES.iter().max_by(|a, b| a.cbr_2020.value.total_cmp(&b.cbr_2020.value)),
    ) else {
        return String::new();
    };
    let n = in_basin.len();
    let (c, a) = (fixed(low_cbr, 0, lang), fixed(ageing, 0, lang));
    let times = fixed(hi.cbr_2020.value / lo.cbr_2020.value, 1, lang);
    let (lo_r, hi_r) = (lo.cbr_2020.text, hi.cbr_2020.text);
    match lang {
        Lang::Zh => format!("安宁河流域{n}个县（市）中{low}个出生率低于{c}‰、{old}个60岁及以上人口占比超过{a}%；出生率最低的{}为{lo_r}‰，最高的{}为{hi_r}‰，相差{times}倍。", lo.name.zh, hi.name.zh),
        Lang::En => format!(
            "Of the {n} Anning-basin counties, {low} have a birth rate below {c}‰ and {old} have more than {a}% aged 60+; the birth rate ranges from {lo_r}‰ in {} to {hi_r}‰ in {}, {times} times as high.",
            lo.name.en, hi.name.en
        ),
    }
}

pub fn data_table(lang: Lang) -> DataTable {
    let cols = match lang {
        Lang::Zh => ["县（市）", "区域", "出生率（‰）", "出生率分类", "60岁及以上（%）", "老龄化分类", "少数民族（%）"],
        Lang::En => ["County", "Area", "Birth rate (‰)", "Birth-rate band", "Aged 60+ (%)", "Ageing band", "Minorities (%)"],
    };
    let area = |c: &County| if basin(c) { Text::new("安宁河流域", "Anning basin") } else { Text::new("其他区域", "other") }.get(lang);
    let rows = COUNTIES
        .iter()
        .map(|c| {
            vec![
                c.name.get(lang).to_string(),
                area(c).to_string(),
                c.cbr_2020.text.to_string(),
                birth_rate_band(c.cbr_2020.value).name.get(lang).to_string(),
                c.share_60plus_2020.text.to_string(),
                ageing_band(c.share_60plus_2020.value).name.get(lang).to_string(),
                c.minority_share_2020.text.to_string(),
            ]
        })
        .collect();
    table(&cols, rows)
}

pub fn render(width: u32, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let lines: Vec<String> = bounds(&AGEING_BANDS).into_iter().map(|v| format!("{}%", fixed(v, 0, lang))).collect();
    let lines = lines.join(Text::new("、", ", ").get(lang));
    let note = match lang {
        Lang::Zh => format!("背景色带为表5注①的出生率分类（区间含下限），虚线为注②的老龄化界线（{lines}）。"),
        Lang::En => format!("Background bands are the birth-rate bands of note ① to Table 5 (each including its lower bound); dashed lines are the ageing thresholds of note ② ({lines})."),
    };
    let sources = vec![TABLE5_AT.cite(lang), BANDS_AT.cite(lang)];
    let texts = Texts { title: TITLE.get(lang).into(), summary: summary(lang), sources, notes: vec![note], table: data_table(lang) };
    finish(ID, spec, &plot(width, spec), texts)
}
