//! What the counties' comparison charts share (the tile map, the ranked
//! bars, the two groups): the comparison and its measure, the colour
//! classes, and the texts around every one of them (title, notes,
//! sources, the counties' table).

use plotters::style::RGBColor;

use super::{say, View, PROJECTION_SOURCE};
use crate::charts::grammar::{extent, Linear};
use crate::charts::{table, AccentNote, DataTable};
use crate::data::counties::{CountyId, Region, Table5Group, TABLE3_AT, TABLE5_AT};
use crate::error::{Error, ErrorKind};
use crate::i18n::{fixed, Lang, Text};
use crate::present::services::{self as words, figure, measure_label, service_name};
use crate::projection::compare::{Comparison, Measure, Totals};
use crate::projection::services::Service;

/// The counties compared on a measure, and the region the reader chose.
pub struct Compared<'a> {
    pub c: &'a Comparison,
    pub measure: Measure,
    pub region: Region,
}

impl<'a> Compared<'a> {
    pub fn of(view: &View<'a>) -> Result<Compared<'a>, Error> {
        let (c, measure) = view.compared.ok_or_else(|| {
            Error::from(ErrorKind::InvalidArgument {
                name: "chart",
                value: "county comparison".into(),
                expected: "the counties' projections",
            })
        })?;
        Ok(Compared { c, measure, region: view.region })
    }

    pub fn service(&self) -> Service {
        self.c.service
    }

    /// The measure of a county or group.
    pub fn of_totals(&self, t: &Totals) -> f64 {
        self.measure.of(t)
    }

    /// The measure's figure of a county or group, as drawn.
    pub fn figure(&self, t: &Totals, lang: Lang) -> String {
        figure(self.measure, self.of_totals(t), lang)
    }

    /// The service's name inside a sentence (lower case in English).
    pub fn service_words(&self, lang: Lang) -> String {
        let name = service_name(self.service()).get(lang);
        match lang {
            Lang::Zh => name.to_string(),
            Lang::En => lower_first(name),
        }
    }

    pub fn measure_words(&self, lang: Lang) -> String {
        let name = measure_label(self.measure, self.service()).get(lang);
        match lang {
            Lang::Zh => name.to_string(),
            Lang::En => lower_first(name),
        }
    }

    /// A title: `what` ("各县（市）…", "by county"), with "（估计）" when
    /// every base is the estimate.
    pub fn title(&self, zh: String, en: String, lang: Lang) -> String {
        match (lang, self.c.estimate) {
            (Lang::Zh, true) => format!("{zh}（估计）"),
            (Lang::En, true) => format!("{en} (estimate)"),
            _ => say(lang, zh, en),
        }
    }

    /// What the drawing itself says of its bases, in the accent colour.
    pub fn accent(&self, width: u32, style: &crate::charts::Style, lang: Lang) -> AccentNote {
        let note = if self.c.estimate {
            Text::new(
                "各县（市）基期人口为估计值（年龄性别结构未公布）",
                "Base populations are estimates (the age-sex tables are not published)",
            )
        } else {
            Text::new("一个县（市）的基期人口为用户提供的数据", "One county's base population is the table provided")
        };
        AccentNote::new(note.get(lang), width, style)
    }

    /// The notes every comparison chart carries: where the bases come
    /// from, what the prefecture is here, and what the service's figures are not.
    pub fn notes(&self, lang: Lang) -> Vec<String> {
        let origin = if self.c.estimate {
            Text::new(
                "各县（市）基期人口为估计值：年龄性别结构未公布，由全州估计按各县出生率和60岁及以上占比（表5）调整，并与表3总数一致。",
                "Every county's base population is an estimate: its age-sex table is not published; the prefecture's estimate is tilted by the county's birth rate and share aged 60+ (Table 5) and kept to its total (Table 3).",
            )
        } else {
            Text::new(
                "一个县（市）的基期人口为用户提供的数据，其余为估计值。",
                "One county's base population is the table provided; the others are estimates.",
            )
        };
        let sum = Text::new(
            "全州数为17个县（市）预测之和：各县按各自的生育水平和迁移预测，因此与单独预测的全州略有不同。",
            "Liangshan here is the sum of the 17 counties' projections, each with its own fertility and migration, so it differs slightly from the prefecture projected as one population.",
        );
        let mut out = vec![origin.get(lang).to_string(), sum.get(lang).to_string()];
        out.extend(service_note(self.service()).map(|t| t.get(lang).to_string()));
        out
    }

    pub fn sources(&self, lang: Lang) -> Vec<String> {
        vec![PROJECTION_SOURCE.get(lang).to_string(), TABLE3_AT.cite(lang), TABLE5_AT.cite(lang)]
    }

    /// Every county, ranked by the measure (largest first), with all its figures.
    pub fn county_table(&self, lang: Lang) -> DataTable {
        let year = self.c.year;
        let unit = words::unit(self.service()).get(lang);
        let cols: Vec<String> = match lang {
            Lang::Zh => vec![
                "县（市）".into(),
                "区域".into(),
                format!("2020年（估计，{unit}）"),
                format!("{year}年（{unit}）"),
                format!("增减（{unit}）"),
                "增减（%）".into(),
                format!("占常住人口（%，{year}年）"),
            ],
            Lang::En => vec![
                "County".into(),
                "Group".into(),
                format!("2020 (estimate, {unit})"),
                format!("{year} ({unit})"),
                format!("Change ({unit})"),
                "Change (%)".into(),
                format!("Share of residents (%, {year})"),
            ],
        };
        let rows = self
            .c
            .ranked(self.measure)
            .iter()
            .map(|(id, t)| {
                let mut row = vec![id.county().name.get(lang).to_string(), group_name(id.county().table5_group).get(lang).to_string()];
                row.extend(self.figures(t, lang));
                row
            })
            .collect();
        let cols: Vec<&str> = cols.iter().map(String::as_str).collect();
        table(&cols, rows)
    }

    /// The figures of a county or group, as its table row shows them.
    pub fn figures(&self, t: &Totals, lang: Lang) -> [String; 5] {
        let share = if Measure::Share.applies_to(self.service()) { Measure::Share.of(t) } else { f64::NAN };
        let number = |v: f64, d: usize| if v.is_finite() { fixed(v, d, lang) } else { "—".into() };
        [
            number(t.base, 0),
            number(t.value, 0),
            figure(Measure::Persons, t.value - t.base, lang),
            figure(Measure::Change, Measure::Change.of(t), lang),
            number(share, 1),
        ]
    }

    /// Whether the reader's region is this county.
    pub fn marked(&self, id: CountyId) -> bool {
        self.region == Region::County(id)
    }
}

/// What a service's figures are not.
fn service_note(s: Service) -> Option<Text> {
    match s {
        Service::Age3To5 | Service::Age6To11 | Service::Age12To14 | Service::Age15To17 | Service::Age18To22 => Some(Text::new(
            "学龄按年龄计，不是在校人数：入学率、流动就学和寄宿不在其中。",
            "School ages by age alone, not enrolment: enrolment rates, schooling elsewhere and boarding are not in it.",
        )),
        Service::ChildcarePlaces => Some(Text::new(
            "托位按规划每千名常住人口4.5个计算；新建居住区每千人10个、老旧小区8个是规划的配建标准，预测不知道人们住在哪类小区，故未计算。",
            "Places at the plan's 4.5 per 1,000 residents; its norms of 10 per 1,000 in new residential areas and 8 in old ones are planning references, not computed: the projection does not know who lives where.",
        )),
        _ => None,
    }
}

/// "Aged 60+" as "aged 60+" inside a sentence (the names are ASCII: no
/// Unicode case tables in the core).
fn lower_first(s: &str) -> String {
    let mut out = s.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_lowercase();
    }
    out
}

