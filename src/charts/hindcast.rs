//! The hindcast, in the methods section: how far the method, started from
//! a 2010 base, lands from the 2020 census. Each published share is a row;
//! its two bars are the errors (percentage points) of the two hindcasts,
//! solid for the components known in 2010, hatched for those the 2020
//! census implies, each labelled with its value. The table has every
//! aggregate, the population and the sex ratio too.

use super::canvas::{Align, Baseline, Key, Legend, Style};
use super::grammar::{line, text, Band, Bar, Fill, Label, Linear, Mark, Orient, Plot, Scale};
use super::{finish, table, text_width, wrap, Chart, ChartId, DataTable, Spec, Texts};
use crate::data::external::CENSUS_FACTS_FILE;
use crate::error::Error;
use crate::i18n::{fixed, signed, Lang, Text};
use crate::num::largest_first;
use crate::projection::hindcast::{Aggregate, Components, Hindcast, Row, E0_GAIN};

pub const ID: ChartId = ChartId::Hindcast;
pub const TITLE: Text =
    Text::new("回溯检验：从2010年推算到2020年，与“七普”对照", "Hindcast: the method from a 2010 base to 2020, against the 2020 census");

const MARGIN: f64 = 8.0;

/// What each aggregate is.
pub fn name(a: Aggregate) -> Text {
    match a {
        Aggregate::Total => Text::new("常住人口", "Population"),
        Aggregate::Share0To14 => Text::new("0—14岁占比", "Share aged 0-14"),
        Aggregate::Share10To14 => Text::new("10—14岁占比", "Share aged 10-14"),
        Aggregate::Share15To64 => Text::new("15—64岁占比", "Share aged 15-64"),
        Aggregate::Share55To59 => Text::new("55—59岁占比", "Share aged 55-59"),
        Aggregate::Share60Plus => Text::new("60岁及以上占比", "Share aged 60+"),
        Aggregate::Share65Plus => Text::new("65岁及以上占比", "Share aged 65+"),
        Aggregate::SexRatio => Text::new("性别比（女=100）", "Sex ratio (males per 100 females)"),
    }
}

/// Which components carried the 2010 base.
pub fn components_name(c: Components) -> Text {
    match c {
        Components::Then => Text::new("用2010年可知的参数", "Rates known in 2010"),
        Components::Census => Text::new("用“七普”隐含的参数", "Census-implied rates"),
    }
}

fn is_share(a: Aggregate) -> bool {
    !matches!(a, Aggregate::Total | Aggregate::SexRatio)
}

/// A value as the published figure prints it: persons whole, shares and
/// the sex ratio to two decimals.
pub fn value(a: Aggregate, v: f64, lang: Lang) -> String {
    match a {
        Aggregate::Total => fixed(v, 0, lang),
        _ if is_share(a) => format!("{}%", fixed(v, 2, lang)),
        _ => fixed(v, 2, lang),
    }
}

/// An error: persons and percent for the population, points otherwise.
pub fn error(r: &Row, c: Components, lang: Lang) -> String {
    let e = r.error(c);
    match r.aggregate {
        Aggregate::Total => format!("{} ({}%)", signed(e, 0, lang), signed(e / r.published * 100.0, 2, lang)),
        _ => signed(e, 2, lang),
    }
}

