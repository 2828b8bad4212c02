//! The mortality model of a projection, one per sex: a West model table as
//! the standard and Brass's logit slope β fitted so that both life
//! expectancy and infant mortality of the base year are met; later years
//! keep β and move α to each year's life expectancy.

use serde::Serialize;

use super::model_life_tables::{brass_fit, brass_to_e0_with, cd_west, cd_west_range, ModelTable};
use super::single_year::single_year;
use super::Sex;
use crate::error::Error;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SexModel {
    /// Life expectancy of the West table used as the standard.
    pub standard_e0: f64,
    /// Brass's slope: above 1, lower infant and child mortality than the
    /// West pattern at the same life expectancy.
    pub beta: f64,
    #[serde(skip_serializing)]
    standard: ModelTable,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mortality {
    pub female: SexModel,
    pub male: SexModel,
}

impl Mortality {
    /// Fits each sex to its life expectancy and infant mortality (deaths
    /// before age 1 per birth).
    pub fn fit(e0_female: f64, e0_male: f64, q0_female: f64, q0_male: f64) -> Result<Mortality, Error> {
        let one = |sex: Sex, e0: f64, q0: f64| -> Result<SexModel, Error> {
            let (lo, hi) = cd_west_range(sex);
            let standard_e0 = e0.clamp(lo, hi);
            let standard = cd_west(sex, standard_e0)?;
            let (beta, _) = brass_fit(&standard, e0, q0)?;
            Ok(SexModel { standard_e0, beta, standard })
        };
        Ok(Mortality { female: one(Sex::Female, e0_female, q0_female)?, male: one(Sex::Male, e0_male, q0_male)? })
    }

    fn model(&self, sex: Sex) -> &SexModel {
        match sex {
            Sex::Female => &self.female,
            Sex::Male => &self.male,
        }
    }

    /// The abridged table for `sex` at life expectancy `e0`.
    pub fn table(&self, sex: Sex, e0: f64) -> Result<ModelTable, Error> {
        let m = self.model(sex);
        brass_to_e0_with(&m.standard, e0, m.beta)
    }

    /// Single-year person-years (radix 1, ages 0 to `last`+) at `e0`.
    pub fn nlx(&self, sex: Sex, e0: f64, last: usize) -> Result<Vec<f64>, Error> {
        Ok(single_year(&self.table(sex, e0)?, last).big_lx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demography::model_life_tables::tests::brass_to_e0_reference;

    #[test]
    fn every_table_of_the_projections_grid_is_the_exact_bisections_to_the_bit() {
        // The plan's base (projection::base): the same mortality as the grid's.
        let m = crate::model::Model::new().unwrap().base.mortality.clone();
        for sex in [Sex::Female, Sex::Male] {
            let s = m.model(sex);
            for j in 0..=1500 {
                let e0 = 20.0 + 0.05 * j as f64;
                let fast = m.table(sex, e0).unwrap();
                let slow = brass_to_e0_reference(&s.standard, e0, s.beta);
                assert_eq!(
                    fast.nlx.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
                    slow.nlx.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
                    "{sex:?} {e0}"
                );
            }
        }
    }

    #[test]
    fn meets_both_targets_and_keeps_the_slope_for_other_years() {
        let m = Mortality::fit(78.0, 72.25, 0.0056, 0.0065).unwrap();
        let f = m.table(Sex::Female, 78.0).unwrap();
        assert!((f.e0 - 78.0).abs() < 1e-6 && (1.0 - f.lx[1] - 0.0056).abs() < 1e-9);
        let later = m.table(Sex::Female, 81.0).unwrap();
        assert!((later.e0 - 81.0).abs() < 1e-6);
        assert!(1.0 - later.lx[1] < 0.0056, "infant mortality falls as life expectancy rises");
        let s = m.nlx(Sex::Male, 72.25, 100).unwrap();
        assert!((s.iter().sum::<f64>() - 72.25).abs() < 1e-6);
    }
}