/// A group's name, with how many counties it has.
pub fn group_name(g: Table5Group) -> Text {
    match g {
        Table5Group::AnningBasin => Text::new("安宁河流域8县（市）", "8 Anning river counties"),
        Table5Group::Other => Text::new("其他区域9县", "9 other counties"),
    }
}

pub const PREFECTURE_SUM: Text = Text::new("全州（17县市之和）", "Liangshan (sum of 17)");

/// Orange for a decline and purple for growth (ColorBrewer's PuOr, safe
/// for colour blindness), light near zero; blues for a level.
const DECLINE: [RGBColor; 4] =
    [RGBColor(0xFE, 0xE0, 0xB6), RGBColor(0xFD, 0xB8, 0x63), RGBColor(0xE0, 0x82, 0x14), RGBColor(0xB3, 0x58, 0x06)];
const GROWTH: [RGBColor; 4] =
    [RGBColor(0xD8, 0xDA, 0xEB), RGBColor(0xB2, 0xAB, 0xD2), RGBColor(0x80, 0x73, 0xAC), RGBColor(0x54, 0x27, 0x88)];
const LEVEL: [RGBColor; 5] = [
    RGBColor(0xEF, 0xF3, 0xFF),
    RGBColor(0xBD, 0xD7, 0xE7),
    RGBColor(0x6B, 0xAE, 0xD6),
    RGBColor(0x31, 0x82, 0xBD),
    RGBColor(0x08, 0x51, 0x9C),
];
const FLAT: RGBColor = RGBColor(0xE0, 0xE0, 0xE0);

