//! The plan audit: everything the plan lets a reader derive, recomputed and
//! held against what the plan prints.
//!
//! Every printed figure stands for the interval of values that round to it
//! ([`Num::interval`]); recomputations carry those intervals through
//! ([`Interval`]). A check *agrees* when the published interval meets the
//! recomputed one: the two figures could both be correct roundings of the
//! same truth. Otherwise it *disagrees*, and the difference is larger than
//! any rounding can explain.
//!
//! Numbers and ids only: each check says what it is ([`CheckKind`], with the
//! figures its sentence needs), and [`crate::present::audit`] words it.

use serde::Serialize;

use crate::data::counties::{
    County, CountyId, Table5Group, ANNING_BASIN, COUNTIES, KEY_ASSISTANCE, TABLE3_AT, TABLE5_AT, TOP_FIVE, URBANISATION_ABOVE_MEAN,
};
use crate::data::external::census_fact;
use crate::data::facts::Fact;
use crate::data::tables::{AreaKind, TABLE1, TABLE1_AT, TABLE2, TABLE2_AT, TABLE2_LIANGSHAN, TABLE2_SICHUAN, TABLE4, TABLE4_AT};
use crate::data::targets::{Goal, TargetId};
use crate::data::Loc;
use crate::error::{missing_data as missing, Error};
use crate::num::{Interval, Num};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Agrees within the printed rounding (or the stated tolerance).
    Agrees,
    /// Differs by more than rounding can explain.
    Disagrees,
}

/// A threshold of 表5's classes the text counts counties by.
pub const BIRTH_RATE_BELOW: f64 = 15.0;
pub const SHARE_60_PLUS_ABOVE: f64 = 10.0;
/// "左右" (about) read as within this fraction.
pub const ABOUT: f64 = 0.10;
/// "近" (nearly) N read as from N − 1 to N.
pub const NEARLY: f64 = 1.0;

/// How the published side of a check is shown.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Shown {
    /// As the plan prints it.
    Printed { text: &'static str },
    /// A figure of another source, or a sum, to this many decimals.
    Fixed { value: f64, decimals: usize },
    /// "近N" / "nearly N".
    Nearly { text: &'static str },
    /// "N万左右" / "about N" (persons).
    AboutTenThousand { value: Num },
    /// "≥N".
    AtLeast { text: &'static str },
}

/// A column of 表3 summed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Table3Column {
    Share2020,
    Share2010,
    Change,
}

/// A cell of 表2 the text repeats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Table2Cell {
    Liangshan2020,
    Liangshan2010,
    Sichuan2010,
    Sichuan2020,
}

/// Which counties the text counts by 表5's classes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum CountyClass {
    BirthRateBelow,
    BirthRateBelowInBasin,
    Share60PlusAbove,
    Share60PlusAboveInBasin,
}

/// A column of 表5 averaged over the counties.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Table5Column {
    Share60Plus,
    MinorityShare,
}

