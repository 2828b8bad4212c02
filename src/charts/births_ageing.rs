//! 表5: each county's 2020 birth rate against its share aged 60+, point size
//! by the share of ethnic minorities, Anning-basin counties as circles and
//! the others as triangles, over the bands of the table's own note.

use super::canvas::{draw_svg, Align, Baseline, Key, Legend, Scale};
use super::ChartId;
use super::{assemble, table, text_width, Chart, Parts, Spec};
use crate::data::counties::{County, ANNING_BASIN, COUNTIES, TABLE5_AT};
use crate::error::Error;
use crate::i18n::{fixed, Lang, Text};
use crate::indicators::{ageing_band, birth_rate_band, BANDS_AT, BIRTH_RATE_BANDS};

pub const ID: ChartId = ChartId::CountyBirthsAgeing;
pub const TITLE: Text = Text::new("各县（市）出生率与老龄化，2020年", "Birth rate and ageing by county, 2020");

/// Radius from the minority share: area proportional to the share.
fn radius(share: f64, font: f64) -> f64 {
    font * 0.25 + font * 0.55 * (share / 100.0).sqrt()
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
}

pub fn render(width: u32, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let zh = lang == Lang::Zh;
    let style = spec.style();
    let font = style.font_px;
    let margin = 8.0;
    let axis_w = text_width("20", font * 0.9) + 12.0;
    let x0 = margin + axis_w;
    let x1 = f64::from(width) - margin;
    let (t1, t2) = if zh { ("安宁河流域县（市）", "其他区域县") } else { ("Anning river basin", "Other counties") };
    let legend = Legend { entries: vec![(Key::Dot(style.series[0]), t1), (Key::Triangle(style.series[1]), t2)] };
    let shapes_h = legend.height(margin, x1, font);
    let size_t = if zh { "点的大小：少数民族人口占比" } else { "Size: % ethnic minorities" };
    // The size key follows on the same line, or on the next if it would not fit.
    let key_w: f64 =
        [10.0, 50.0, 100.0].iter().map(|s| 2.0 * radius(*s, font) + 4.0 + text_width("100%", style.px(0.9)) + font * 0.6).sum();
    let same_line = margin + text_width(size_t, style.px(0.9)) + font + key_w <= x1;
    let legend_h = shapes_h + if same_line { font * 2.6 } else { font * 4.3 };
    let top = margin + legend_h + font * 1.8;
    let plot_h = (f64::from(width) * 0.7).clamp(font * 22.0, font * 34.0);
    let bottom = top + plot_h;
    let x = Scale::new((5.0, 35.0), (x0, x1));
    // Up to 32%, so that all three lines of 表5's note show: 10%, 20%, 30%.
    let y = Scale::new((0.0, 32.0), (bottom, top));
    // Band names stand at the foot of each band, below every point.
    let band_label_px = style.px(0.8).min((x.map(2.0) - x.map(0.0)) * 0.7).floor();
    let height = (bottom + font * 3.6 + margin) as u32;
    let (basin_c, other_c) = (style.series[0], style.series[1]);

    let raw = draw_svg(width, height, style, |c| {
        // Legend: shapes, and what size means.
        legend.draw(c, margin, x1, margin)?;
        let ly = margin + shapes_h - font;
        let sy = ly + font * 1.7;
        c.note(size_t, margin, sy, Align::Start, Baseline::Middle)?;
        let (mut sx, sy) = if same_line { (margin + text_width(size_t, style.px(0.9)) + font, sy) } else { (margin, sy + font * 1.7) };
        for s in [10.0, 50.0, 100.0] {
            let r = radius(s, font);
            c.circle(sx + r, sy, r, style.muted, false)?;
            c.note(&format!("{s}%"), sx + 2.0 * r + 4.0, sy, Align::Start, Baseline::Middle)?;
            sx += 2.0 * r + 4.0 + text_width("100%", style.px(0.9)) + font * 0.6;
        }
        // Birth-rate bands of 表5's note, alternately shaded.
        for (i, b) in BIRTH_RATE_BANDS.iter().enumerate() {
            let (lo, hi) = (b.lower.max(5.0), b.upper.min(35.0));
            c.rect(x.map(lo), top, x.map(hi), bottom, style.bands[i % 2])?;
            if band_label_px >= 9.0 {
                let name = b.name.get(lang).trim_end_matches(" fertility");
                c.text_up_to(name, (x.map(lo) + x.map(hi)) / 2.0, bottom - 4.0, band_label_px, style.muted)?;
            }
        }
        // Ticks at the band bounds; where they crowd, label every other one.
        let dense = x.map(2.0) - x.map(0.0) >= font * 1.8;
        for t in [5.0, 11.0, 13.0, 15.0, 17.0, 19.0, 21.0, 25.0, 30.0, 35.0] {
            let px = x.map(t);
            c.line(&[(px, bottom), (px, bottom + 4.0)], style.muted, 1)?;
            if dense || [5.0, 11.0, 15.0, 21.0, 25.0, 30.0, 35.0].contains(&t) {
                let align = if t == 35.0 { Align::End } else { Align::Middle };
                c.note(&fixed(t, 0, lang), px, bottom + 6.0, align, Baseline::Top)?;
            }
        }
        c.note(if zh { "2020年人口出生率（‰）" } else { "Crude birth rate 2020 (‰)" }, x1, bottom + font * 1.9, Align::End, Baseline::Top)?;
        for t in [0.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0] {
            c.note(&fixed(t, 0, lang), x0 - 6.0, y.map(t), Align::End, Baseline::Middle)?;
        }
        c.note(
            if zh { "60岁及以上人口占比（%）" } else { "Share aged 60+ (%)" },
            margin,
            top - font * 1.4,
            Align::Start,
            Baseline::Bottom,
        )?;
        // The ageing lines of the note.
        for (v, zh_l, en_l) in [
            (10.0, "10% 老龄化社会", "10% ageing"),
            (20.0, "20% 中度老龄化", "20% moderately aged"),
            (30.0, "30% 重度老龄化", "30% severely aged"),
        ] {
            c.dashed((x0, y.map(v)), (x1, y.map(v)), style.muted, 1, 4.0)?;
            // At the left, where birth rates below 9‰ leave room.
            c.note(if zh { zh_l } else { en_l }, x0 + 4.0, y.map(v) - 3.0, Align::Start, Baseline::Bottom)?;
        }
        c.line(&[(x0, bottom), (x1, bottom)], style.ink, 1)?;
        c.line(&[(x0, top), (x0, bottom)], style.ink, 1)?;

        // Points, largest first so that small ones stay visible.
        let mut counties: Vec<&County> = COUNTIES.iter().collect();
        counties.sort_by(|a, b| b.minority_share_2020.value.total_cmp(&a.minority_share_2020.value));
        let mut taken: Vec<Box2> = Vec::new();
        for county in &counties {
            let (px, py) = (x.map(county.cbr_2020.value), y.map(county.share_60plus_2020.value));
            let r = radius(county.minority_share_2020.value, font);
            taken.push(Box2 { x0: px - r, y0: py - r, x1: px + r, y1: py + r });
            if ANNING_BASIN.contains(county.county_id()) {
                c.circle(px, py, r, basin_c, true)?;
                c.circle(px, py, r, style.paper, false)?;
            } else {
                c.triangle(px, py, r, other_c)?;
            }
        }
        // Labels: the first place around each point that touches no other
        // label or point; the order is fixed, so the result is too.
        let label_px = style.px(0.85);
        for county in COUNTIES.iter() {
            let (px, py) = (x.map(county.cbr_2020.value), y.map(county.share_60plus_2020.value));
            let r = radius(county.minority_share_2020.value, font) + 3.0;
            let name = county.short.get(lang);
            let w = text_width(name, label_px);
            let h = label_px * 1.1;
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
            let inside = |b: &Box2| b.x0 >= x0 && b.x1 <= x1 && b.y0 >= top && b.y1 <= bottom;
            // Where every place touches something, the one that touches least.
            let overlap = |b: &Box2| -> f64 {
                let outside = if inside(b) { 0.0 } else { w * h };
                outside
                    + taken
                        .iter()
                        .map(|t| ((b.x1.min(t.x1) - b.x0.max(t.x0)).max(0.0)) * ((b.y1.min(t.y1) - b.y0.max(t.y0)).max(0.0)))
                        .sum::<f64>()
            };
            let boxes: Vec<(Box2, Align)> =
                candidates.iter().map(|&(bx, by, a)| (Box2 { x0: bx, y0: by, x1: bx + w, y1: by + h }, a)).collect();
            let pick = boxes
                .iter()
                .copied()
                .find(|(b, _)| inside(b) && !taken.iter().any(|t| t.hits(b)))
                .unwrap_or_else(|| boxes.iter().copied().min_by(|a, b| overlap(&a.0).total_cmp(&overlap(&b.0))).unwrap_or(boxes[0]));
            let (b, align) = pick;
            taken.push(b);
            let tx = match align {
                Align::Start => b.x0,
                Align::End => b.x1,
                Align::Middle => (b.x0 + b.x1) / 2.0,
            };
            c.text(name, tx, (b.y0 + b.y1) / 2.0, label_px, style.ink, align, Baseline::Middle, false)?;
        }
        Ok(())
    })?;

    let basin: Vec<&County> = COUNTIES.iter().filter(|c| ANNING_BASIN.contains(c.county_id())).collect();
    let low = basin.iter().filter(|c| c.cbr_2020.value < 15.0).count();
    let old = basin.iter().filter(|c| c.share_60plus_2020.value > 10.0).count();
    let lowest = COUNTIES.iter().min_by(|a, b| a.cbr_2020.value.total_cmp(&b.cbr_2020.value));
    let highest = COUNTIES.iter().max_by(|a, b| a.cbr_2020.value.total_cmp(&b.cbr_2020.value));
    let summary = match (lowest, highest) {
        (Some(lo), Some(hi)) => match lang {
            Lang::Zh => format!(
                "安宁河流域{}个县（市）中{}个出生率低于15‰、{}个60岁及以上人口占比超过10%；出生率最低的{}为{}‰，最高的{}为{}‰，相差{:.1}倍。",
                basin.len(), low, old, lo.name.zh, lo.cbr_2020.text, hi.name.zh, hi.cbr_2020.text, hi.cbr_2020.value / lo.cbr_2020.value
            ),
            Lang::En => format!(
                "Of the {} Anning-basin counties, {} have a birth rate below 15‰ and {} have more than 10% aged 60+; the birth rate ranges from {}‰ in {} to {}‰ in {}, {:.1} times as high.",
                basin.len(), low, old, lo.cbr_2020.text, lo.name.en, hi.cbr_2020.text, hi.name.en, hi.cbr_2020.value / lo.cbr_2020.value
            ),
        },
        _ => String::new(),
    };
    let cols: [&str; 7] = if zh {
        ["县（市）", "区域", "出生率（‰）", "出生率分类", "60岁及以上（%）", "老龄化分类", "少数民族（%）"]
    } else {
        ["County", "Area", "Birth rate (‰)", "Birth-rate band", "Aged 60+ (%)", "Ageing band", "Minorities (%)"]
    };
    let rows = COUNTIES
        .iter()
        .map(|c| {
            let area = if ANNING_BASIN.contains(c.county_id()) {
                if zh {
                    "安宁河流域"
                } else {
                    "Anning basin"
                }
            } else if zh {
                "其他区域"
            } else {
                "other"
            };
            vec![
                c.name.get(lang).to_string(),
                area.to_string(),
                c.cbr_2020.text.to_string(),
                birth_rate_band(c.cbr_2020.value).name.get(lang).to_string(),
                c.share_60plus_2020.text.to_string(),
                ageing_band(c.share_60plus_2020.value).name.get(lang).to_string(),
                c.minority_share_2020.text.to_string(),
            ]
        })
        .collect();
    let notes = vec![match lang {
        Lang::Zh => "背景色带为表5注①的出生率分类（区间含下限），虚线为注②的老龄化界线（10%、20%、30%）。".to_string(),
        Lang::En => "Background bands are the birth-rate bands of note ① to Table 5 (each including its lower bound); dashed lines are the ageing thresholds of note ② (10%, 20%, 30%).".to_string(),
    }];
    assemble(
        spec,
        width,
        height,
        &raw,
        Parts {
            id: ID,
            title: TITLE.get(lang).to_string(),
            summary,
            sources: vec![TABLE5_AT.cite(lang), BANDS_AT.cite(lang)],
            notes,
            table: table(&cols, rows),
        },
    )
}
