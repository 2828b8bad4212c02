//! Base populations of the 17 counties (ESTIMATES): the prefecture's
//! estimated age-sex structure, tilted for each county by its birth rate
//! (children) and its share aged 60+ (表5), scaled to its total (表3), then
//! raked so that the counties add up to the prefecture exactly in every age
//! and sex while each keeps its total and its 60+ share.

use serde::Serialize;

use super::base::{BasePopulation, AGES};
use crate::data::counties::COUNTIES;
use crate::error::Error;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CountyBase {
    pub id: &'static str,
    pub female: Vec<f64>,
    pub male: Vec<f64>,
    /// 表3's total, scaled so that the counties add up to the census total.
    pub total: f64,
    /// 表5's share aged 60+ and the estimate's.
    pub share_60_plus_published: f64,
    pub share_60_plus_estimate: f64,
    /// Share aged 0-4 of the estimate, a proxy the birth rate steers.
    pub share_0_4_estimate: f64,
}

/// The 17 county base populations from the prefecture's.
pub fn estimate_counties(base: &BasePopulation) -> Result<Vec<CountyBase>, Error> {
    let pref_total: f64 = base.female.iter().chain(&base.male).sum();
    let published: f64 = COUNTIES.iter().map(|c| c.pop_2020.value * 1e4).sum();
    let pref_60: f64 = (60..AGES).map(|a| base.female[a] + base.male[a]).sum::<f64>() / pref_total * 100.0;
    let pref_cbr: f64 =
        COUNTIES.iter().map(|c| c.cbr_2020.value * c.pop_2020.value).sum::<f64>() / COUNTIES.iter().map(|c| c.pop_2020.value).sum::<f64>();
    let n = COUNTIES.len();
    let totals: Vec<f64> = COUNTIES.iter().map(|c| c.pop_2020.value * 1e4 * pref_total / published).collect();
    // Prior: cells (county, sex, age).
    let mut cells: Vec<[Vec<f64>; 2]> = COUNTIES
        .iter()
        .zip(&totals)
        .map(|(c, total)| {
            let young = c.cbr_2020.value / pref_cbr;
            let old = c.share_60plus_2020.value / pref_60;
            let w = |a: usize| {
                if a < 15 {
                    young
                } else if a >= 60 {
                    old
                } else {
                    1.0
                }
            };
            let f: Vec<f64> = (0..AGES).map(|a| base.female[a] * w(a)).collect();
            let m: Vec<f64> = (0..AGES).map(|a| base.male[a] * w(a)).collect();
            let s: f64 = f.iter().chain(&m).sum();
            [f.iter().map(|x| x * total / s).collect(), m.iter().map(|x| x * total / s).collect()]
        })
        .collect();
    // Each county's 60+ population from 表5, scaled so that the counties'
    // add up to the prefecture's (表5's shares, weighted, give 12.443%
    // against the prefecture's 12.441%).
    let olds: Vec<f64> = COUNTIES.iter().zip(&totals).map(|(c, t)| c.share_60plus_2020.value / 100.0 * t).collect();
    let pref_old: f64 = (60..AGES).map(|a| base.female[a] + base.male[a]).sum();
    let olds: Vec<f64> = olds.iter().map(|o| o * pref_old / olds.iter().sum::<f64>()).collect();
    // Rake: every (sex, age) column to the prefecture; every county's
    // under-60 and 60+ populations to theirs (which fixes its total too).
    for _ in 0..300 {
        for sex in 0..2 {
            let pref = if sex == 0 { &base.female } else { &base.male };
            for a in 0..AGES {
                let s: f64 = cells.iter().map(|c| c[sex][a]).sum();
                if s > 0.0 {
                    for c in cells.iter_mut() {
                        c[sex][a] *= pref[a] / s;
                    }
                }
            }
        }
        for ((c, total), old) in cells.iter_mut().zip(&totals).zip(&olds) {
            for (range, target) in [(0..60, total - old), (60..AGES, *old)] {
                let s: f64 = c.iter().map(|sex| sex[range.clone()].iter().sum::<f64>()).sum();
                if s > 0.0 {
                    for sex in c.iter_mut() {
                        for v in &mut sex[range.clone()] {
                            *v *= target / s;
                        }
                    }
                }
            }
        }
    }
    Ok((0..n)
        .map(|i| {
            let [f, m] = &cells[i];
            let total: f64 = f.iter().chain(m).sum();
            let band = |lo: usize, hi: usize| (lo..=hi).map(|a| f[a] + m[a]).sum::<f64>() / total * 100.0;
            CountyBase {
                id: COUNTIES[i].id,
                female: f.clone(),
                male: m.clone(),
                total: totals[i],
                share_60_plus_published: COUNTIES[i].share_60plus_2020.value,
                share_60_plus_estimate: band(60, AGES - 1),
                share_0_4_estimate: band(0, 4),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::projection::base::estimate;

    #[test]
    fn counties_add_up_to_the_prefecture_in_every_age_and_sex() {
        let base = estimate().unwrap();
        let cs = estimate_counties(&base).unwrap();
        assert_eq!(cs.len(), 17);
        for a in 0..AGES {
            let f: f64 = cs.iter().map(|c| c.female[a]).sum();
            let m: f64 = cs.iter().map(|c| c.male[a]).sum();
            assert!((f - base.female[a]).abs() < 1e-6 * base.female[a].max(1.0), "female {a}");
            assert!((m - base.male[a]).abs() < 1e-6 * base.male[a].max(1.0), "male {a}");
        }
        for c in &cs {
            let t: f64 = c.female.iter().chain(&c.male).sum();
            assert!((t - c.total).abs() < 1e-3 * c.total.max(1.0) / 100.0, "{}", c.id);
        }
    }

    #[test]
    fn county_ageing_follows_table_5() {
        let cs = estimate_counties(&estimate().unwrap()).unwrap();
        for c in &cs {
            // Within the printed rounding, after the 0.002-point rescaling.
            assert!(
                (c.share_60_plus_estimate - c.share_60_plus_published).abs() < 0.01,
                "{}: {} vs {}",
                c.id,
                c.share_60_plus_estimate,
                c.share_60_plus_published
            );
        }
        let by = |id: &str| cs.iter().find(|c| c.id == id).unwrap().share_0_4_estimate;
        assert!(by("xide") > by("xichang"), "a higher birth rate gives more young children");
    }
}
