//! The yearly indicators of a run, as typed ids: what a fan, a target's
//! check and a chart's series are of.

use super::scenario::Year;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Indicator {
    Population,
    Births,
    Deaths,
    NetMigrants,
    Cbr,
    Cdr,
    GrowthRate,
    Tfr,
    E0Female,
    E0Male,
    Share0To14,
    Share15To59,
    Share15To64,
    Share60Plus,
    Share65Plus,
    Share80Plus,
    YouthDependency,
    OldAgeDependency,
    TotalDependency,
    MedianAge,
    SexRatio,
}

impl Indicator {
    pub const ALL: [Indicator; 21] = [
        Indicator::Population,
        Indicator::Births,
        Indicator::Deaths,
        Indicator::NetMigrants,
        Indicator::Cbr,
        Indicator::Cdr,
        Indicator::GrowthRate,
        Indicator::Tfr,
        Indicator::E0Female,
        Indicator::E0Male,
        Indicator::Share0To14,
        Indicator::Share15To59,
        Indicator::Share15To64,
        Indicator::Share60Plus,
        Indicator::Share65Plus,
        Indicator::Share80Plus,
        Indicator::YouthDependency,
        Indicator::OldAgeDependency,
        Indicator::TotalDependency,
        Indicator::MedianAge,
        Indicator::SexRatio,
    ];

    /// Its name in JSON: `population`, `share_60_plus`, ...
    pub fn slug(self) -> &'static str {
        match self {
            Indicator::Population => "population",
            Indicator::Births => "births",
            Indicator::Deaths => "deaths",
            Indicator::NetMigrants => "net_migrants",
            Indicator::Cbr => "cbr",
            Indicator::Cdr => "cdr",
            Indicator::GrowthRate => "growth_rate",
            Indicator::Tfr => "tfr",
            Indicator::E0Female => "e0_female",
            Indicator::E0Male => "e0_male",
            Indicator::Share0To14 => "share_0_14",
            Indicator::Share15To59 => "share_15_59",
            Indicator::Share15To64 => "share_15_64",
            Indicator::Share60Plus => "share_60_plus",
            Indicator::Share65Plus => "share_65_plus",
            Indicator::Share80Plus => "share_80_plus",
            Indicator::YouthDependency => "youth_dependency",
            Indicator::OldAgeDependency => "old_age_dependency",
            Indicator::TotalDependency => "total_dependency",
            Indicator::MedianAge => "median_age",
            Indicator::SexRatio => "sex_ratio",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Indicator> {
        Indicator::ALL.into_iter().find(|i| i.slug() == slug)
    }

    /// Its value in year `y` (flows are NaN in the last year, which has no
    /// following year).
    pub fn of(self, y: &Year) -> f64 {
        let flow = |v: Option<f64>| v.unwrap_or(f64::NAN);
        match self {
            Indicator::Population => y.population,
            Indicator::Births => flow(y.births),
            Indicator::Deaths => flow(y.deaths),
            Indicator::NetMigrants => flow(y.net_migrants),
            Indicator::Cbr => flow(y.cbr),
            Indicator::Cdr => flow(y.cdr),
            Indicator::GrowthRate => flow(y.growth_rate),
            Indicator::Tfr => y.tfr,
            Indicator::E0Female => y.e0_female,
            Indicator::E0Male => y.e0_male,
            Indicator::Share0To14 => y.share_0_14,
            Indicator::Share15To59 => y.share_15_59,
            Indicator::Share15To64 => y.share_15_64,
            Indicator::Share60Plus => y.share_60_plus,
            Indicator::Share65Plus => y.share_65_plus,
            Indicator::Share80Plus => y.share_80_plus,
            Indicator::YouthDependency => y.youth_dependency,
            Indicator::OldAgeDependency => y.old_age_dependency,
            Indicator::TotalDependency => y.total_dependency,
            Indicator::MedianAge => y.median_age,
            Indicator::SexRatio => y.sex_ratio,
        }
    }
}

serde_by_slug!(Indicator, "indicator");