/// Colour classes from the data: round breaks across its range (zero one
/// of them when a change runs both ways), each class its colour.
#[derive(Clone, Debug, PartialEq)]
pub struct Classes {
    /// Inner breaks, rising: class i holds values from breaks[i-1] up to breaks[i].
    pub breaks: Vec<f64>,
    pub colours: Vec<RGBColor>,
}

impl Classes {
    pub fn of(values: &[f64], measure: Measure) -> Classes {
        let (lo, hi) = extent(values.iter().copied());
        if hi - lo < 1e-9 {
            return Classes { breaks: Vec::new(), colours: vec![FLAT] };
        }
        // About four breaks across the range.
        let breaks: Vec<f64> = Linear::new((lo, hi), (0.0, 100.0)).ticks(18.0).into_iter().filter(|b| *b > lo && *b <= hi).collect();
        let n = breaks.len() + 1;
        let bound = |i: usize| (if i == 0 { lo } else { breaks[i - 1] }, if i == n - 1 { hi } else { breaks[i] });
        let colours = if measure.is_change() {
            let down = (0..n).filter(|i| bound(*i).1 <= 0.0).count();
            (0..n).map(|i| if i < down { DECLINE[(down - 1 - i).min(3)] } else { GROWTH[(i - down).min(3)] }).collect()
        } else {
            (0..n).map(|i| LEVEL[if n == 1 { 0 } else { (i * (LEVEL.len() - 1) + (n - 1) / 2) / (n - 1) }]).collect()
        };
        Classes { breaks, colours }
    }

    pub fn class_of(&self, v: f64) -> usize {
        self.breaks.iter().take_while(|b| v >= **b).count()
    }

    pub fn colour_of(&self, v: f64) -> RGBColor {
        if v.is_finite() {
            self.colours[self.class_of(v)]
        } else {
            FLAT
        }
    }

    /// Each class's range in words ("< −10", "−10 至 −5", "≥ 20"), with
    /// the decimals of its breaks.
    pub fn labels(&self, lang: Lang) -> Vec<String> {
        let step = Linear::tick_step(&self.breaks);
        let d = Linear::decimals(step.abs().max(1e-9)).max(if self.breaks.iter().all(|b| b.fract() == 0.0) { 0 } else { 1 });
        let f = |x: f64| crate::i18n::signed(x, d, lang).trim_start_matches('+').to_string();
        let to = Text::new(" 至 ", " to ").get(lang);
        let n = self.colours.len();
        (0..n)
            .map(|i| match (i, n) {
                (_, 1) => Text::new("全部相同", "all the same").get(lang).to_string(),
                (0, _) => format!("< {}", f(self.breaks[0])),
                (i, n) if i == n - 1 => format!("≥ {}", f(self.breaks[i - 1])),
                (i, _) => format!("{}{to}{}", f(self.breaks[i - 1]), f(self.breaks[i])),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_break_at_round_numbers_and_diverge_at_zero() {
        let values = [-12.0, -3.0, 4.0, 18.0, 35.0];
        let c = Classes::of(&values, Measure::Change);
        assert!(c.breaks.contains(&0.0), "{:?}", c.breaks);
        assert!(c.breaks.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(c.colours.len(), c.breaks.len() + 1);
        // Below zero orange, above purple, darker away from zero.
        assert!(DECLINE.contains(&c.colour_of(-12.0)) && GROWTH.contains(&c.colour_of(35.0)));
        assert_eq!(c.colour_of(-3.0), DECLINE[0]);
        assert_eq!(c.colour_of(4.0), GROWTH[0]);
        assert_ne!(c.colour_of(35.0), GROWTH[0]);
        let labels = c.labels(Lang::En);
        assert!(labels[0].starts_with("< −") && labels.last().unwrap().starts_with("≥ "), "{labels:?}");
        // A level: blues, light to dark; one value everywhere: one grey class.
        let c = Classes::of(&[10.0, 12.0, 15.0, 20.0], Measure::Share);
        assert_eq!((c.colour_of(10.0), c.colour_of(20.0)), (LEVEL[0], LEVEL[4]));
        let flat = Classes::of(&[0.0; 17], Measure::Change);
        assert_eq!((flat.colours.len(), flat.labels(Lang::Zh)[0].as_str()), (1, "全部相同"));
    }
}