fn plot(width: u32, rows: &[&Row], spec: &Spec) -> Plot<'static> {
    let (lang, style) = (spec.lang, spec.style());
    let font = style.font_px;
    let paths = [Components::Then, Components::Census];
    let fills = |c: Components, style: &Style| match c {
        Components::Then => Fill::Solid(style.series[0]),
        Components::Census => Fill::Hatched { colour: style.series[1], spacing: 5.0 },
    };
    let legend = Legend {
        entries: vec![
            (Key::Swatch(style.series[0]), components_name(Components::Then).get(lang)),
            (Key::Hatch(style.series[1]), components_name(Components::Census).get(lang)),
        ],
    };
    let legend_h = legend.height(MARGIN, f64::from(width) - MARGIN, font);
    // Each row: its name and published value (wrapped to the width) above its two bars.
    let bar = (font * 1.1).round();
    let bars_h = 2.0 * (bar + 3.0) + font * 0.6;
    let axis = Text::new("误差（百分点）：◀ 低于公布值 · 高于公布值 ▶", "Error (percentage points): ◀ below the published · above ▶");
    let axis_lines = wrap(axis.get(lang), (f64::from(width) - 2.0 * MARGIN) / style.px(0.9));
    let axis_h = axis_lines.len() as f64 * font * 1.3;
    let top = MARGIN + legend_h + axis_h + font * 0.8;
    let headings: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let h = match lang {
                Lang::Zh => format!("{}：公布 {}", name(r.aggregate).zh, value(r.aggregate, r.published, lang)),
                Lang::En => format!("{}: published {}", name(r.aggregate).en, value(r.aggregate, r.published, lang)),
            };
            wrap(&h, (f64::from(width) - 2.0 * MARGIN) / font)
        })
        .collect();
    let line_h = font * 1.3;
    let errors: Vec<f64> = rows.iter().flat_map(|r| paths.map(|c| r.error(c))).collect();
    let value_w = text_width("−00.00", font) + 8.0;
    let (lo, hi) = errors.iter().fold((0.0f64, 0.0f64), |(lo, hi), e| (lo.min(*e), hi.max(*e)));
    let x = Linear::new((lo, hi), (MARGIN + value_w, f64::from(width) - MARGIN - value_w));
    let zero = x.map(0.0);
    let bottom = top + headings.iter().map(|h| h.len() as f64 * line_h + font * 0.2 + bars_h).sum::<f64>();
    let mut plot = Plot::new(width, (bottom + MARGIN) as u32);
    plot.add(Mark::Legend { legend, x0: MARGIN, x1: f64::from(width) - MARGIN, y0: MARGIN });
    for (i, l) in axis_lines.into_iter().enumerate() {
        plot.add(text(l, (MARGIN, MARGIN + legend_h + font * 0.3 + i as f64 * font * 1.3), style.small(), Align::Start, Baseline::Top));
    }
    let mut y0 = top;
    for (r, heading) in rows.iter().zip(headings) {
        let label_h = heading.len() as f64 * line_h + font * 0.2;
        for (k, l) in heading.into_iter().enumerate() {
            plot.add(text(l, (MARGIN, y0 + k as f64 * line_h), style.body(), Align::Start, Baseline::Top));
        }
        let band = Band::top(y0 + label_h, bar + 3.0, bar);
        for (j, c) in paths.into_iter().enumerate() {
            let e = r.error(c);
            if e != 0.0 {
                let (from, to) = if e > 0.0 { (0.0, e) } else { (e, 0.0) };
                plot.add(Mark::bar(x, band, Orient::Horizontal, Bar { band: j, from, to, fill: fills(c, &style) }, 1.0));
            }
            let (at, align) = if e >= 0.0 { (x.map(e) + 5.0, Align::Start) } else { (x.map(e) - 5.0, Align::End) };
            plot.add(Mark::Text {
                x: Scale::Px,
                y: Scale::Band(band),
                labels: vec![Label::new(signed(e, 2, lang), (at, j as f64), style.small(), align, Baseline::Middle)],
            });
        }
        plot.add(line(vec![(zero, y0 + label_h - 2.0), (zero, y0 + label_h + 2.0 * (bar + 3.0))], style.ink, 1));
        y0 += label_h + bars_h;
    }
    plot
}

fn row(h: &Hindcast, a: Aggregate) -> &Row {
    h.rows.iter().find(|r| r.aggregate == a).expect("the hindcast has every aggregate")
}

/// One sentence from the data: the census path's population error, then
/// its largest share errors (every share's English name starts "Share ").
fn summary(h: &Hindcast, lang: Lang) -> String {
    let c = Components::Census;
    let total = row(h, Aggregate::Total);
    let pct = signed(total.error(c) / total.published * 100.0, 2, lang);
    let shares = largest_first(h.rows.iter().filter(|r| is_share(r.aggregate)), |r| r.error(c).abs());
    let parts: Vec<String> = shares
        .iter()
        .take(3)
        .map(|r| match lang {
            Lang::Zh => format!("{}{}个百分点", name(r.aggregate).zh, signed(r.error(c), 2, lang)),
            Lang::En => format!("the share {} {} points", &name(r.aggregate).en["Share ".len()..], signed(r.error(c), 2, lang)),
        })
        .collect();
    match lang {
        Lang::Zh => format!(
            "以“七普”隐含的出生、死亡和迁移把2010年的估计人口推到2020年，总人口与普查相差{pct}%，年龄结构偏差较大：{}。",
            parts.join("，")
        ),
        Lang::En => format!(
            "Carried from its 2010 estimate to 2020 with the births, deaths and migration the 2020 census implies, the method lands {pct}% from the census population, and further off in the age structure: {}.",
            parts.join(", ")
        ),
    }
}

