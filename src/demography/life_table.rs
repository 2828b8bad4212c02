//! Life tables from death rates, abridged or by single year of age, with the
//! usual conventions for the average person-years lived by those who die in
//! an interval (nax): Coale-Demeny's formulas for ages 0 and 1-4 (Preston et
//! al. 2001, table 3.3), half the interval elsewhere, 1/m in the open group.

use serde::Serialize;

use super::Sex;
use crate::error::{Error, ErrorKind};

/// A complete life table. Every column runs over the age groups; the last
/// group is open.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LifeTable {
    /// Lower bound of each age group.
    pub ages: Vec<f64>,
    pub mx: Vec<f64>,
    pub ax: Vec<f64>,
    pub qx: Vec<f64>,
    pub lx: Vec<f64>,
    pub dx: Vec<f64>,
    #[serde(rename = "Lx")]
    pub big_lx: Vec<f64>,
    #[serde(rename = "Tx")]
    pub tx: Vec<f64>,
    pub ex: Vec<f64>,
    pub radix: f64,
}

fn invalid(field: &str, message: String) -> Error {
    ErrorKind::Spec { field: field.to_string(), message }.into()
}

/// Coale-Demeny a0 and 4a1 from the death rate at age 0.
pub fn coale_demeny_a0_a1(m0: f64, sex: Sex) -> (f64, f64) {
    match (sex, m0 >= 0.107) {
        (Sex::Female, true) => (0.35, 1.361),
        (Sex::Female, false) => (0.053 + 2.800 * m0, 1.522 - 1.518 * m0),
        (Sex::Male, true) => (0.33, 1.352),
        (Sex::Male, false) => (0.045 + 2.684 * m0, 1.651 - 2.816 * m0),
    }
}

impl LifeTable {
    /// A life table from death rates `mx` for the age groups starting at
    /// `ages` (the last open). `ax` may be given; otherwise the conventions
    /// above apply.
    pub fn from_rates(ages: &[f64], mx: &[f64], ax: Option<&[f64]>, sex: Sex, radix: f64) -> Result<LifeTable, Error> {
        let k = ages.len();
        if k < 2 || mx.len() != k || ax.is_some_and(|a| a.len() != k) {
            return Err(invalid("mx", format!("needs one rate per age group ({k}), at least two groups")));
        }
        if ages.windows(2).any(|w| w[1] <= w[0]) {
            return Err(invalid("ages", "must increase".into()));
        }
        if let Some(i) = mx.iter().position(|m| !m.is_finite() || *m < 0.0) {
            return Err(invalid(&format!("mx[{i}]"), "must be a non-negative number".into()));
        }
        if mx[k - 1] <= 0.0 {
            return Err(invalid(&format!("mx[{}]", k - 1), "must be positive in the open group".into()));
        }
        let widths: Vec<f64> = ages.windows(2).map(|w| w[1] - w[0]).collect();
        let (a0, a1) = coale_demeny_a0_a1(mx[0], sex);
        let ax: Vec<f64> = match ax {
            Some(a) => a.to_vec(),
            None => (0..k)
                .map(|i| {
                    if i == k - 1 {
                        1.0 / mx[i]
                    } else if i == 0 && widths[0] == 1.0 {
                        a0
                    } else if i == 1 && ages[1] == 1.0 && widths[1] == 4.0 {
                        a1
                    } else {
                        widths[i] / 2.0
                    }
                })
                .collect(),
        };
        let mut qx = vec![1.0; k];
        for i in 0..k - 1 {
            let n = widths[i];
            qx[i] = (n * mx[i] / (1.0 + (n - ax[i]) * mx[i])).clamp(0.0, 1.0);
        }
        let mut lx = vec![radix; k];
        for i in 1..k {
            lx[i] = lx[i - 1] * (1.0 - qx[i - 1]);
        }
        let dx: Vec<f64> = (0..k).map(|i| if i + 1 < k { lx[i] - lx[i + 1] } else { lx[i] }).collect();
        let big_lx: Vec<f64> = (0..k).map(|i| if i + 1 < k { widths[i] * lx[i + 1] + ax[i] * dx[i] } else { lx[i] / mx[i] }).collect();
        let mut tx = vec![0.0; k];
        let mut acc = 0.0;
        for i in (0..k).rev() {
            acc += big_lx[i];
            tx[i] = acc;
        }
        let ex = (0..k).map(|i| if lx[i] > 0.0 { tx[i] / lx[i] } else { 0.0 }).collect();
        Ok(LifeTable { ages: ages.to_vec(), mx: mx.to_vec(), ax, qx, lx, dx, big_lx, tx, ex, radix })
    }

    pub fn e0(&self) -> f64 {
        self.ex[0]
    }
}

/// The usual abridged ages: 0, 1, 5, 10, ..., `last` (open).
pub fn abridged_ages(last: u32) -> Vec<f64> {
    let mut a = vec![0.0, 1.0];
    a.extend((5..=last).step_by(5).map(f64::from));
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_constant_rate_gives_the_exponential_life_expectancy() {
        // With m constant and a = n/2 the table is close to exponential survival:
        // e0 = 1/m in the limit of short intervals.
        let ages: Vec<f64> = (0..=200).map(f64::from).collect();
        let mx = vec![0.02; ages.len()];
        let ax = vec![0.5; ages.len()];
        let lt = LifeTable::from_rates(&ages, &mx, Some(&ax), Sex::Female, 1.0).unwrap();
        assert!((lt.e0() - 50.0).abs() < 0.05, "{}", lt.e0());
        // dx sums to the radix; Tx[0] is the sum of Lx.
        assert!((lt.dx.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn coale_demeny_conventions() {
        assert_eq!(coale_demeny_a0_a1(0.2, Sex::Female), (0.35, 1.361));
        let (a0, a1) = coale_demeny_a0_a1(0.01, Sex::Male);
        assert!((a0 - 0.07184).abs() < 1e-12 && (a1 - 1.62284).abs() < 1e-12);
    }

    #[test]
    fn bad_rates_are_errors() {
        let ages = abridged_ages(85);
        assert!(LifeTable::from_rates(&ages, &[0.01; 3], None, Sex::Male, 1.0).is_err());
        let mut m = vec![0.01; ages.len()];
        m[4] = f64::NAN;
        assert!(LifeTable::from_rates(&ages, &m, None, Sex::Male, 1.0).unwrap_err().to_string().contains("mx[4]"));
    }
}