/// What a check is about, with what its words need.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CheckKind {
    Table1Share { year: u16, group: usize, count: Num, total: f64 },
    Table1SharesSum { year: u16 },
    Table1TotalVsText { year: u16, resident: Num, change: Option<Num> },
    Share0To14Rise { rise: Num, share_2020: Num, share_2010: Num },
    Table2Rise { row: usize },
    Table3Sum,
    Table3Share { county: CountyId, total: f64 },
    Table3Change { county: CountyId },
    Table3ColumnSum { column: Table3Column, expected: f64 },
    CountiesBySize { fact: &'static Fact },
    TopFive,
    TopFiveShare { share: Num, column_sum: f64 },
    CountyVsCensus { county: CountyId, persons: f64 },
    Table4Ratio { row: usize },
    CountyCount { fact: &'static Fact, class: CountyClass, threshold: f64, members: Vec<CountyId> },
    AnningCounties { count: Num },
    GroupsMatchBasin,
    KeyAssistanceCount { count: Num },
    BasinAndKeyCoverAll { both: Vec<CountyId> },
    UrbanisationAboveMean { count: Num },
    WeightedShare { fact: &'static Fact, column: Table5Column },
    BirthsImplied { births: Num, implied: f64 },
    MigrationComponents { total: Num, inflow: Num, within: Num },
    SeparatedGrowth { rise: Num, growth: Num, total: Num, base: f64 },
    SchoolingRise { rise: Num },
    SchoolingGapToSichuan2010 { gap: Num },
    SchoolingRiseRank { rank: Num },
    SchoolingVsTable2 { fact: &'static Fact, cell: Table2Cell },
    GdpRatioVsTable4 { ratio: Num, latest: usize, in_no_year: bool },
    GdpRatioFall { fall: Num, text_ratio: Num, first: usize, last: usize, text_is_first_less_text: bool },
    Box1Baseline { target: TargetId, fact: &'static Fact },
    UrbanisationRise { from_year: u16, from: Num, to_year: u16, to: Num, min_rise: Num },
    SexRatio2020 { ratio: Num, male: f64, female: f64 },
    Share60Plus2020 { share: Num, persons: f64 },
    Share15To59 { bulletin: f64, share_0_14: Num, share_60_plus: Num },
    HouseholdSize2010 { size: Num, fall: Num },
    Urbanisation2020 { urban: Num, rate: Num },
    UrbanisationGap { gap: Num, rate: Num, sichuan: f64 },
    UrbanisationRiseDecade { nearly: Num, rise: &'static Fact },
    ShareOfSichuan { share: Num, sichuan_10k: f64 },
    UniversityVsSichuan { per_100k: Num, share: Num, sichuan: f64 },
}

/// One check of the audit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Check {
    pub id: String,
    pub kind: CheckKind,
    /// The figure as printed (or as the text states it).
    pub published: f64,
    pub shown: Shown,
    /// The recomputed figure, taking every printed input at face value.
    pub recomputed: f64,
    /// The range the recomputation could take given the rounding of its inputs.
    pub recomputed_low: f64,
    pub recomputed_high: f64,
    /// `recomputed - published`.
    pub difference: f64,
    pub verdict: Verdict,
    /// Where the plan prints the claim.
    pub at: Loc,
}

/// What a check compares against: a printed figure, or a tolerance around
/// one for claims the plan makes loosely ("about", "nearly").
struct Published {
    value: f64,
    shown: Shown,
    interval: Interval,
}

impl Published {
    fn printed(n: Num) -> Published {
        Published { value: n.value, shown: Shown::Printed { text: n.text }, interval: n.interval() }
    }

    fn exact(x: f64) -> Published {
        Published { value: x, shown: Shown::Fixed { value: x, decimals: 0 }, interval: Interval::exact(x) }
    }

    fn count(n: usize) -> Published {
        Published::exact(n as f64)
    }

    /// A figure given to two decimals by another source.
    fn hundredths(x: f64) -> Published {
        Published { value: x, shown: Shown::Fixed { value: x, decimals: 2 }, interval: Interval::new(x - 0.005, x + 0.005) }
    }

    /// "近N": from N − [`NEARLY`] to N.
    fn nearly(n: Num) -> Published {
        Published { value: n.value, shown: Shown::Nearly { text: n.text }, interval: Interval::new(n.value - NEARLY, n.value) }
    }
}

/// A recomputation: its value at face value of the inputs, and its interval.
struct Recomputed {
    point: f64,
    interval: Interval,
}

impl Recomputed {
    fn new(point: f64, interval: Interval) -> Recomputed {
        Recomputed { point, interval }
    }

    fn exact(x: f64) -> Recomputed {
        Recomputed { point: x, interval: Interval::exact(x) }
    }

    fn count(n: usize) -> Recomputed {
        Recomputed::exact(n as f64)
    }
}

fn iv(n: Num) -> Interval {
    n.interval()
}

fn pct(part: Interval, whole: Interval) -> Interval {
    part.div(whole).map_or(Interval::new(f64::NEG_INFINITY, f64::INFINITY), |q| q.scale(100.0))
}

fn f(id: &str) -> Result<&'static Fact, Error> {
    crate::data::facts::required(id)
}

/// The sum of 表1's three groups in 2020: the prefecture's residents.
fn census_total() -> f64 {
    TABLE1.iter().map(|r| r.count_2020.value).sum()
}

#[derive(Default)]
struct Audit {
    checks: Vec<Check>,
}

impl Audit {
    fn check(&mut self, id: impl Into<String>, kind: CheckKind, p: Published, r: Recomputed, at: Loc) {
        let verdict = if p.interval.meets(&r.interval) { Verdict::Agrees } else { Verdict::Disagrees };
        self.checks.push(Check {
            id: id.into(),
            kind,
            published: p.value,
            shown: p.shown,
            recomputed: r.point,
            recomputed_low: r.interval.lo,
            recomputed_high: r.interval.hi,
            difference: r.point - p.value,
            verdict,
            at,
        });
    }

    fn table1(&mut self) -> Result<(), Error> {
        let resident = f("resident_pop_2020")?;
        let change = f("resident_pop_change_2010_2020")?;
        for year in [2010, 2020] {
            let counts = TABLE1.map(|r| if year == 2010 { r.count_2010 } else { r.count_2020 });
            let shares = TABLE1.map(|r| if year == 2010 { r.share_2010 } else { r.share_2020 });
            let total: f64 = counts.iter().map(|c| c.value).sum();
            for (group, (row, (count, share))) in TABLE1.iter().zip(counts.iter().zip(shares.iter())).enumerate() {
                self.check(
                    format!("t1.{year}.share.{}", row.group.en.replace([' ', '-'], "_")),
                    CheckKind::Table1Share { year, group, count: *count, total },
                    Published::printed(*share),
                    Recomputed::exact(count.value / total * 100.0),
                    TABLE1_AT,
                );
            }
            let sum = Interval::sum(shares.iter().map(|s| iv(*s)));
            self.check(
                format!("t1.{year}.shares_sum"),
                CheckKind::Table1SharesSum { year },
                Published::exact(100.0),
                Recomputed::new(shares.iter().map(|s| s.value).sum(), sum),
                TABLE1_AT,
            );
            // The counts against the total the text gives (2020) or implies
            // through the printed increase (2010).
            let (text_total, text_total_iv, change) = if year == 2020 {
                (resident.value.value, iv(resident.value), None)
            } else {
                (resident.value.value - change.value.value, iv(resident.value).sub(iv(change.value)), Some(change.value))
            };
            self.check(
                format!("t1.{year}.total_vs_text"),
                CheckKind::Table1TotalVsText { year, resident: resident.value, change },
                Published { value: text_total, shown: Shown::Fixed { value: text_total, decimals: 1 }, interval: text_total_iv },
                Recomputed::exact(total / 10_000.0),
                TABLE1_AT,
            );
        }
        let rise = f("share_0_14_rise_2010_2020")?;
        let (s2020, s2010) = (TABLE1[0].share_2020, TABLE1[0].share_2010);
        self.check(
            "text.share_0_14_rise",
            CheckKind::Share0To14Rise { rise: rise.value, share_2020: s2020, share_2010: s2010 },
            Published::printed(rise.value),
            Recomputed::new(s2020.value - s2010.value, iv(s2020).sub(iv(s2010))),
            rise.at,
        );
        Ok(())
    }

    fn table2(&mut self) {
        for (row, r) in TABLE2.iter().enumerate() {
            self.check(
                format!("t2.rise.{}", r.id),
                CheckKind::Table2Rise { row },
                Published::printed(r.rise),
                Recomputed::new(r.years_2020.value - r.years_2010.value, iv(r.years_2020).sub(iv(r.years_2010))),
                TABLE2_AT,
            );
        }
    }

    fn table3_columns(&mut self, total: f64) {
        let sum_pop = Interval::sum(COUNTIES.iter().map(|c| iv(c.pop_2020)));
        let point_sum: f64 = COUNTIES.iter().map(|c| c.pop_2020.value).sum();
        self.check(
            "t3.sum",
            CheckKind::Table3Sum,
            Published { value: total, shown: Shown::Fixed { value: total, decimals: 4 }, interval: Interval::exact(total) },
            Recomputed::new(point_sum, sum_pop),
            TABLE3_AT,
        );
        for c in COUNTIES.iter() {
            self.check(
                format!("t3.share_2020.{}", c.id),
                CheckKind::Table3Share { county: c.county_id(), total },
                Published::printed(c.share_2020),
                Recomputed::new(c.pop_2020.value / total * 100.0, pct(iv(c.pop_2020), Interval::exact(total))),
                TABLE3_AT,
            );
        }
        for c in COUNTIES.iter() {
            self.check(
                format!("t3.change.{}", c.id),
                CheckKind::Table3Change { county: c.county_id() },
                Published::printed(c.share_change),
                Recomputed::new(c.share_2020.value - c.share_2010.value, iv(c.share_2020).sub(iv(c.share_2010))),
                TABLE3_AT,
            );
        }
        type ShareOf = fn(&County) -> Num;
        let share_cols: [(&str, Table3Column, f64, ShareOf); 3] = [
            ("share_2020_sum", Table3Column::Share2020, 100.0, |c| c.share_2020),
            ("share_2010_sum", Table3Column::Share2010, 100.0, |c| c.share_2010),
            ("change_sum", Table3Column::Change, 0.0, |c| c.share_change),
        ];
        for (id, column, expected, col) in share_cols {
            self.check(
                format!("t3.{id}"),
                CheckKind::Table3ColumnSum { column, expected },
                Published::exact(expected),
                Recomputed::new(COUNTIES.iter().map(|c| col(c).value).sum(), Interval::sum(COUNTIES.iter().map(|c| iv(col(c))))),
                TABLE3_AT,
            );
        }
    }

    fn table3(&mut self) -> Result<(), Error> {
        let total = census_total() / 1e4;
        self.table3_columns(total);
        // County counts by size class (第一章第一节).
        for (fid, lo, hi) in [
            ("counties_over_900k", 90.0, f64::INFINITY),
            ("counties_300k_400k", 30.0, 40.0),
            ("counties_200k_300k", 20.0, 30.0),
            ("counties_100k_200k", 10.0, 20.0),
        ] {
            let fa = f(fid)?;
            let n = COUNTIES.iter().filter(|c| c.pop_2020.value >= lo && c.pop_2020.value < hi).count();
            self.check(
                format!("text.{fid}"),
                CheckKind::CountiesBySize { fact: fa },
                Published::printed(fa.value),
                Recomputed::count(n),
                fa.at,
            );
        }
        // The five largest counties.
        let by_pop = crate::num::largest_first(COUNTIES.iter(), |c| c.pop_2020.value);
        let top5 = &by_pop[..5];
        let listed = top5.iter().filter(|c| TOP_FIVE.contains(c.county_id())).count();
        self.check(
            "text.top_five_are_largest",
            CheckKind::TopFive,
            Published::count(TOP_FIVE.members.len()),
            Recomputed::count(listed),
            TOP_FIVE.at,
        );
        let share = f("top_five_counties_share")?;
        let top_pop = Interval::sum(top5.iter().map(|c| iv(c.pop_2020)));
        self.check(
            "text.top_five_share",
            CheckKind::TopFiveShare { share: share.value, column_sum: top5.iter().map(|c| c.share_2020.value).sum() },
            Published::printed(share.value),
            Recomputed::new(top5.iter().map(|c| c.pop_2020.value).sum::<f64>() / total * 100.0, pct(top_pop, Interval::exact(total))),
            share.at,
        );
        // External census figures for two counties.
        for (area, county) in [("Xichang", crate::data::counties::XICHANG), ("Yanyuan", crate::data::counties::YANYUAN)] {
            let ext = census_fact(area, 2020, "resident_pop")?;
            let c = county.county();
            self.check(
                format!("t3.pop_2020.{}_vs_census", c.id),
                CheckKind::CountyVsCensus { county, persons: ext.value },
                Published::printed(c.pop_2020),
                Recomputed::exact(ext.value / 1e4),
                TABLE3_AT,
            );
        }
        Ok(())
    }

    fn table4(&mut self) {
        for (row, r) in TABLE4.iter().enumerate() {
            self.check(
                format!("t4.ratio.{}", r.year),
                CheckKind::Table4Ratio { row },
                Published::printed(r.ratio),
                Recomputed::new(r.liangshan.value / r.sichuan.value * 100.0, pct(iv(r.liangshan), iv(r.sichuan))),
                TABLE4_AT,
            );
        }
    }

    fn table5_classes(&mut self) -> Result<(), Error> {
        let in_basin = |c: &County| ANNING_BASIN.contains(c.county_id());
        for (fid, class, threshold) in [
            ("counties_cbr_under_15", CountyClass::BirthRateBelow, BIRTH_RATE_BELOW),
            ("anning_counties_cbr_under_15", CountyClass::BirthRateBelowInBasin, BIRTH_RATE_BELOW),
            ("counties_60plus_over_10", CountyClass::Share60PlusAbove, SHARE_60_PLUS_ABOVE),
            ("anning_counties_60plus_over_10", CountyClass::Share60PlusAboveInBasin, SHARE_60_PLUS_ABOVE),
        ] {
            let fa = f(fid)?;
            let member = |c: &County| match class {
                CountyClass::BirthRateBelow => c.cbr_2020.value < threshold,
                CountyClass::BirthRateBelowInBasin => c.cbr_2020.value < threshold && in_basin(c),
                CountyClass::Share60PlusAbove => c.share_60plus_2020.value > threshold,
                CountyClass::Share60PlusAboveInBasin => c.share_60plus_2020.value > threshold && in_basin(c),
            };
            let members: Vec<CountyId> = COUNTIES.iter().filter(|c| member(c)).map(County::county_id).collect();
            let n = members.len();
            self.check(
                format!("t5.{fid}"),
                CheckKind::CountyCount { fact: fa, class, threshold, members },
                Published::printed(fa.value),
                Recomputed::count(n),
                fa.at,
            );
        }
        Ok(())
    }

    fn groups(&mut self) -> Result<(), Error> {
        let basin = f("anning_counties")?;
        self.check(
            "t5.anning_counties",
            CheckKind::AnningCounties { count: basin.value },
            Published::printed(basin.value),
            Recomputed::count(ANNING_BASIN.members.len()),
            basin.at,
        );
        let same_group =
            COUNTIES.iter().filter(|c| (c.table5_group == Table5Group::AnningBasin) == ANNING_BASIN.contains(c.county_id())).count();
        self.check(
            "t5.groups_match_basin_list",
            CheckKind::GroupsMatchBasin,
            Published::count(COUNTIES.len()),
            Recomputed::count(same_group),
            TABLE5_AT,
        );
        let key = f("key_assistance_counties")?;
        self.check(
            "groups.key_assistance_count",
            CheckKind::KeyAssistanceCount { count: key.value },
            Published::printed(key.value),
            Recomputed::count(KEY_ASSISTANCE.members.len()),
            KEY_ASSISTANCE.at,
        );
        let either = |c: &CountyId| ANNING_BASIN.contains(*c) || KEY_ASSISTANCE.contains(*c);
        let covered = CountyId::all().filter(either).count();
        let both = CountyId::all().filter(|c| ANNING_BASIN.contains(*c) && KEY_ASSISTANCE.contains(*c)).collect();
        self.check(
            "groups.basin_and_key_cover_all",
            CheckKind::BasinAndKeyCoverAll { both },
            Published::count(COUNTIES.len()),
            Recomputed::count(covered),
            ANNING_BASIN.at,
        );
        let above = f("counties_urbanisation_above_mean")?;
        self.check(
            "text.urbanisation_above_mean_list",
            CheckKind::UrbanisationAboveMean { count: above.value },
            Published::printed(above.value),
            Recomputed::count(URBANISATION_ABOVE_MEAN.members.len()),
            above.at,
        );
        Ok(())
    }

    fn table5(&mut self) -> Result<(), Error> {
        self.table5_classes()?;
        self.groups()?;
        // Weighted means of 表5 against the prefecture's figures.
        let pop_sum = Interval::sum(COUNTIES.iter().map(|c| iv(c.pop_2020)));
        type ColOf = fn(&County) -> Num;
        let weighted: [(&str, Table5Column, ColOf); 2] = [
            ("share_60plus_2020", Table5Column::Share60Plus, |c| c.share_60plus_2020),
            ("minority_share_2020", Table5Column::MinorityShare, |c| c.minority_share_2020),
        ];
        for (fid, column, col) in weighted {
            let fa = f(fid)?;
            let num_iv = Interval::sum(COUNTIES.iter().map(|c| iv(c.pop_2020).mul(iv(col(c)))));
            let point = COUNTIES.iter().map(|c| c.pop_2020.value * col(c).value).sum::<f64>()
                / COUNTIES.iter().map(|c| c.pop_2020.value).sum::<f64>();
            self.check(
                format!("t5.weighted_{fid}"),
                CheckKind::WeightedShare { fact: fa, column },
                Published::printed(fa.value),
                Recomputed::new(point, num_iv.div(pop_sum).unwrap_or(num_iv)),
                fa.at,
            );
        }
        let births = f("births_per_year")?;
        let b_iv = Interval::sum(COUNTIES.iter().map(|c| iv(c.pop_2020).mul(iv(c.cbr_2020)))).scale(10.0);
        let b_point: f64 = COUNTIES.iter().map(|c| c.pop_2020.value * c.cbr_2020.value * 10.0).sum();
        let persons = births.value.value * 1e4;
        self.check(
            "t5.births_implied",
            CheckKind::BirthsImplied { births: births.value, implied: b_point },
            Published {
                value: persons,
                shown: Shown::AboutTenThousand { value: births.value },
                interval: Interval::new(persons * (1.0 - ABOUT), persons * (1.0 + ABOUT)),
            },
            Recomputed::new(b_point, b_iv),
            births.at,
        );
        Ok(())
    }

    fn migration(&mut self) -> Result<(), Error> {
        let sep = f("separated_from_hukou_2020")?;
        let inflow = f("inflow_other_provinces")?;
        let within = f("mobile_within_sichuan")?;
        self.check(
            "text.migration_components",
            CheckKind::MigrationComponents { total: sep.value, inflow: inflow.value, within: within.value },
            Published::printed(sep.value),
            Recomputed::exact(inflow.value.value + within.value.value),
            sep.at,
        );
        let rise = f("separated_from_hukou_rise")?;
        let growth = f("separated_from_hukou_growth")?;
        let base = sep.value.value - rise.value.value;
        self.check(
            "text.separated_growth",
            CheckKind::SeparatedGrowth { rise: rise.value, growth: growth.value, total: sep.value, base },
            Published::printed(growth.value),
            Recomputed::exact(rise.value.value / base * 100.0),
            growth.at,
        );
        Ok(())
    }

    /// Schooling: the text against 表2.
    fn schooling(&mut self) -> Result<(), Error> {
        let (sc, ls) = (&TABLE2[TABLE2_SICHUAN], &TABLE2[TABLE2_LIANGSHAN]);
        let s_rise = f("schooling_rise_2010_2020")?;
        self.check(
            "text.schooling_rise",
            CheckKind::SchoolingRise { rise: s_rise.value },
            Published::printed(s_rise.value),
            Recomputed::new(ls.years_2020.value - ls.years_2010.value, iv(ls.years_2020).sub(iv(ls.years_2010))),
            s_rise.at,
        );
        let gap = f("schooling_gap_to_sichuan_2010")?;
        self.check(
            "text.schooling_gap_to_sichuan_2010",
            CheckKind::SchoolingGapToSichuan2010 { gap: gap.value },
            Published::printed(gap.value),
            Recomputed::new(sc.years_2010.value - ls.years_2020.value, iv(sc.years_2010).sub(iv(ls.years_2020))),
            gap.at,
        );
        let rank = f("schooling_rise_rank")?;
        let better = TABLE2.iter().filter(|r| r.kind != AreaKind::Province && r.rise.value > ls.rise.value).count();
        self.check(
            "text.schooling_rise_rank",
            CheckKind::SchoolingRiseRank { rank: rank.value },
            Published::printed(rank.value),
            Recomputed::count(better + 1),
            rank.at,
        );
        for (fid, value, cell) in [
            ("schooling_2020", ls.years_2020, Table2Cell::Liangshan2020),
            ("schooling_2010", ls.years_2010, Table2Cell::Liangshan2010),
            ("schooling_sichuan_2010", sc.years_2010, Table2Cell::Sichuan2010),
            ("schooling_sichuan_2020", sc.years_2020, Table2Cell::Sichuan2020),
        ] {
            let fa = f(fid)?;
            self.check(
                format!("text.{fid}_vs_table2"),
                CheckKind::SchoolingVsTable2 { fact: fa, cell },
                Published::printed(fa.value),
                Recomputed::new(value.value, iv(value)),
                fa.at,
            );
        }
        Ok(())
    }

    /// GDP per capita: the text against 表4.
    fn gdp(&mut self) -> Result<(), Error> {
        let ratio = f("gdp_per_capita_vs_sichuan")?;
        let fall = f("gdp_per_capita_ratio_fall_since_2010")?;
        let (first, latest) = (0, TABLE4.len() - 1);
        let (r0, r1) = (TABLE4[first], TABLE4[latest]);
        self.check(
            "text.gdp_ratio_vs_table4",
            CheckKind::GdpRatioVsTable4 { ratio: ratio.value, latest, in_no_year: TABLE4.iter().all(|r| r.ratio.text != ratio.value.text) },
            Published::printed(ratio.value),
            Recomputed::new(r1.liangshan.value / r1.sichuan.value * 100.0, pct(iv(r1.liangshan), iv(r1.sichuan))),
            ratio.at,
        );
        let text_gap = r0.ratio.value - ratio.value.value;
        self.check(
            "text.gdp_ratio_fall_vs_table4",
            CheckKind::GdpRatioFall {
                fall: fall.value,
                text_ratio: ratio.value,
                first,
                last: latest,
                text_is_first_less_text: (text_gap - fall.value.value).abs() < fall.value.half_unit(),
            },
            Published::printed(fall.value),
            Recomputed::new(r0.ratio.value - r1.ratio.value, iv(r0.ratio).sub(iv(r1.ratio))),
            fall.at,
        );
        Ok(())
    }

    /// 专栏1: its 2020 column against the text, its urbanisation targets
    /// against the text's annual rise.
    fn box1(&mut self) -> Result<(), Error> {
        for (target, fid) in [
            (TargetId::ResidentPop2030, "resident_pop_2020"),
            (TargetId::LifeExpectancy2030, "life_expectancy_2020"),
            (TargetId::Urbanisation2030, "urbanisation_2020"),
            (TargetId::Srb, "sex_ratio_2020"),
            (TargetId::Schooling2030, "schooling_2020"),
        ] {
            let tg = target.target();
            let fa = f(fid)?;
            let base = tg.baseline_2020.ok_or_else(|| missing(target.slug()))?;
            self.check(
                format!("box1.{}.baseline_2020", target.slug()),
                CheckKind::Box1Baseline { target, fact: fa },
                Published::printed(base),
                Recomputed::new(fa.value.value, iv(fa.value)),
                tg.at,
            );
        }
        let rise_goal = TargetId::UrbanisationAnnualRise.target();
        let Goal::AnnualRiseAtLeast(min_rise) = rise_goal.goal else { return Err(missing("urbanisation_annual_rise")) };
        let u2020 = f("urbanisation_2020")?.value;
        let reach = |id: TargetId| match id.target().goal {
            Goal::Reach(n) => Ok(n),
            _ => Err(missing(id.slug())),
        };
        let (u2025, u2030) = (reach(TargetId::Urbanisation2025)?, reach(TargetId::Urbanisation2030)?);
        // Targets are exact values, not roundings: only the 2020 figure
        // carries a rounding interval.
        let exact = |n: Num| Interval::exact(n.value);
        for (from_year, from, from_iv, to_year, to) in
            [(2020, u2020, iv(u2020), 2025, u2025), (2025, u2025, exact(u2025), 2030, u2030), (2020, u2020, iv(u2020), 2030, u2030)]
        {
            let years = f64::from(to_year - from_year);
            self.check(
                format!("targets.urbanisation_rise_{from_year}_{to_year}"),
                CheckKind::UrbanisationRise { from_year, from, to_year, to, min_rise },
                Published {
                    value: min_rise.value,
                    shown: Shown::AtLeast { text: min_rise.text },
                    interval: Interval::new(min_rise.value, f64::INFINITY),
                },
                Recomputed::new((to.value - from.value) / years, exact(to).sub(from_iv).scale(1.0 / years)),
                rise_goal.at,
            );
        }
        Ok(())
    }

    fn external_population(&mut self) -> Result<(), Error> {
        let male = census_fact("Liangshan", 2020, "male")?.value;
        let female = census_fact("Liangshan", 2020, "female")?.value;
        let sr = f("sex_ratio_2020")?;
        self.check(
            "text.sex_ratio_2020",
            CheckKind::SexRatio2020 { ratio: sr.value, male, female },
            Published::printed(sr.value),
            Recomputed::exact(male / female * 100.0),
            sr.at,
        );
        let total = census_total();
        let p60 = census_fact("Liangshan", 2020, "pop_60plus")?.value;
        let s60 = f("share_60plus_2020")?;
        self.check(
            "text.share_60plus_2020",
            CheckKind::Share60Plus2020 { share: s60.value, persons: p60 },
            Published::printed(s60.value),
            Recomputed::exact(p60 / total * 100.0),
            s60.at,
        );
        let s15_59 = census_fact("Liangshan", 2020, "share_15_59")?.value;
        let s0_14 = f("share_0_14_2020")?;
        self.check(
            "text.share_15_59_2020",
            CheckKind::Share15To59 { bulletin: s15_59, share_0_14: s0_14.value, share_60_plus: s60.value },
            Published::hundredths(s15_59),
            Recomputed::new(100.0 - s0_14.value.value - s60.value.value, Interval::exact(100.0).sub(iv(s0_14.value)).sub(iv(s60.value))),
            s60.at,
        );
        let hh = f("household_size_2020")?;
        let hh_fall = f("household_size_fall_2010_2020")?;
        let hh2010 = census_fact("Liangshan", 2010, "household_size")?.value;
        self.check(
            "text.household_size_2010",
            CheckKind::HouseholdSize2010 { size: hh.value, fall: hh_fall.value },
            Published::hundredths(hh2010),
            Recomputed::new(hh.value.value + hh_fall.value.value, iv(hh.value).add(iv(hh_fall.value))),
            hh.at,
        );
        Ok(())
    }

    fn external_urbanisation(&mut self) -> Result<(), Error> {
        let total = census_total();
        let urban = f("urban_pop_2020")?;
        let rate = f("urbanisation_2020")?;
        self.check(
            "text.urbanisation_2020",
            CheckKind::Urbanisation2020 { urban: urban.value, rate: rate.value },
            Published::printed(rate.value),
            Recomputed::new(urban.value.value / (total / 1e4) * 100.0, pct(iv(urban.value), Interval::exact(total / 1e4))),
            rate.at,
        );
        let sc_urban = census_fact("Sichuan", 2020, "urbanization")?.value;
        let gap = f("urbanisation_gap_to_sichuan")?;
        self.check(
            "text.urbanisation_gap_to_sichuan",
            CheckKind::UrbanisationGap { gap: gap.value, rate: rate.value, sichuan: sc_urban },
            Published::nearly(gap.value),
            Recomputed::new(sc_urban - rate.value.value, Interval::exact(sc_urban).sub(iv(rate.value))),
            gap.at,
        );
        let rise = f("urbanisation_rise_2010_2020")?;
        let near10 = f("urbanisation_rise_decade")?;
        self.check(
            "text.urbanisation_rise_decade",
            CheckKind::UrbanisationRiseDecade { nearly: near10.value, rise },
            Published::nearly(near10.value),
            Recomputed::new(rise.value.value, iv(rise.value)),
            near10.at,
        );
        Ok(())
    }

    fn external_sichuan(&mut self) -> Result<(), Error> {
        let total = census_total();
        let sc_pop = census_fact("Sichuan", 2020, "resident_pop_10k")?.value;
        let share = f("share_of_sichuan_2020")?;
        self.check(
            "text.share_of_sichuan_2020",
            CheckKind::ShareOfSichuan { share: share.value, sichuan_10k: sc_pop },
            Published::printed(share.value),
            Recomputed::exact(total / 1e4 / sc_pop * 100.0),
            share.at,
        );
        let univ = f("university_per_100k_2020")?;
        let univ_share = f("university_vs_sichuan")?;
        let sc_univ = census_fact("Sichuan", 2020, "univ_per_100k")?.value;
        self.check(
            "text.university_vs_sichuan",
            CheckKind::UniversityVsSichuan { per_100k: univ.value, share: univ_share.value, sichuan: sc_univ },
            Published::printed(univ_share.value),
            Recomputed::exact(univ.value.value / sc_univ * 100.0),
            univ_share.at,
        );
        Ok(())
    }
}

/// Runs every check.
pub fn audit() -> Result<Vec<Check>, Error> {
    let mut a = Audit::default();
    a.table1()?;
    a.table2();
    a.table3()?;
    a.table4();
    a.table5()?;
    a.migration()?;
    a.schooling()?;
    a.gdp()?;
    a.box1()?;
    a.external_population()?;
    a.external_urbanisation()?;
    a.external_sichuan()?;
    Ok(a.checks)
}

/// What the audit notes beside the arithmetic: labels and units that do not
/// fit what they label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Observation {
    /// A target's own note (the TFR's unit, the sex ratio at birth's 2020 value).
    Target(TargetId),
    /// 表1 is titled a comparison chart.
    Table1Title,
    /// 图1-图3 have no images or data in the text.
    FiguresMissing,
}

pub fn observations() -> Vec<Observation> {
    let mut out: Vec<Observation> =
        [TargetId::Tfr2030, TargetId::Srb].into_iter().filter(|t| t.target().note.is_some()).map(Observation::Target).collect();
    out.extend([Observation::Table1Title, Observation::FiguresMissing]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_id(checks: &[Check], id: &str) -> Check {
        checks.iter().find(|c| c.id == id).unwrap_or_else(|| panic!("no check {id}")).clone()
    }

    #[test]
    fn every_check_has_a_unique_id_and_a_finite_recomputation() {
        let checks = audit().unwrap();
        let mut ids: Vec<&str> = checks.iter().map(|c| c.id.as_str()).collect();
        ids.sort();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate check ids");
        for c in &checks {
            assert!(c.recomputed.is_finite(), "{}", c.id);
            assert!(c.recomputed_low <= c.recomputed + 1e-9 && c.recomputed <= c.recomputed_high + 1e-9, "{}", c.id);
        }
        assert!(n >= 100, "only {n} checks");
    }

    #[test]
    fn finds_the_known_inconsistencies_and_only_those() {
        let checks = audit().unwrap();
        let mut failing: Vec<&str> = checks.iter().filter(|c| c.verdict == Verdict::Disagrees).map(|c| c.id.as_str()).collect();
        failing.sort();
        assert_eq!(
            failing,
            vec![
                "t3.change.yuexi",
                "t5.births_implied",
                "targets.urbanisation_rise_2025_2030",
                "text.gdp_ratio_fall_vs_table4",
                "text.gdp_ratio_vs_table4",
            ]
        );
        let yuexi = by_id(&checks, "t3.change.yuexi");
        assert!((yuexi.recomputed - 0.27).abs() < 1e-9);
        assert!((yuexi.difference + 0.04).abs() < 1e-9);
        // The text's 20.95 is 表4's 2010 ratio less the text's own 60.65.
        assert!(matches!(
            by_id(&checks, "text.gdp_ratio_fall_vs_table4").kind,
            CheckKind::GdpRatioFall { text_is_first_less_text: true, .. }
        ));
        assert!(matches!(by_id(&checks, "text.gdp_ratio_vs_table4").kind, CheckKind::GdpRatioVsTable4 { in_no_year: true, .. }));
    }

    #[test]
    fn recomputes_table_shares_from_counts() {
        let checks = audit().unwrap();
        let c = by_id(&checks, "t1.2020.share.15_64");
        assert!((c.recomputed - 62.8747).abs() < 1e-3);
        assert_eq!(c.verdict, Verdict::Agrees);
        let t = by_id(&checks, "t3.sum");
        assert!((t.recomputed - 485.85).abs() < 1e-9);
        let top = by_id(&checks, "text.top_five_share");
        assert!((top.recomputed - 49.434).abs() < 1e-3);
        let births = by_id(&checks, "t5.births_implied");
        assert!((births.recomputed - 84_413.3).abs() < 1.0);
        assert!(
            matches!(by_id(&checks, "groups.basin_and_key_cover_all").kind, CheckKind::BasinAndKeyCoverAll { ref both } if both.len() == 2)
        );
    }

    #[test]
    fn a_wrong_figure_would_be_caught() {
        // The same interval test, applied to a figure off by one unit of its
        // last digit more than rounding allows, must disagree.
        let published = crate::num!(62.86).interval();
        let recomputed = Interval::exact(3054681.0 / 4858359.0 * 100.0);
        assert!(!published.meets(&recomputed));
    }
}