fn notes(h: &Hindcast, lang: Lang) -> Vec<String> {
    let [then, census] = &h.paths;
    let t = |v: f64| fixed(v, 2, lang);
    let srb = crate::projection::base::PRIOR_SRB;
    let e0 = |p: &crate::projection::hindcast::Path, k: usize| t((p.e0_female[k] + srb * p.e0_male[k]) / (1.0 + srb));
    // The figures each sentence quotes, formatted once for either language.
    let (held, gain, moved) = (t(then.tfr[0]), fixed(E0_GAIN, 2, lang), signed(then.net_migration, 0, lang));
    let (from, to, births) = (t(census.tfr[0]), t(census.tfr[9]), fixed(census.births, 0, lang));
    let (e0_from, e0_to, migrants) = (e0(census, 0), e0(census, 9), signed(census.net_migration, 0, lang));
    match lang {
        Lang::Zh => vec![
            "估计：2010年的基期人口是按2020年同样的方法，由2010年公布的分组人口、60岁及以上占比（推算）、性别比、预期寿命、婴儿死亡率和出生率估计的；2020年的对照值是公布数。".to_string(),
            format!("2010年可知的参数：总和生育率保持{held}（2010年出生率所隐含），预期寿命每年提高{gain}岁，净迁移每年{moved}人（“五普”至“六普”的人口变化减去自然增长，本方法的估计）。"),
            format!("“七普”隐含的参数：总和生育率由{from}升至{to}（使十年出生{births}人，即2020年0—9岁人口所隐含的出生），预期寿命由{e0_from}升至{e0_to}岁，净迁移每年{migrants}人。"),
        ],
        Lang::En => vec![
            "Estimates: the 2010 base is estimated as 2020's is, from 2010's published groups, the 60+ share (derived), the sex ratio, life expectancy, infant mortality and birth rate; the 2020 values compared with are published.".to_string(),
            format!("Rates known in 2010: a TFR held at {held} (2010's birth rate implies it), life expectancy gaining {gain} a year, net migration {moved} a year (2000-2010's census change less natural increase, as the method estimates it)."),
            format!("Census-implied rates: a TFR from {from} to {to} (giving the decade {births} births, those 2020's ages 0-9 imply), life expectancy from {e0_from} to {e0_to}, net migration {migrants} a year."),
        ],
    }
}

/// Every aggregate: published, each hindcast and its error, the source.
pub fn data(h: &Hindcast, lang: Lang) -> DataTable {
    let cols: [&str; 7] = match lang {
        Lang::Zh => ["2020年", "公布值", "回溯：2010年可知的参数", "误差", "回溯：“七普”隐含的参数", "误差", "公布值来源"],
        Lang::En => [
            "2020",
            "Published",
            "Hindcast: rates known in 2010",
            "Error",
            "Hindcast: census-implied rates",
            "Error",
            "Source of the published value",
        ],
    };
    let rows = h
        .rows
        .iter()
        .map(|r| {
            vec![
                name(r.aggregate).get(lang).to_string(),
                value(r.aggregate, r.published, lang),
                value(r.aggregate, r.then, lang),
                error(r, Components::Then, lang),
                value(r.aggregate, r.census, lang),
                error(r, Components::Census, lang),
                r.source.cite(lang),
            ]
        })
        .collect();
    table(&cols, rows)
}

pub fn render(h: &Hindcast, spec: &Spec) -> Result<Chart, Error> {
    let width = super::check_width(spec.width)?;
    let lang = spec.lang;
    let rows: Vec<&Row> = h.rows.iter().filter(|r| is_share(r.aggregate)).collect();
    let census = match lang {
        Lang::Zh => format!("“五普”“六普”公报转载（{CENSUS_FACTS_FILE}，二手来源）"),
        Lang::En => format!("reposts of the 2000 and 2010 census bulletins ({CENSUS_FACTS_FILE}, secondary)"),
    };
    let texts = Texts {
        title: TITLE.get(lang).to_string(),
        summary: summary(h, lang),
        sources: {
            let mut cites: Vec<String> = Vec::new();
            for r in &h.rows {
                let c = r.source.cite(lang);
                if !cites.contains(&c) {
                    cites.push(c);
                }
            }
            cites.push(census);
            cites
        },
        notes: notes(h, lang),
        table: data(h, lang),
    };
    finish(ID, spec, &plot(width, &rows, spec), texts)
}
