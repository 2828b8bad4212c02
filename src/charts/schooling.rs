//! 表2: mean years of schooling of every city and prefecture of Sichuan,
//! 2010 and 2020, as a dumbbell plot sorted by the 2020 value, with the
//! size of each rise. Liangshan and the province average are marked by a
//! shaded row and bold labels, not by colour alone.

use super::canvas::{draw_svg, Align, Baseline, Key, Legend, Scale};
use super::ChartId;
use super::{assemble, table, text_width, Chart, Parts, Spec};
use crate::data::tables::{SchoolingRow, TABLE2, TABLE2_AT};
use crate::error::Error;
use crate::i18n::{fixed, Lang, Text};

pub const ID: ChartId = ChartId::Schooling;
pub const TITLE: Text = Text::new(
    "四川各市（州）15岁及以上人口平均受教育年限，2010年和2020年",
    "Mean years of schooling (population 15+) in Sichuan's cities and prefectures, 2010 and 2020",
);

fn marked(r: &SchoolingRow) -> bool {
    r.id == "liangshan" || r.id == "sichuan"
}

pub fn render(width: u32, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let style = spec.style();
    let font = style.font_px;
    let mut rows: Vec<&SchoolingRow> = TABLE2.iter().collect();
    rows.sort_by(|a, b| b.years_2020.value.total_cmp(&a.years_2020.value).then(a.id.cmp(b.id)));

    let margin = 8.0;
    let row_h = (font * 1.9).round();
    let (y2010, y2020) = if lang == Lang::Zh { ("2010年", "2020年") } else { ("2010", "2020") };
    let legend = Legend { entries: vec![(Key::Ring(style.series[1]), y2010), (Key::Dot(style.series[0]), y2020)] };
    let legend_h = legend.height(margin, f64::from(width) - margin, font);
    let top = margin + legend_h + font * 2.0;
    let label_w = rows.iter().map(|r| text_width(r.short.get(lang), font)).fold(0.0, f64::max) + 12.0;
    let rise_w = text_width("+1.11", font) + 12.0;
    let x0 = margin + label_w;
    let x1 = f64::from(width) - margin - rise_w;
    let x = Scale::new((5.0, 11.0), (x0 + 6.0, x1 - 6.0));
    let bottom = top + row_h * rows.len() as f64;
    let height = (bottom + margin) as u32;
    let (c2010, c2020) = (style.series[1], style.series[0]);

    let raw = draw_svg(width, height, style, |c| {
        legend.draw(c, margin, f64::from(width) - margin, margin)?;
        c.note(if lang == Lang::Zh { "提高" } else { "rise" }, f64::from(width) - margin, top - 8.0, Align::End, Baseline::Bottom)?;
        c.note(if lang == Lang::Zh { "年" } else { "years" }, x0 - 8.0, top - 8.0, Align::End, Baseline::Bottom)?;
        for t in (5..=11).map(f64::from) {
            let px = x.map(t);
            c.line(&[(px, top - 4.0), (px, bottom)], style.grid, 1)?;
            c.note(&fixed(t, 0, lang), px, top - 8.0, Align::Middle, Baseline::Bottom)?;
        }
        for (i, r) in rows.iter().enumerate() {
            let cy = top + row_h * (i as f64 + 0.5);
            if marked(r) {
                c.rect(margin, cy - row_h / 2.0 + 1.0, f64::from(width) - margin, cy + row_h / 2.0 - 1.0, style.bands[0])?;
            }
            let (a, b) = (x.map(r.years_2010.value), x.map(r.years_2020.value));
            c.line(&[(a, cy), (b, cy)], style.muted, 2)?;
            c.circle(a, cy, font * 0.35, c2010, false)?;
            c.circle(b, cy, font * 0.35, c2020, true)?;
            c.text(r.short.get(lang), x0 - 8.0, cy, font, style.ink, Align::End, Baseline::Middle, marked(r))?;
            c.text(&format!("+{}", r.rise.text), f64::from(width) - margin, cy, font, style.ink, Align::End, Baseline::Middle, marked(r))?;
        }
        Ok(())
    })?;

    let ls = TABLE2.iter().find(|r| r.id == "liangshan");
    let sc = TABLE2.iter().find(|r| r.id == "sichuan");
    let summary = match (ls, sc) {
        (Some(ls), Some(sc)) => {
            let cities: Vec<&SchoolingRow> = TABLE2.iter().filter(|r| r.id != "sichuan").collect();
            let lower = cities.iter().filter(|r| r.years_2020.value < ls.years_2020.value).count();
            let faster = cities.iter().filter(|r| r.rise.value > ls.rise.value).count();
            let gap = sc.years_2020.value - ls.years_2020.value;
            match lang {
                Lang::Zh => format!(
                    "凉山由{}年提高到{}年，提高幅度全省并列第{}；但在{}个市（州）中仍排倒数第{}，比全省平均少{}年。",
                    ls.years_2010.text, ls.years_2020.text, faster + 1, cities.len(), lower + 1, fixed(gap, 2, lang)
                ),
                Lang::En => format!(
                    "Liangshan rose from {} to {} years, joint {} largest rise in the province; yet it is still {} lowest of {} and {} years below the provincial average.",
                    ls.years_2010.text, ls.years_2020.text, ordinal(faster + 1), ordinal(lower + 1), cities.len(), fixed(gap, 2, lang)
                ),
            }
        }
        _ => String::new(),
    };
    let cols: [&str; 4] = match lang {
        Lang::Zh => ["地区", "“七普”（年）", "“六普”（年）", "提高幅度（年）"],
        Lang::En => ["Area", "2020 (years)", "2010 (years)", "Rise (years)"],
    };
    let rows = TABLE2
        .iter()
        .map(|r| vec![r.name.get(lang).to_string(), r.years_2020.text.to_string(), r.years_2010.text.to_string(), r.rise.text.to_string()])
        .collect();
    assemble(
        spec,
        width,
        height,
        &raw,
        Parts {
            id: ID,
            title: TITLE.get(lang).to_string(),
            summary,
            sources: vec![TABLE2_AT.cite(lang)],
            notes: Vec::new(),
            table: table(&cols, rows),
        },
    )
}

fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}
