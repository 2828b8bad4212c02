//! Urbanisation: a logistic trend through the 2010 and 2020 rates (the
//! logit of the urban share rising linearly in time), set against the
//! plan's 46% (2025) and 50% (2030).

use serde::Serialize;

use crate::data::facts::required;
use crate::error::Error;
use crate::indicators::derived::derived_figures;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Urbanisation {
    /// Percent urban in 2010 (derived from the text) and 2020.
    pub rate_2010: f64,
    pub rate_2020: f64,
    /// Yearly rise of logit(share).
    pub slope: f64,
    /// (year, percent) from 2020 to `horizon`.
    pub path: Vec<(u16, f64)>,
}

fn logit(p: f64) -> f64 {
    ln(p / (1.0 - p))
}

use crate::error::missing_data as missing;
use crate::math::{exp, ln};

/// The logistic trend to `horizon`.
pub fn project(horizon: u16) -> Result<Urbanisation, Error> {
    let r2020 = required("urbanisation_2020")?.value.value;
    let r2010 = derived_figures()?.into_iter().find(|d| d.id == "urbanisation_2010").ok_or_else(|| missing("urbanisation_2010"))?.value;
    let slope = (logit(r2020 / 100.0) - logit(r2010 / 100.0)) / 10.0;
    let path = (2020..=horizon.max(2020))
        .map(|y| {
            let l = logit(r2020 / 100.0) + slope * f64::from(y - 2020);
            (y, 100.0 / (1.0 + exp(-l)))
        })
        .collect();
    Ok(Urbanisation { rate_2010: r2010, rate_2020: r2020, slope, path })
}

impl Urbanisation {
    pub fn at(&self, year: u16) -> Option<f64> {
        self.path.iter().find(|(y, _)| *y == year).map(|(_, v)| *v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passes_through_both_censuses_and_falls_short_of_the_targets() {
        let u = project(2050).unwrap();
        assert!((u.at(2020).unwrap() - 36.96).abs() < 1e-9);
        let back = 100.0 / (1.0 + exp(-(logit(0.3696) - 10.0 * u.slope)));
        assert!((back - 27.52).abs() < 1e-9);
        let (y25, y30) = (u.at(2025).unwrap(), u.at(2030).unwrap());
        assert!(y25 < 46.0 && y30 < 50.0, "{y25} {y30}");
        assert!(u.path.windows(2).all(|w| w[1].1 > w[0].1 && w[1].1 < 100.0));
    }
}
